/**
 * Letter-level helpers of normalizeForDetection's payload decoding (rot13, reversal, how English a text
 * reads), written as loops over code units: they run on every sentence, so they avoid a regular expression
 * callback per letter and an array per character.
 */

/** Any UTF-16 code unit outside ASCII. */
export const NON_ASCII = /[\u0080-\uFFFF]/;

const STOPWORDS = new Set(
  'the a an and or to of in on for is are was you your i me my it this that with be as at by not all do what how write tell give please from now will can have instructions ignore previous'.split(' '),
);

/** The string of UTF-16 code units `codes`. */
function fromCodes(codes: Uint16Array): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode.apply(null, codes.subarray(i, i + 8192) as unknown as number[]);
  return out;
}

/** ROT13 of ASCII letters (other characters unchanged). */
export function rot13(text: string): string {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    codes[i] = c >= 97 && c <= 122 ? ((c - 84) % 26) + 97 : c >= 65 && c <= 90 ? ((c - 52) % 26) + 65 : c;
  }
  return fromCodes(codes);
}

/** `text` with its code points in reverse order (`[...text].reverse().join('')`: surrogate pairs stay whole). */
export function reverseCodePoints(text: string): string {
  const codes = new Uint16Array(text.length);
  let j = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const h = text.charCodeAt(i - 1);
      if (h >= 0xd800 && h <= 0xdbff) {
        codes[j++] = h;
        codes[j++] = c;
        i--;
        continue;
      }
    }
    codes[j++] = c;
  }
  return fromCodes(codes);
}

/** Share of a text's words (runs of a-z and ' after lower-casing) that are common English words; 0 under three words. */
export function englishness(text: string): number {
  return asciiEnglishness(text)[0]!;
}

const ROT13_STOPWORDS = new Set([...STOPWORDS].map(rot13));
const REVERSED_STOPWORDS = new Set([...STOPWORDS].map(reverseCodePoints));
const SCORES = new Float64Array(3);

/**
 * In one pass: englishness of the text, of its ROT13 and of its reversal (for an ASCII text a word of the
 * ROT13 or reversed text is the ROT13 or reversal of a word of the text, so the variants need not be built;
 * only the first score is meaningful for other texts).
 * The array is reused by the next call.
 */
export function asciiEnglishness(text: string): Float64Array {
  const lower = text.toLowerCase();
  let words = 0;
  let common = 0;
  let commonRot13 = 0;
  let commonReversed = 0;
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0;
    if ((c >= 97 && c <= 122) || c === 39) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words++;
      const w = lower.slice(start, i);
      if (STOPWORDS.has(w)) common++;
      if (ROT13_STOPWORDS.has(w)) commonRot13++;
      if (REVERSED_STOPWORDS.has(w)) commonReversed++;
      start = -1;
    }
  }
  SCORES[0] = words < 3 ? 0 : common / words;
  SCORES[1] = words < 3 ? 0 : commonRot13 / words;
  SCORES[2] = words < 3 ? 0 : commonReversed / words;
  return SCORES;
}
