import { CALENDAR, ORDINARY_CLASSES, ruleLexicon } from './gazetteer.js';
import { FUNCTION_WORDS } from './name-cues.js';
import type { Token } from './tokenize.js';
import type { PiiSpan } from './types.js';

/** Employers the tagger passed over, after a word of work (tagger.ts's tagEntities adds them). */

/**
 * Words of work right before "at", "for", "by" or "from" and an employer ("my job at Accenture", "the team at Shopify",
 * "rejected by Deloitte", "an offer from Stripe").
 */
const WORK_CUES: ReadonlySet<string> = new Set([
  'job', 'jobs', 'work', 'works', 'worked', 'working', 'shift', 'shifts', 'team', 'interview', 'interviewed', 'internship',
  'intern', 'interning', 'boss', 'manager', 'colleagues', 'coworkers', 'offer', 'started', 'quit', 'hired', 'fired',
  'rejected', 'employed', 'contract', 'career', 'promotion', 'day', 'layoffs',
]);
const WORK_PREPOSITIONS: ReadonlySet<string> = new Set(['at', 'for', 'by', 'from']);
/** Lexicon classes of a first word that names no employer after a word of work ("at Christmas", "for Sarah", "at London"). */
const NOT_EMPLOYER_CLASSES: ReadonlySet<string> = new Set(['place', 'date', 'first', 'honorific', 'nrp', 'actor']);
/** A word of a firm's name: capitalised or in capitals, an ampersand or "and" inside ("Ernst & Young", "KPMG"). */
const FIRM_WORD = /^\p{Lu}[\p{L}\p{N}'’.-]*$/u;

/**
 * Employers the tagger passed over, on tokens it left outside every entity: the capitalised words right after a word of
 * work and "at", "for", "by" or "from", "the" between or not ("Quit my job at Accenture today", "my shift at the
 * Walgreens"), none a function word, the first of three letters or more and no place, day, given name, title,
 * nationality or role the lexicon knows ("job at Christmas", "work for Sarah", "team at London" stay), and not one
 * ordinary word alone ("work from Home").
 */
export function employerNames(tokens: readonly Token[], labels: readonly string[]): PiiSpan[] {
  const lexicon = ruleLexicon();
  const out: PiiSpan[] = [];
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (!WORK_PREPOSITIONS.has(tokens[i]!.text) || !WORK_CUES.has(tokens[i - 1]!.text.toLowerCase())) continue;
    let from = i + 1;
    if (tokens[from]!.text === 'the' && labels[from] === 'O') from++;
    const firm = (j: number): boolean => labels[j] === 'O' && tokens[j]!.gap === ' ' && FIRM_WORD.test(tokens[j]!.text) && !FUNCTION_WORDS.has(tokens[j]!.text.toLowerCase());
    const first = tokens[from]?.text.toLowerCase() ?? '';
    if (!firm(from) || first.length < 3 || NOT_EMPLOYER_CLASSES.has(lexicon.get(first) ?? '') || CALENDAR.has(first)) continue;
    let last = from;
    for (let j = from + 1; j < tokens.length && j <= from + 4; j++) {
      if (firm(j)) last = j;
      else if (!((tokens[j]!.text === '&' || tokens[j]!.text === 'and') && labels[j] === 'O' && firm(j + 1))) break;
    }
    // One ordinary word is no firm's name ("work from Home", "Working at BAR tonight").
    if (last === from && ORDINARY_CLASSES.has(lexicon.get(first) ?? '')) continue;
    const text = tokens.slice(from, last + 1).map((t, k) => (k ? t.gap : '') + t.text).join('');
    out.push({ type: 'ORGANIZATION', start: tokens[from]!.start, end: tokens[last]!.end, text, confidence: 0.6, source: 'rule:employer' });
    i = last;
  }
  return out;
}
