/**
 * Features for the token right after a place that so far is one bare number ("5049" of "5049 Harjukuja 54"):
 * whether the number is a span of its own or the start of the street is decided by the wording before the
 * block ("his address:", "drops you off at", a name on the line before) and by whether the street part
 * carries its own house number, not by the number itself.
 */

/** Types scored as one place (a postal block's pieces). */
const PLACE_TYPES: ReadonlySet<string> = new Set(['STREET_ADDRESS', 'ZIP_CODE', 'LOCATION']);

/** Whether the entity of type `type` started at e and token i is the one right after its bare number. */
export function afterBareNumber(words: readonly string[], type: string, e: number, i: number): boolean {
  return i - e === 1 && PLACE_TYPES.has(type) && /^\d+$/.test(words[e] ?? '');
}

/** Whether a token with a digit follows token i on its line within five tokens, before a comma. */
function ownNumber(words: readonly string[], newline: ArrayLike<unknown>, i: number): boolean {
  for (let j = i + 1; j < words.length && j <= i + 5; j++) {
    if (newline[j] || words[j] === ',') return false;
    if (/\d/.test(words[j]!)) return true;
  }
  return false;
}

/** The entity type of a label ('' for O, '<s>' before the text). */
function typeOf(label: string): string {
  return label === 'O' || label === '<s>' ? label : label.slice(2);
}

/**
 * The features of token i right after a bare-number place that started at e (see {@link afterBareNumber}):
 * the three words before the number, the two before it with token i's shape and whether the street part has
 * its own number, the type of the label before the number with whether the number starts a line and the type
 * of the previous line's head. `newline[j]` is truthy where a line break precedes token j.
 */
export function bareNumberFeatures(
  words: readonly string[], shapes: readonly string[], newline: ArrayLike<unknown>, e: number, i: number,
  beforeLabel: string, prevLineLabel: string,
): string[] {
  const w = (k: number): string => words[k] ?? '<s>';
  const own = ownNumber(words, newline, i) ? 'o' : '';
  return [
    `ns3=${w(e - 3)}|${w(e - 2)}|${w(e - 1)}`, `ns2=${w(e - 2)}|${w(e - 1)}|${shapes[i]}|${own}`,
    `nsp=${typeOf(beforeLabel)}|${e === 0 || newline[e] ? 'n' : ''}|${typeOf(prevLineLabel)}|${shapes[i]}`, `nso=${own}|${shapes[i]}`,
  ];
}

/** Where a place might go on past token i: 'n' at a line break, ',' at a comma, '' elsewhere. */
export function continuationKind(words: readonly string[], newline: ArrayLike<unknown>, i: number): string {
  return i > 0 && newline[i] ? 'n' : words[i] === ',' ? ',' : '';
}

/**
 * The features of token i where a place that started at e might run on over a line break or a comma
 * (`kind`, see {@link continuationKind}): the three words before the place and the text's first entity
 * type, each with the kind. presidio writes one postal block as one span after some wordings and as
 * pieces after others.
 */
export function continuationFeatures(words: readonly string[], kind: string, e: number, firstType: string): string[] {
  const w = (k: number): string => words[k] ?? '<s>';
  return [`pc3=${kind}|${w(e - 3)}|${w(e - 2)}|${w(e - 1)}`, `pcf=${kind}|${firstType}`];
}
