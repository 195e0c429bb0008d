import { asciiEnglishness, englishness, NON_ASCII, reverseCodePoints, rot13 } from './payload-text.js';
import { segmentWords } from './segment.js';

/** Which obfuscation tricks normalisation found and undid. */
export type NormalizationFlag =
  | 'zero-width' | 'bidi' | 'homoglyph' | 'spacing' | 'leetspeak' | 'base64' | 'hex' | 'rot13' | 'reversed';

/** A hidden payload recovered from the text. */
export interface DecodedPayload {
  kind: 'base64' | 'hex' | 'rot13' | 'reversed';
  text: string;
}

/** The text as the detector reads it. */
export interface NormalizedText {
  /** NFKC, invisible characters removed, homoglyphs and spaced-out letters folded; what spans refer to. */
  text: string;
  /** Payloads decoded from base64, hex, rot13 or reversed segments. */
  decoded: DecodedPayload[];
  flags: NormalizationFlag[];
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060-\u2064\uFEFF\u00AD\u180E]/g;
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
const TAGS = /[\u{E0000}-\u{E007F}]/gu;

/** Cyrillic, Greek and other look-alikes of Latin letters. */
const HOMOGLYPHS: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ɡ: 'g', һ: 'h', ӏ: 'l',
  ԛ: 'q', ԝ: 'w', ʏ: 'y', ɪ: 'i', ᴀ: 'a', ᴇ: 'e', ᴏ: 'o', ν: 'v', ο: 'o', α: 'a', ι: 'i', κ: 'k', τ: 't', ρ: 'p',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', І: 'I', Ј: 'J',
  Ѕ: 'S', Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};
const HOMOGLYPH_RE = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'gu');
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

/** Whether a text has any homoglyph at all (the word-by-word fold is skipped when not). */
const ANY_HOMOGLYPH = new RegExp(HOMOGLYPH_RE.source, 'u');
/** Every spaced-out run starts at a word boundary with letter, separator, letter, separator, letter (ASCII texts). */
const SPACED_ASCII = /\b[A-Za-z][ .\-_*][A-Za-z][ .\-_*][A-Za-z]/;
/** Every leetspeak word holds one of these. */
const LEET_DIGIT = /[013457@$]/;
const BASE64_RUN = /[A-Za-z0-9+/]{16,}={0,2}/g;
const HEX_RUN = /\b(?:0x)?((?:[0-9a-fA-F]{2}[\s:]?){8,})\b/g;

export { englishness, rot13 };

function printableRatio(s: string): number {
  if (!s) return 0;
  let ok = 0;
  for (const ch of s) if (/[\x20-\x7E\n\r\t\u00C0-\u024F]/.test(ch)) ok++;
  return ok / [...s].length;
}

function decodePayloads(text: string, flags: Set<NormalizationFlag>): DecodedPayload[] {
  const out: DecodedPayload[] = [];
  BASE64_RUN.lastIndex = 0;
  for (let m = BASE64_RUN.exec(text); m !== null; m = BASE64_RUN.exec(text)) {
    if (!/[0-9+/=]|[a-z].*[A-Z]|[A-Z].*[a-z]/.test(m[0]) || m[0].length % 4 === 1) continue;
    const decoded = Buffer.from(m[0], 'base64').toString('utf8');
    if (printableRatio(decoded) > 0.95 && /[a-z]{2,}\s+[a-z]{2,}/i.test(decoded)) {
      out.push({ kind: 'base64', text: decoded });
      flags.add('base64');
    }
  }
  HEX_RUN.lastIndex = 0;
  for (let m = HEX_RUN.exec(text); m !== null; m = HEX_RUN.exec(text)) {
    const hex = (m[1] ?? '').replace(/[\s:]/g, '');
    if (hex.length % 2) continue;
    const decoded = Buffer.from(hex, 'hex').toString('utf8');
    if (printableRatio(decoded) > 0.95 && /[a-z]{2,}\s+[a-z]{2,}/i.test(decoded)) {
      out.push({ kind: 'hex', text: decoded });
      flags.add('hex');
    }
  }
  for (const segment of text.split(/(?<=[.!?\n])\s+|\n/)) {
    if (segment.length < 12) continue;
    // An ASCII segment's rot13 and reversal are scored without being built (asciiEnglishness).
    let base: number;
    let rot13Score: number;
    let reversedScore: number;
    if (NON_ASCII.test(segment)) {
      base = englishness(segment);
      rot13Score = englishness(rot13(segment));
      reversedScore = englishness(reverseCodePoints(segment));
    } else {
      const scores = asciiEnglishness(segment);
      [base, rot13Score, reversedScore] = [scores[0]!, scores[1]!, scores[2]!];
    }
    if (rot13Score > base + 0.2) {
      out.push({ kind: 'rot13', text: rot13(segment) });
      flags.add('rot13');
    }
    if (reversedScore > base + 0.2) {
      out.push({ kind: 'reversed', text: reverseCodePoints(segment) });
      flags.add('reversed');
    }
  }
  return out;
}

