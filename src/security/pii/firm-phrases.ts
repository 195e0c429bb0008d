/**
 * Shops, banks and services a diary names by two words or more ("Marks and Spencer", "Whole Foods", "Blue Bottle"), which
 * the tagger may pass over or read in part ("Spencer" as a person): chosen from everyday life, not from any evaluation
 * data (none of them occurs in presidio-synth; "Morgan Stanley", which does, is left out). Single words are the
 * gazetteer's (scripts/train-pii-gazetteer.ts's EXTRA_ORGANISATIONS).
 */
import { ORDINARY_CLASSES, type GazetteerClass } from './gazetteer.js';
import { FUNCTION_WORDS } from './name-cues.js';
import { DisjointRanges, SpanIndex } from './span-index.js';
import { NAME_TYPES } from './span-roles.js';
import type { PiiSpan } from './types.js';

/** The names, in lower case with single spaces; "and" and "&" are both written where a firm is written both ways. */
const EVERYDAY_FIRMS: readonly string[] = [
  'marks and spencer', 'marks & spencer', 'whole foods', 'blue bottle', "trader joe's", 'trader joes', 'pret a manger',
  'costa coffee', 'bath and body works', 'bath & body works', 'barnes and noble', 'barnes & noble',
  'procter and gamble', 'procter & gamble', 'johnson and johnson', 'johnson & johnson', 'ernst and young', 'ernst & young',
  'crate and barrel', 'crate & barrel', 'holland and barrett', 'holland & barrett', 'burger king', 'five guys', 'best buy',
  'planet fitness', 'pure gym', 'sports direct', 'tk maxx', 'dollar tree', 'dollar general', 'shake shack', 'panera bread',
  'olive garden', 'royal mail', 'british gas', 'british airways', 'virgin media', 'virgin atlantic', 'bank of america',
  'deutsche bank', 'credit suisse', 'lloyds bank', 'citizens advice', 'pizza express', 'premier inn',
  'holiday inn', 'body shop', 'urban outfitters', 'american airlines', 'united airlines', 'delta air lines', 'southwest airlines',
  'national rail', 'transport for london', 'thames water', 'octopus energy', 'scottish power', 'bt sport',
  'sky sports', 'apple store', 'genius bar', 'old navy', 'foot locker', 'victoria\'s secret', 'dunkin donuts', 'krispy kreme',
  'toni & guy', 'toni and guy', 'taco bell', 'pizza hut', 'home depot', 'wells fargo', 'goldman sachs', 'jp morgan', 'chase bank', 'capital one',
];

/**
 * A run of capitalised words on one line that may be such a name: two to five, a joiner ("and", "&", "a", "of", "for")
 * allowed before each but the first. In ASCII, as every name of the list is (a scan without Unicode classes is several
 * times faster); the characters around it are checked apart ({@link NOT_AROUND}).
 */
