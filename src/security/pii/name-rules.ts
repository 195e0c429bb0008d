import type { PiiSpan } from './types.js';

/** Nationalities, religious and political groups (presidio's NRP), matched as whole words. */
const NRP_WORDS =
  'american|british|english|scottish|welsh|irish|french|german|italian|spanish|portuguese|dutch|belgian|swiss|austrian|polish|czech|slovak|hungarian|romanian|bulgarian|greek|turkish|russian|ukrainian|belarusian|croatian|serbian|bosnian|slovenian|swedish|norwegian|danish|finnish|icelandic|estonian|latvian|lithuanian|chinese|japanese|korean|vietnamese|thai|cambodian|indian|pakistani|bangladeshi|afghan|iranian|iraqi|syrian|lebanese|israeli|palestinian|saudi|saudis|egyptian|moroccan|algerian|nigerian|kenyan|ethiopian|mexican|brazilian|argentinian|chilean|colombian|peruvian|venezuelan|cuban|canadian|australian|filipino|indonesian|malaysian|christian|christians|catholic|catholics|protestant|muslim|muslims|jewish|jews|hindu|hindus|buddhist|buddhists|sikh|sikhs|shia|shiite|shiis|sunni|sunnis|atheist|democrat|democrats|republican|republicans|socialist|communist|conservative|liberal';
const NRP_RE = new RegExp(`\\b(?:${NRP_WORDS})\\b`, 'giu');
/** {@link NRP_RE} without its case-insensitive flag, for the folded text ({@link foldForNrp}): about three times faster. */
const NRP_FOLDED_RE = new RegExp(`\\b(?:${NRP_WORDS})\\b`, 'gu');

/**
 * The text as NRP_RE reads it with flags i and u, lower-cased, position for position: every code point that the
 * flags match to an ASCII letter or count as a word character lower-cases to it (the Kelvin sign to "k") except
 * 'ſ', which becomes "s". Undefined when lower-casing changes the length ('İ' becomes two code units).
 */
function foldForNrp(text: string): string | undefined {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return undefined;
  return lower.includes('ſ') ? lower.replace(/ſ/g, 's') : lower;
}
/** The NRP words, lower-cased. */
export const NRP_WORD_SET: ReadonlySet<string> = new Set(NRP_WORDS.split('|'));

const TITLE_NAME = /\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Mx|Sir|Madam|Mme|Herr|Frau)\.?\s+((?:[\p{Lu}][\p{L}'’-]+)(?:\s+[\p{Lu}]\.?)?(?:\s+[\p{Lu}][\p{L}'’-]+)?)/gu;
/** Last words of organisation names: legal forms and sectors ("Acme Inc", "Rand Corporation", "Loveland Technologies"). */
export const ORG_SUFFIX_WORDS: readonly string[] = [
  'Inc', 'Incorporated', 'Ltd', 'Limited', 'LLC', 'LLP', 'GmbH', 'AG', 'SA', 'Corp', 'Corporation', 'Company', 'Co', 'Group',
  'Technologies', 'Technology', 'Bank', 'University', 'Institute', 'Associates', 'Partners', 'Foundation', 'Insurance',
  'Capital', 'Holdings', 'Systems', 'Solutions', 'Labs', 'Laboratories', 'Ventures', 'Agency', 'Analytics', 'Software',
  'Investments', 'Consulting', 'Research', 'Media', 'Networks', 'Services', 'Industries', 'Enterprises',
  'Pharmaceuticals', 'Therapeutics', 'Communications', 'Studios', 'Logistics', 'Interactive', 'Robotics',
];
/**
 * Last words of the names of institutions and public buildings, which are organisations too ("Lake Forest
 * College", "St. Mary's Hospital"); not features of the tagger, which was trained without them.
 */
export const INSTITUTION_WORDS: readonly string[] = [
  'College', 'School', 'Elementary', 'Academy', 'Hospital', 'Clinic', 'Church', 'Museum', 'Library', 'Hotel', 'Airport', 'Stadium',
];
const ORG_SUFFIX = new RegExp(`\\b((?:[\\p{Lu}][\\p{L}&'’-]*,?\\s+(?:and\\s+)?){1,4}(?:${ORG_SUFFIX_WORDS.join('|')})\\b\\.?)`, 'gu');
/** What every match of ORG_SUFFIX holds, a suffix word ending a word: about ten times faster to look for, and rare in a diary. */
const ORG_SUFFIX_GATE = new RegExp(`(?:${ORG_SUFFIX_WORDS.join('|')})\\b`, 'u');

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (end > start && /[\s.,;:!?'"’)]/u.test(text[end - 1] ?? '')) end--;
  while (start < end && /[\s'"(“]/u.test(text[start] ?? '')) start++;
  // Keep the dot of a trailing initial ("Faina D.") out; keep titles' own dots.
  return [start, end];
}

/**
 * Names after a title, organisations with a legal or sector suffix, and nationality/religion/party words
 * (NRP): cheap rules whose hits are features for the tagger.
 */
export function findNameRuleSpans(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const m of text.matchAll(TITLE_NAME)) {
    const name = m[1];
    if (!name || m.index === undefined) continue;
    const start = m.index + m[0].indexOf(name);
    spans.push({ type: 'PERSON', start, end: start + name.length, text: name, confidence: 0.85, source: 'rule:title' });
  }
  for (const m of ORG_SUFFIX_GATE.test(text) ? text.matchAll(ORG_SUFFIX) : []) {
    const org = m[1];
    if (!org || m.index === undefined) continue;
    const [start, end] = trimSpan(text, m.index, m.index + org.length);
    spans.push({ type: 'ORGANIZATION', start, end, text: text.slice(start, end), confidence: 0.8, source: 'rule:org-suffix' });
  }
  const folded = foldForNrp(text);
  for (const m of folded === undefined ? text.matchAll(NRP_RE) : folded.matchAll(NRP_FOLDED_RE)) {
    if (m.index === undefined) continue;
    const end = m.index + m[0].length;
    spans.push({ type: 'NRP', start: m.index, end, text: text.slice(m.index, end), confidence: 0.6, source: 'rule:nrp' });
  }
  return spans;
}
