/**
 * Second readings of the tagger's name, place and organisation spans from the words around them: a span that
 * names a job ("as Fumigator", "the Packager", a résumé line "Dining room and cafeteria attendant") is a
 * TITLE, a one- or two-word person after words that introduce a place ("originally from Marindia", "grew
 * up in Shelly Park", "the University of Nicosia") is a LOCATION, and a one-word person whose people follow it
 * ("Bridgewater's Parker Suknović", "Josef Mališ of Importio") is an ORGANIZATION. They run after the tagger, on
 * its spans.
 */
import type { GazetteerClass } from './gazetteer.js';
import type { PiiSpan } from './types.js';

/** Endings of job nouns the lexicon does not know ("fumigator", "packager", "echocardiographer", "biologist", "songwriter"; not "typewriter"). */
const JOB_ENDING = /(?:grapher|ologist|ician|ator|ager|ist|eer|worker|(?<!type)writer)$/u;

/** An ending that makes a job noun only in lower case: "librarian", not "Libertarian" or "Rastafarian". */
const LOWER_JOB_ENDING = /^\p{Ll}+rian$/u;

/**
 * Whether a word names a job: compromise files it among the nouns for people by what they do ('actor': "clerk",
 * "attendant", "manager"), or the lexicon does not know it and it has a job noun's ending; "engineer" and
 * "volunteer", which it knows as verbs, count too.
 */
export function jobNoun(word: string, lexicon: ReadonlyMap<string, GazetteerClass>): boolean {
  const lower = word.toLowerCase();
  // A job title names one person; a plural is a band, a show or a crowd ("the Jonas Bros", "Trailer Park Boys").
  if (/[^s]s$/u.test(lower)) return false;
  const cls = lexicon.get(lower);
  if (cls === 'actor') return true;
  if (cls === undefined) return lower.length >= 6 && (JOB_ENDING.test(lower) || LOWER_JOB_ENDING.test(word));
  return cls === 'word' && lower.endsWith('eer');
}

/** Words right before a job title of any length ("worked there as", "as a"). */
const BEFORE_TITLE = /(?:^|[^\p{L}])as(?:[ \t]+an?)?[ \t]+$/iu;

/** "the" right before a one-word job title ("Marie Langrová, the Packager, said"). */
const THE = /(?:^|[^\p{L}])the[ \t]+$/iu;

/** Words right before a place: where one comes from, lives, grew up or studies. */
const BEFORE_PLACE = /(?:^|[^\p{L}])(?:originally from|comes? from|grew up in|lives? in|lived in|born in|raised in|moved to|university of)[ \t]+$/iu;

/** Name-like types: the tagger's one-word spans of them are dropped when the word is ordinary, and their roles read again here. */
export const NAME_TYPES: ReadonlySet<string> = new Set(['PERSON', 'LOCATION', 'ORGANIZATION']);

/** A line (trimmed) that is a name: two to four capitalised words and nothing else. */
const NAME_LINE = /^\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){1,3}$/u;

/**
 * Whether `line` (trimmed) reads as a job title on a line of its own: at most six words, the first capitalised
 * and every other in lower case ("and", commas allowed), the last a job noun ("Dining room and
 * cafeteria attendant", "Court, municipal, and license clerk", "Children's librarian").
 */
function titleLine(line: string, lexicon: ReadonlyMap<string, GazetteerClass>): boolean {
  const words = line.split(/[\s,]+/u).filter(Boolean);
  return words.length >= 1 && words.length <= 6 && /^\p{Lu}/u.test(words[0]!)
    && words.slice(1).every((w) => /^\p{Ll}/u.test(w)) && jobNoun(words[words.length - 1]!, lexicon);
}

/**
 * A capitalised word right after "as" with no article, and up to three lower-case words after it: a job title
 * when it, or its start, ends with a job noun ("worked for Microsoft as Dairy scientist, but", "as Fumigator").
 */
const AS_TITLE = /(?<![\p{L}])as[ \t]+(\p{Lu}\p{Ll}[\p{L}'’-]*(?:[ \t]+\p{Ll}[\p{L}'’-]*){0,3})/gu;

/** Words before "as" that make what follows a name, not a job ("known as Dude", "referred to as User"). */
const NAMED_AS = /(?:known|referred to|referenced|called|named|such)[ \t]+$/iu;

/**
 * Job titles the tagger did not read as one, found by layout, with every span inside them replaced: a line
 * that reads as a job title ({@link titleLine}) right under a line that is a name (a résumé's or signature's
 * "Lara Fiorentino / Dining room and cafeteria attendant"), and a capitalised title after "as" ({@link AS_TITLE};
 * not after "known as", "called" and the like). `spans` are in text order; so is the result.
 */