const CANDIDATE = /\b[A-Z][A-Za-z0-9'’]*(?:(?:[ \t]+(?:and|&|a|of|for))?[ \t]+[A-Z][A-Za-z0-9'’]*){1,4}/g;
/** A character that may not stand right before or after a run: a letter, a digit or a joining mark. */
const NOT_AROUND = /[\p{L}\p{N}'’&-]/u;
/** The word right before a run, capitalised: the run is then part of a longer name, left to the tagger. */
const CAPITALISED_BEFORE = /\p{Lu}[\p{L}\p{N}'’]*[ \t]+$/u;

const firms = new Set(EVERYDAY_FIRMS);

/** Spans found by one regex scan, which never overlap, as ranges to look up. */
function disjoint(spans: readonly PiiSpan[]): DisjointRanges<PiiSpan> {
  const ranges = new DisjointRanges<PiiSpan>();
  for (const span of spans) ranges.add(span);
  return ranges;
}

/**
 * Spans (in text order) with every everyday firm of {@link EVERYDAY_FIRMS} written with capitals ("Marks and Spencer",
 * "Whole Foods") as one organisation: it replaces the name, place or organisation spans inside it ("Spencer" read as a
 * person; "Whole Foods" read as one) unless an organisation's span or a longer one holds it ("Whole Foods Market" read as
 * a firm, "Costa Coffee Ltd" as one), or a span of another kind overlaps it. In a run of capitalised words and
 * joiners, each firm is the longest one at the first word that starts one; a run right after a capitalised word is skipped.
 */
export function everydayFirms(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const found: PiiSpan[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const after = text[m.index + m[0].length];
    if ((m.index > 0 && NOT_AROUND.test(text[m.index - 1]!)) || (after !== undefined && NOT_AROUND.test(after))) continue;
    if (CAPITALISED_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    const words = [...m[0].matchAll(/\S+/gu)];
    // The longest firm at the first capitalised word that starts one, then on after it.
    for (let first = 0; first < words.length - 1; first++) {
      if (!/^\p{Lu}/u.test(words[first]![0])) continue;
      for (let n = words.length; n >= first + 2; n--) {
        const last = words[n - 1]!;
        if (!/^\p{Lu}/u.test(last[0]) || !firms.has(words.slice(first, n).map((w) => w[0]).join(' ').toLowerCase())) continue;
        const start = m.index + words[first]!.index!;
        const end = m.index + last.index! + last[0].length;
        found.push({ type: 'ORGANIZATION', start, end, text: text.slice(start, end), confidence: 0.7, source: 'rule:everyday-firm' });
        first = n - 1;
        break;
      }
    }
  }
  if (!found.length) return [...spans];
  // Not where an organisation's span holds it, or a longer span of any kind ("Whole Foods Market", "John Lewis Smith"), or
  // a span of another kind overlaps it (an e-mail address).
  const index = new SpanIndex(spans);
  const kept = found.filter((f) => !index.overlapping(f.start, f.end).some((s) => (s.start <= f.start && f.end <= s.end && (s.type === 'ORGANIZATION' || s.end - s.start > f.end - f.start))
    || !NAME_TYPES.has(s.type)));
  if (!kept.length) return [...spans];
  const firmsFound = disjoint(kept);
  const out = spans.filter((s) => !firmsFound.holding(s.start, s.end));
  return [...out, ...kept].sort((a, b) => a.start - b.start);
}

/**
 * Firms known by initials joined by an ampersand ("Popped into M&S", "jeans from H&M"); other such initials are no firm
 * ("Q&A", "R&B", "B&B", "G&T", "A&E", "T&Cs").
 */
const AMPERSAND_FIRMS: ReadonlySet<string> = new Set(['m&s', 'h&m', 'at&t', 'b&q', 'p&o', 'p&g', 'j&j', 'a&w', 'c&a', 's&p', 'b&h']);
/** Two words joined by an ampersand with no space ("M&S", "Toni&Guy"). */
const JOINED = /(?<![\p{L}\p{N}&'’-])(\p{Lu}[\p{L}]*)&(\p{Lu}[\p{L}]*)(?![\p{L}\p{N}&'’-])/gu;
/** An ampersand and a capitalised word after a name's span ("Toni" + " & Guy"). */
const AMPERSAND_AFTER = /^[ \t]?&[ \t]?(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}'’-])/u;

/**
 * Names joined by an ampersand: initials of {@link AMPERSAND_FIRMS} and two capitalised words of three letters or more
 * written with no space around it ("Toni&Guy"), not both ordinary words and neither a relation, a day or a function word,
 * are an organisation, replacing the spans inside; a name's span right before an ampersand and a capitalised word no span
 * covers that is no ordinary word, relation, day or function word takes it in, keeping its kind ("Sam" + " & Priyanka"; not
 * "Moonchaser Article" + " & Review"). Spans in text order; so is the result.
 */
export function ampersandNames(text: string, spans: readonly PiiSpan[], lexicon: ReadonlyMap<string, GazetteerClass>): PiiSpan[] {
  if (!text.includes('&')) return [...spans];
  const plain = (word: string): boolean => ORDINARY_CLASSES.has(lexicon.get(word.toLowerCase()) ?? '');
  // A relation or a day ("Mum", "Dad", "Monday"), or a function word: no name.
  const other = (word: string): boolean => FUNCTION_WORDS.has(word.toLowerCase()) || ['actor', 'date'].includes(lexicon.get(word.toLowerCase()) ?? '');
  const found: PiiSpan[] = [];
  for (const m of text.matchAll(JOINED)) {
    const known = AMPERSAND_FIRMS.has(m[0].toLowerCase());
    const named = /^\p{Lu}\p{Ll}{2,}$/u.test(m[1]!) && /^\p{Lu}\p{Ll}{2,}$/u.test(m[2]!) && !(plain(m[1]!) && plain(m[2]!)) && !other(m[1]!) && !other(m[2]!);
    if (known || named) found.push({ type: 'ORGANIZATION', start: m.index, end: m.index + m[0].length, text: m[0], confidence: 0.7, source: 'rule:ampersand-firm' });
  }
  const index = new SpanIndex(spans);
  const kept = found.filter((f) => !index.overlapping(f.start, f.end).some((s) => !NAME_TYPES.has(s.type) || s.start < f.start || s.end > f.end));
  const firmsFound = disjoint(kept);
  const out = spans.filter((s) => !firmsFound.holding(s.start, s.end)).map((s) => {
    if (!NAME_TYPES.has(s.type)) return s;
    const after = AMPERSAND_AFTER.exec(text.slice(s.end, s.end + 40));
    if (!after || other(after[1]!) || plain(after[1]!)) return s;
    const end = s.end + after[0].length;
    return index.overlapping(s.end, end).some((o) => o !== s) ? s : { ...s, end, text: text.slice(s.start, end) };
  });
  return [...out, ...kept].sort((a, b) => a.start - b.start);
}
