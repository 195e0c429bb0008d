/**
 * VADER's compound score (Hutto & Gilbert 2014) computed as the `vader-sentiment` JavaScript port computes
 * it, rule for rule, in one pass over the tokens. The port rebuilds a dictionary of every word with every
 * punctuation mark on both sides and copies its negation list for each word it checks, which made it most of
 * the sentiment analyzer's cost; here each token is looked up once. tests/analysis/vader-scorer.test.ts checks
 * that both give the same compound.
 */
import { vaderLexicon } from './vader-lexicon.js';

const B_INCR = 0.293;
const B_DECR = -0.293;
const C_INCR = 0.733;
const N_SCALAR = -0.74;

/** Booster and dampener words ("very", "slightly") with their increment; two-word ones only match idiom windows. */
const BOOSTERS: ReadonlyMap<string, number> = new Map([
  ...['absolutely', 'amazingly', 'awfully', 'completely', 'considerably', 'decidedly', 'deeply', 'effing',
    'enormously', 'entirely', 'especially', 'exceptionally', 'extremely', 'fabulously', 'flipping', 'flippin',
    'fricking', 'frickin', 'frigging', 'friggin', 'fully', 'fucking', 'greatly', 'hella', 'highly', 'hugely',
    'incredibly', 'intensely', 'majorly', 'more', 'most', 'particularly', 'purely', 'quite', 'really',
    'remarkably', 'so', 'substantially', 'thoroughly', 'totally', 'tremendously', 'uber', 'unbelievably',
    'unusually', 'utterly', 'very'].map((w) => [w, B_INCR] as const),
  ...['almost', 'barely', 'hardly', 'just enough', 'kind of', 'kinda', 'kindof', 'kind-of', 'less', 'little',
    'marginally', 'occasionally', 'partly', 'scarcely', 'slightly', 'somewhat', 'sort of', 'sorta', 'sortof',
    'sort-of'].map((w) => [w, B_DECR] as const),
]);

/** Negation words, matched exactly (any token containing "n't" negates too). */
const NEGATIONS: ReadonlySet<string> = new Set([
  'aint', 'arent', 'cannot', 'cant', 'couldnt', 'darent', 'didnt', 'doesnt', "ain't", "aren't", "can't",
  "couldn't", "daren't", "didn't", "doesn't", 'dont', 'hadnt', 'hasnt', 'havent', 'isnt', 'mightnt', 'mustnt',
  'neither', "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", 'neednt', "needn't", 'never',
  'none', 'nope', 'nor', 'not', 'nothing', 'nowhere', 'oughtnt', 'shant', 'shouldnt', 'uhuh', 'wasnt', 'werent',
  "oughtn't", "shan't", "shouldn't", 'uh-uh', "wasn't", "weren't", 'without', 'wont', 'wouldnt', "won't",
  "wouldn't", 'rarely', 'seldom', 'despite',
]);

/** Idioms whose valence replaces that of the word they contain. */
const IDIOMS: ReadonlyMap<string, number> = new Map([
  ['the shit', 3], ['the bomb', 3], ['bad ass', 1.5], ['yeah right', -2], ['cut the mustard', 2],
  ['kiss of death', -1.5], ['hand to mouth', -2],
]);

/** Punctuation that is stripped from a word's edge when it forms one of these runs. */
const EDGE_PUNCTUATION: ReadonlySet<string> = new Set(['.', '!', '?', ',', ';', ':', '-', "'", '"', '!!', '!!!', '??', '???', '?!?', '!?!', '?!?!', '!?!?']);
const EDGE_CHARS = new Set(['.', '!', '?', ',', ';', ':', '-', "'", '"']);
const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
const ALL_CAPS = /^[^a-z]*[A-Z]+[^a-z]*$/;

const isNegation = (word: string | undefined) => word !== undefined && (NEGATIONS.has(word) || word.includes("n't"));

/** The port's tokens: whitespace-split, one-character tokens dropped, one edge punctuation run removed from a known word. */
function tokens(text: string): string[] {
  const bare = new Set(text.replace(ASCII_PUNCTUATION, '').split(/\s/).filter((w) => w.length > 1));
  const out: string[] = [];
  for (const token of text.split(/\s/)) {
    if (token.length <= 1) continue;
    let lead = 0;
    while (lead < token.length && EDGE_CHARS.has(token[lead]!)) lead += 1;
    let trail = 0;
    while (trail < token.length && EDGE_CHARS.has(token[token.length - 1 - trail]!)) trail += 1;
    if (lead > 0 && EDGE_PUNCTUATION.has(token.slice(0, lead)) && bare.has(token.slice(lead))) out.push(token.slice(lead));
    else if (trail > 0 && EDGE_PUNCTUATION.has(token.slice(token.length - trail)) && bare.has(token.slice(0, token.length - trail))) out.push(token.slice(0, token.length - trail));
    else out.push(token);
  }
  return out;
}