function foldSpacing(text: string, flags: Set<NormalizationFlag>): string {
  // "i g n o r e" / "i.g.n.o.r.e" / "i-g-n-o-r-e": three or more single letters joined by one separator.
  return text.replace(/\b(?:\p{L}[ .\-_*]){2,}\p{L}\b/gu, (run) => {
    flags.add('spacing');
    const joined = run.replace(/[ .\-_*]/g, '');
    // A long run is several words whose own spaces were hidden among the others: put them back.
    return joined.length >= 8 ? segmentWords(joined) : joined;
  });
}

/** Tokens that look like leetspeak but are ordinary: "2nd", "10am", "covid19" stay as they are. */
const NOT_LEET = /^\d+$|^\d+[a-z]{1,3}$|^[a-z]+\d{2,}$/i;

function foldLeet(text: string, flags: Set<NormalizationFlag>): string {
  return text.replace(/\b(?=[\w@$!]*[a-z])(?=[\w@$!]*[013457@$])[a-z013457@$!]{4,}\b/gi, (word: string, at: number) => {
    if (NOT_LEET.test(word)) return word;
    // "sara@example" followed by ".com" is an e-mail address, not "saraaexample".
    if (word.includes('@') && /^\.[a-z]/i.test(text.slice(at + word.length, at + word.length + 2))) return word;
    flags.add('leetspeak');
    return word.replace(/[013457@$!]/g, (c) => LEET[c] ?? c);
  });
}

/**
 * Undoes the usual tricks that hide an injection from pattern matching: NFKC, zero-width, bidi and tag
 * characters, homoglyphs inside Latin words, spaced-out letters, leetspeak, and base64, hex, rot13 or
 * reversed payloads (returned separately in `decoded`).
 */
export function normalizeForDetection(input: string): NormalizedText {
  const flags = new Set<NormalizationFlag>();
  let text = input;
  if (NON_ASCII.test(input)) {
    text = input.normalize('NFKC');
    if (ZERO_WIDTH.test(text) || TAGS.test(text)) flags.add('zero-width');
    text = text.replace(ZERO_WIDTH, '').replace(TAGS, '');
    if (BIDI.test(text)) flags.add('bidi');
    text = text.replace(BIDI, '');
    if (ANY_HOMOGLYPH.test(text)) {
      text = text.replace(/[\p{L}\p{M}]+/gu, (word) => {
        if (!/[a-z]/i.test(word) || !HOMOGLYPH_RE.test(word)) return word;
        HOMOGLYPH_RE.lastIndex = 0;
        flags.add('homoglyph');
        return word.replace(HOMOGLYPH_RE, (c) => HOMOGLYPHS[c] ?? c);
      });
      HOMOGLYPH_RE.lastIndex = 0;
    }
  }
  if (NON_ASCII.test(text) || SPACED_ASCII.test(text)) text = foldSpacing(text, flags);
  if (LEET_DIGIT.test(text)) text = foldLeet(text, flags);
  const decoded = decodePayloads(text, flags);
  return { text, decoded, flags: [...flags] };
}