export function titleSpans(text: string, spans: readonly PiiSpan[], lexicon: ReadonlyMap<string, GazetteerClass>): PiiSpan[] {
  const found: PiiSpan[] = [];
  let offset = 0;
  let previous = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const start = offset + raw.length - raw.trimStart().length;
    offset += raw.length + 1;
    if (!line) continue;
    if (NAME_LINE.test(previous) && titleLine(line, lexicon)) {
      found.push({ type: 'TITLE', start, end: start + line.length, text: line, confidence: 0.7, source: 'rule:title-line' });
    }
    previous = line;
  }
  for (const m of text.matchAll(AS_TITLE)) {
    if (NAMED_AS.test(text.slice(Math.max(0, m.index! - 20), m.index!))) continue;
    const start = m.index! + m[0].length - m[1]!.length;
    const words = [...m[1]!.matchAll(/\S+/gu)];
    // The longest start of the words that ends with a job noun ("Dairy scientist" of "Dairy scientist and").
    const last = words.findLastIndex((w) => jobNoun(w[0], lexicon));
    if (last === -1) continue;
    const end = start + words[last]!.index! + words[last]![0].length;
    found.push({ type: 'TITLE', start, end, text: text.slice(start, end), confidence: 0.7, source: 'rule:title-after-as' });
  }
  if (!found.length) return [...spans];
  // A found title replaces the spans inside it; a span already read as that same title stays instead.
  const same = (s: PiiSpan, t: PiiSpan): boolean => s.type === 'TITLE' && s.start === t.start && s.end === t.end;
  const kept = spans.filter((s) => !found.some((t) => s.start >= t.start && s.end <= t.end && !same(s, t)));
  const added = found.filter((t) => !kept.some((s) => same(s, t)));
  return [...kept, ...added].sort((a, b) => a.start - b.start);
}

/**
 * The span read again from its context (itself when nothing applies):
 * - a name, place or organisation after "as" or "as a" whose last word is a job noun is a TITLE, and so is
 *   one followed by a lower-case job noun, which joins it ("as Biomedical engineer"); after "the", a single
 *   word that is a job noun ("the Packager");
 * - a person of one or two words after "originally from", "grew up in", "lives in", "moved to", "University
 *   of" and the like is a LOCATION, unless a possessive follows ("moved to Sam's").
 */
export function readRole(text: string, span: PiiSpan, lexicon: ReadonlyMap<string, GazetteerClass>): PiiSpan {
  if (!NAME_TYPES.has(span.type)) return span;
  const before = text.slice(Math.max(0, span.start - 40), span.start);
  const words = span.text.split(/\s+/u);
  if (BEFORE_TITLE.test(before)) {
    const next = /^[ \t]+(\p{Ll}+)/u.exec(text.slice(span.end));
    if (next && jobNoun(next[1]!, lexicon)) {
      const end = span.end + next[0].length;
      return { ...span, type: 'TITLE', end, text: text.slice(span.start, end) };
    }
    if (jobNoun(words[words.length - 1]!, lexicon)) return { ...span, type: 'TITLE' };
  }
  if (words.length === 1 && THE.test(before) && jobNoun(span.text, lexicon)) return { ...span, type: 'TITLE' };
  if (span.type === 'PERSON' && words.length <= 2 && BEFORE_PLACE.test(before) && !/^['’]s\b/u.test(text.slice(span.end))) {
    return { ...span, type: 'LOCATION' };
  }
  return span;
}

/** What a company has and a person has not, right after its name ("according to the Costquest website", "the Monzo app"). */
export const COMPANY_THING = /^[ \t]+(?:website|web site|app|headquarters|HQ|employees|staff|CEO|platform|stores|branch)\b/u;

/**
 * What is said of a company and never of a person, right after its name: "is a/an", up to three words, and
 * "multinational" whatever follows ("… is an Irish multinational investment bank") or a kind of company that ends
 * the phrase ("Acme is a design agency based in"; not "is a design agency owner", "is a charity worker", "is a
 * company man"; "firm" is left out, "a firm believer").
 */
export const COMPANY_KIND = /^[ \t]+is[ \t]+an?[ \t]+(?:[\p{L}-]+[ \t]+){0,3}?(?:multinational\b|(?:agency|company|start-?up|corporation|conglomerate|retailer|manufacturer|consultancy|charity|non-?profit)(?:[ \t]*(?:[.,;:!?)]|$)|[ \t]+(?:based|headquartered|founded|in|that|which|with|from|known|speciali[sz]ing)\b))/u;

/** Between the names of a firm's partners: a comma, "and", or both (same line). */
const PARTNER_GAP = /^(?:,[ \t]+|[ \t]+and[ \t]+|,[ \t]+and[ \t]+)$/u;