function idioms(valence: number, words: string[], index: number): number {
  const w = (i: number) => String(words[i]);
  const windows = [`${w(index - 1)} ${w(index)}`, `${w(index - 2)} ${w(index - 1)} ${w(index)}`, `${w(index - 2)} ${w(index - 1)}`, `${w(index - 3)} ${w(index - 2)} ${w(index - 1)}`, `${w(index - 3)} ${w(index - 2)}`];
  let result = valence;
  const found = windows.find((s) => IDIOMS.has(s));
  if (found !== undefined) result = IDIOMS.get(found)!;
  if (words.length - 1 > index) result = IDIOMS.get(`${w(index)} ${w(index + 1)}`) ?? result;
  if (words.length - 1 > index + 1) result = IDIOMS.get(`${w(index)} ${w(index + 1)} ${w(index + 2)}`) ?? result;
  if (BOOSTERS.has(windows[4]!) || BOOSTERS.has(windows[2]!)) result += B_DECR;
  return result;
}

function valenceAt(words: string[], lower: string[], index: number, capDifferential: boolean): number {
  const lexicon = vaderLexicon();
  const base = lexicon.get(lower[index]!);
  if (base === undefined) return 0;
  let valence = base;
  if (capDifferential && ALL_CAPS.test(words[index]!)) valence += valence > 0 ? C_INCR : -C_INCR;
  for (let back = 0; back < 3; back += 1) {
    const at = index - (back + 1);
    if (index <= back || lexicon.has(lower[at]!)) continue;
    let scalar = BOOSTERS.get(lower[at]!) ?? 0;
    if (scalar !== 0) {
      if (valence < 0) scalar = -scalar;
      if (capDifferential && ALL_CAPS.test(words[at]!)) scalar += valence > 0 ? C_INCR : -C_INCR;
      if (back === 1) scalar *= 0.95;
      else if (back === 2) scalar *= 0.9;
    }
    valence += scalar;
    const soOrThis = (word: string | undefined) => word === 'so' || word === 'this';
    if (back === 0) {
      if (isNegation(words[index - 1])) valence *= N_SCALAR;
    } else if (back === 1) {
      if (words[index - 2] === 'never' && soOrThis(words[index - 1])) valence *= 1.5;
      else if (isNegation(words[index - 2])) valence *= N_SCALAR;
    } else {
      if ((words[index - 3] === 'never' && soOrThis(words[index - 2])) || soOrThis(words[index - 1])) valence *= 1.25;
      else if (isNegation(words[index - 3])) valence *= N_SCALAR;
      valence = idioms(valence, words, index);
    }
  }
  if (index > 0 && lower[index - 1] === 'least' && !lexicon.has('least')) {
    if (index === 1 || (lower[index - 2] !== 'at' && lower[index - 2] !== 'very')) valence *= N_SCALAR;
  }
  return valence;
}

/**
 * VADER's compound score of a text in [-1, 1] (rounded to 4 decimals): lexicon valences adjusted for
 * capitals, boosters, negation, idioms, "least" and "but", plus emphasis from "!" and "?", normalised.
 * The same number as `vader-sentiment`'s `polarity_scores(text).compound`.
 */
export function vaderCompound(text: string): number {
  const words = tokens(text);
  if (words.length === 0) return 0;
  const lower = words.map((w) => w.toLowerCase());
  const capitals = words.filter((w) => ALL_CAPS.test(w)).length;
  const capDifferential = capitals > 0 && capitals < words.length;
  const sentiments = words.map((_, i) => {
    if ((i < words.length - 1 && lower[i] === 'kind' && lower[i + 1] === 'of') || BOOSTERS.has(lower[i]!)) return 0;
    return valenceAt(words, lower, i, capDifferential);
  });
  let but = words.indexOf('but');
  if (but === -1) but = words.indexOf('BUT');
  let sum = 0;
  for (let i = 0; i < sentiments.length; i += 1) {
    const s = sentiments[i]!;
    sum += but === -1 || i === but ? s : i < but ? s * 0.5 : s * 1.5;
  }
  const exclamations = Math.min(4, text.split('!').length - 1);
  const questions = text.split('?').length - 1;
  const emphasis = exclamations * 0.292 + (questions > 1 ? (questions <= 3 ? questions * 0.18 : 0.96) : 0);
  if (sum > 0) sum += emphasis;
  else if (sum < 0) sum -= emphasis;
  const compound = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + 15)));
  return parseFloat(compound.toFixed(4));
}
