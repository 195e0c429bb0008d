/**
 * Lists of organisations read item by item. A firm named by its partners ("Henderson, Hicks and Brown") is itself
 * written like a list, so in a list of organisations the tagger may join neighbours into one span ("Ranku, Biovia and
 * Miller Ltd.") or split a firm into its partners ("Henderson", "Hicks"). A list has one "and", before its last item;
 * any other "and" belongs to a firm, which takes the item after it and, after a comma, the one before that
 * ("Ezxbrl, Henderson, Hicks and Brown and Abt Associates"; "White, Willis and Hoffman, Lucid and Loveland
 * Technologies"). A list of three items or more with one "and" is a list of organisations ("Ranku, Biovia and Miller
 * Ltd.", "Google, Stripe and Monzo") unless its items are single words and the tagger read the last two as one
 * ("Clark, Romero and Hall" may be either); two items with "and" are often one name ("Crate and Barrel", "University
 * Seafood and Poultry", "Ernst and Young LLP") and are left as the tagger read them.
 */
import type { GazetteerClass } from './gazetteer.js';
import { FUNCTION_WORDS } from './name-cues.js';
import type { PiiSpan } from './types.js';

/** Between two items of a list, on one line: a comma, "and", or a comma and "and". */
const SEPARATOR = /,[ \t]+and[ \t]+|,[ \t]+|[ \t]+and[ \t]+/gu;
const SEPARATOR_AFTER = /^(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+)/u;
/** A separator inside one span. */
const INNER_SEPARATOR = /,[ \t]|[ \t]and[ \t]/u;
const SEPARATOR_BEFORE = /(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+)$/u;
/** One capitalised word no span covers, standing alone (no capitalised word right after it or before it). */
const WORD_AFTER = /^\p{Lu}[\p{L}'’-]*(?![\p{L}\p{N}'’-]|[ \t]+\p{Lu})/u;
const WORD_BEFORE = /(?<![\p{L}\p{N}'’-]|\p{Lu}[\p{L}'’-]*[ \t]+)\p{Lu}[\p{L}'’-]*$/u;
/** An item that is part of the one before it: a legal form after a comma ("Acme, Inc."), "Sons" after "and". */
const LEGAL_FORM = /^(?:Inc|Ltd|LLC|LLP|GmbH|Corp|plc|PLC)\.?$/u;
const AND_PART = /^(?:Sons|Daughters|Partners|Company|Co\.?)$/u;
/** Lexicon classes of a word no span covered that an organisation's list takes in as one of its organisations. */
const NAME_CLASSES: ReadonlySet<GazetteerClass | undefined> = new Set([undefined, 'org', 'last', 'place']);
/** Most characters a list's region may span. */
const MAX_REGION = 240;

/** One item of a list: its offsets in the text and its text. */
interface Item {
  start: number;
  end: number;
  text: string;
}

/** The items of a region and the separators between them (true for one with "and"). */
function itemsOf(text: string, start: number, end: number): { items: Item[]; ands: boolean[] } | undefined {
  const region = text.slice(start, end);
  const items: Item[] = [];
  const ands: boolean[] = [];
  let from = 0;
  const push = (to: number): boolean => {
    const value = region.slice(from, to);
    if (!/^[\p{Lu}\p{N}]/u.test(value) || /\s$/u.test(value)) return false;
    items.push({ start: start + from, end: start + to, text: value });
    return true;
  };
  for (const m of region.matchAll(SEPARATOR)) {
    const and = m[0].includes('and');
    const next = region.slice(m.index + m[0].length).split(SEPARATOR, 1)[0]!;
    // A part of the item before it: the separator stays inside that item.
    if ((!and && LEGAL_FORM.test(next)) || (and && !m[0].includes(',') && AND_PART.test(next))) continue;
    if (!push(m.index)) return undefined;
    ands.push(and);
    from = m.index + m[0].length;
  }
  if (!push(region.length)) return undefined;
  return { items, ands };
}

/**
 * The firms of a list, as ranges of items; undefined when the list is one the tagger's reading should stand for
 * (one "and" between two items, or between single words that one span of the tagger joins across that "and") or
 * cannot be read (firms that would overlap, or whose partners are not single words). `joined`: whether a span of the
 * tagger covers the last two items.
 */
function firmsOf(items: readonly Item[], ands: readonly boolean[], joined: boolean): [number, number][] | undefined {
  const firms: [number, number][] = [];
  const last = ands.length - 1;
  for (let k = 0; k < last; k++) {
    if (!ands[k]) continue;
    const first = k > 0 && !ands[k - 1] ? k - 1 : k;
    if ((firms.length && firms.at(-1)![1] >= first) || items.slice(first, k + 2).some((item) => /[ \t]/u.test(item.text))) return undefined;
    firms.push([first, k + 1]);
  }
  if (firms.length) return firms;
  if (!ands[last]) return undefined;
  if (items.length < 3 || (joined && items.every((item) => !/[ \t]/u.test(item.text)))) return undefined;
  return firms;
}

/**
 * Spans (in text order) with every list of organisations re-read ({@link firmsOf}): a list's region runs from an
 * organisation's span over separators to the neighbouring organisations' spans and to single capitalised words no span
 * covers (a partner the tagger passed over, "Brown"), and holds at least two organisations' spans or one with a
 * separator inside it; a region touching a span of another type is left alone. Each firm becomes one organisation,
 * and each other item one if a span covered it.
 */
export function readFirmLists(text: string, spans: readonly PiiSpan[], lexicon: ReadonlyMap<string, GazetteerClass>): PiiSpan[] {
  const out: PiiSpan[] = [];
  // A word no span covered may be an item: not a function word ("I", "Then") or a relation ("Mum").
  const mayBeItem = (word: string): boolean => !FUNCTION_WORDS.has(word.toLowerCase()) && lexicon.get(word.toLowerCase()) !== 'actor';
  let i = 0;
  while (i < spans.length) {
    const span = spans[i]!;
    if (span.type !== 'ORGANIZATION') {
      out.push(span);
      i++;
      continue;
    }
    let last = i;
    let end = span.end;
    let touchesOther = false;
    for (;;) {
      const sep = SEPARATOR_AFTER.exec(text.slice(end, end + 12));
      if (!sep) break;
      const at = end + sep[0].length;
      const next = spans[last + 1];
      if (next && next.start === at) {
        if (next.type !== 'ORGANIZATION') {
          touchesOther = true;
          break;
        }
        last++;
        end = next.end;
        continue;
      }
      const word = WORD_AFTER.exec(text.slice(at, at + 40));
      if (!word || (next && next.start < at + word[0].length) || !mayBeItem(word[0])) break;
      end = at + word[0].length;
    }
    let start = span.start;
    const previous = out.at(-1);
    for (;;) {
      const sep = SEPARATOR_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
      if (!sep) break;
      const at = start - sep[0].length;
      if (previous && previous.end === at) {
        touchesOther = true;
        break;
      }
      const word = WORD_BEFORE.exec(text.slice(Math.max(0, at - 40), at));
      if (!word || (previous && previous.end > at - word[0].length) || !mayBeItem(word[0])) break;
      start = at - word[0].length;
    }
    const group = spans.slice(i, last + 1);
    const read = !touchesOther && end - start <= MAX_REGION && (group.length >= 2 || INNER_SEPARATOR.test(span.text)) ? itemsOf(text, start, end) : undefined;
    const joined = (items: readonly Item[]): boolean => group.some((s) => s.start < items.at(-2)!.end && items.at(-1)!.start < s.end);
    const firms = read && read.items.length >= 2 ? firmsOf(read.items, read.ands, joined(read.items)) : undefined;
    i = last + 1;
    if (!read || (!firms && group.length < 2)) {
      out.push(...group);
      continue;
    }
    const covered = (item: Item): boolean => group.some((s) => s.start < item.end && item.start < s.end);
    // An item no span covered, among organisations: one more, if it is one word the lexicon knows as nothing else
    // ("Amazon" of "Google, Meta and Amazon").
    const added = read.items.filter((item) => !covered(item) && !/[ \t]/u.test(item.text) && NAME_CLASSES.has(lexicon.get(item.text.toLowerCase())));
    const listed = (item: Item): PiiSpan => ({ type: 'ORGANIZATION', start: item.start, end: item.end, text: item.text, confidence: 0.6, source: 'rule:organisation-list' });
    if (!firms) {
      out.push(...[...group, ...added.map(listed)].sort((a, b) => a.start - b.start));
      continue;
    }
    const organisation = (from: number, to: number): PiiSpan => ({ ...span, start: from, end: to, text: text.slice(from, to) });
    for (let k = 0; k < read.items.length; k++) {
      const item = read.items[k]!;
      const firm = firms.find(([a]) => a === k);
      if (firm) {
        out.push(organisation(item.start, read.items[firm[1]]!.end));
        k = firm[1];
      } else if (covered(item)) out.push(organisation(item.start, item.end));
      else if (added.includes(item)) out.push(listed(item));
    }
  }
  return out;
}