/** Gazetteer classes of a word that can own people ("Bridgewater's Parker Suknović"), unlike a given name or a role. */
const OWNER_CLASSES: ReadonlySet<GazetteerClass | undefined> = new Set([undefined, 'last', 'place', 'org']);

/**
 * Organisations read from the people around them, on spans in text order (the same list, retyped):
 * - a one-word person right before "'s" and a person of two words or more, a word the lexicon does not know as
 *   a given name ("Bridgewater's Parker Suknović", "Evans-Bonilla's Tânia Souza"; not "Anna's Mark Twain");
 * - a one-word person the lexicon does not know, right after a person of two words or more and "of" ("Josef
 *   Mališ of Importio");
 * - a one-word nationality or religion the lexicon knows as an organisation ("her Uber resignation letter");
 * - a person right before something only a company has ({@link COMPANY_THING}: "the Roadify Transit website") or is
 *   ({@link COMPANY_KIND}: "Ramsey-Johnson is an Swedish multinational"), or
 *   before a lower-case job noun and a full name ("Acme engineer Jo Lee", "Zorbex manager Zoe Young"), taking in a
 *   list of partners' surnames before it ("Barnett, Melton and Garcia songwriter Samantha Bašić").
 */
export function readOrganisations(text: string, spans: readonly PiiSpan[], lexicon: ReadonlyMap<string, GazetteerClass>): PiiSpan[] {
  const oneWord = (s: PiiSpan | undefined): boolean => s !== undefined && !/\s/u.test(s.text);
  const fullName = (s: PiiSpan | undefined): boolean => s !== undefined && s.type === 'PERSON' && /\s/u.test(s.text);
  /** Spans taken into a firm named by its partners, dropped after the mapping. */
  const absorbed = new Set<number>();
  const out = spans.map((span, i): PiiSpan => {
    if (span.type === 'PERSON' && COMPANY_THING.test(text.slice(span.end, span.end + 24))) return { ...span, type: 'ORGANIZATION' };
    if ((span.type === 'PERSON' || span.type === 'ORGANIZATION') && COMPANY_KIND.test(text.slice(span.end, span.end + 80))) {
      // A name read from its "And" on ("And Poors" of "Standard And Poors") takes in the capitalised word before it.
      const partner = /^(?:And|&)[ \t]/u.test(span.text) ? /\p{Lu}[\p{L}'’-]*[ \t]+$/u.exec(text.slice(Math.max(0, span.start - 40), span.start)) : null;
      const start = partner ? span.start - partner[0].length : span.start;
      return { ...span, type: 'ORGANIZATION', start, text: text.slice(start, span.end) };
    }
    const next = spans[i + 1];
    const between = next ? /^[ \t]+(\p{Ll}+)[ \t]+$/u.exec(text.slice(span.end, next.start)) : null;
    if (span.type === 'PERSON' && between && fullName(next) && jobNoun(between[1]!, lexicon)) {
      // A firm named by its partners ("Barnett, Melton and Garcia songwriter Samantha Bašić"): one-word people
      // before it, a comma or "and" apart, none of them a given name the lexicon knows (not "Anna, Ben and Acme").
      let first = i;
      while (first > 0 && oneWord(span)) {
        const before = spans[first - 1]!;
        if (before.type !== 'PERSON' || !oneWord(before) || !OWNER_CLASSES.has(lexicon.get(before.text.toLowerCase()))) break;
        if (!PARTNER_GAP.test(text.slice(before.end, spans[first]!.start))) break;
        first--;
      }
      if (i - first < 2) return { ...span, type: 'ORGANIZATION' };
      for (let j = first; j < i; j++) absorbed.add(j);
      const start = spans[first]!.start;
      return { ...span, type: 'ORGANIZATION', start, text: text.slice(start, span.end) };
    }
    if (!oneWord(span)) return span;
    const cls = lexicon.get(span.text.toLowerCase());
    if (span.type === 'NRP' && cls === 'org') return { ...span, type: 'ORGANIZATION' };
    if (span.type !== 'PERSON') return span;
    if (fullName(next) && OWNER_CLASSES.has(cls) && /^['’]s[ \t]+$/u.test(text.slice(span.end, next!.start))) return { ...span, type: 'ORGANIZATION' };
    const previous = spans[i - 1];
    if (fullName(previous) && cls === undefined && /^[ \t]+of[ \t]+$/u.test(text.slice(previous!.end, span.start))) return { ...span, type: 'ORGANIZATION' };
    return span;
  });
  return absorbed.size ? out.filter((_, i) => !absorbed.has(i)) : out;
}
