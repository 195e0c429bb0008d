import { englishWords } from './english-words.js';
import { CALENDAR, gazetteer, knownPhrases, MONTH_ABBREVIATION, ORDINARY_CLASSES, ruleLexicon } from './gazetteer.js';
import { mayStartUpper, type Token } from './tokenize.js';
import { INSTITUTION_WORDS, ORG_SUFFIX_WORDS } from './name-rules.js';
import { HOUSE_NUMBER_BEFORE } from './pattern-kit.js';
import { DisjointRanges, SpanIndex } from './span-index.js';
import { townNames } from './towns.js';
import type { PiiSpan } from './types.js';

/**
 * Names of places by their generic word: a lake, mountain or cape named after its kind ("Lake Tahoe",
 * "Mount Rainier", "Mt. Hood"), a river, valley, beach, island or square named before it ("Hudson River",
 * "Death Valley", "Venice Beach", "Union Square", "Canary Wharf"), a street without a house number ("Elm Road", "Maple Drive",
 * "Harrison St", "5th Avenue"), a place named after a saint ("St. Mary's", "St Ives"), and after a word that places
 * it, a park, hill, bay, green, common, market or the like ("at Victoria Park", "on Clapham Common", "to Borough
 * Market") or a church's "Holy" name ("at Holy Trinity"), and a venue named with "The" after "at" ("at The Crown and
 * Anchor"). The tagger learns
 * from presidio-synth, whose places are towns, countries and numbered addresses, so it reads these as people
 * ("Lake Merritt", "Charles River") or misses them; diaries are full of them.
 *
 * Generic words that are also common surnames ("Hill", "Park", "Bay", "Lake" after a name: "Ricki Lake", "Michael Bay",
 * "Jenny Park" stay people) count only after a word that places what they name ("at Victoria Park").
 */
const PREFIXES = String.raw`(?:Lake|Mount|Mt\.?|Cape|Fort|Loch|Isle\s+of)`;
const SUFFIXES = String.raw`(?:River|Valley|Canyon|Creek|Falls|Beach|Island|Islands|Mountains|Peninsula|Glacier|Harbor|Harbour|Desert|Hills|Springs|Gorge|Lagoon|Fjord|Square|Wharf|Quay|Quays|Docks)`;
const STREETS = String.raw`(?:Street|Avenue|Road|Boulevard|Lane|Drive|Terrace|Crescent|Parkway|St|Rd|Ave|Blvd)`;
/** Words of a building named after a saint or a place: an organisation's ("St Mary's Hospital"). */
const BUILDINGS = String.raw`(?:Hospital|Church|Cathedral|Chapel|Abbey|School|College|Academy|Primary|Clinic|Hospice|Infirmary)`;
/** A capitalised word (no full stop: "Dr." before a place is no part of it). */
const CAP = String.raw`\p{Lu}[\p{L}'’-]*`;
/** An ordinal street number ("5th", "42nd"). */
const ORDINAL = String.raw`\d{1,3}(?:st|nd|rd|th)`;
const WS = String.raw`[ \t]+`;

/**
 * Generic words that are also surnames ("Jenny Park", "Eva Green", "Michael Bay"), and "Holy" of a church's name: a place
 * only right after a word that places something ({@link PLACED}: "at Victoria Park", "on Clapham Common", "at Holy
 * Trinity").
 */
const AMBIGUOUS_SUFFIXES = String.raw`(?:Park|Hill|Bay|Green|Common|Gardens|Heath|Fields|Forest|Woods|Market)`;
/** Words after which a name with an ambiguous generic word is a place ("at", "on", "near", "visiting", ...). */
const PLACED_BY = String.raw`(?:at|in|on|to|from|near|around|round|through|across|visiting|past|towards?)`;
/** Any generic word: a text without one holds no place name of these kinds (most entries), and is not scanned further. */
const GENERIC = new RegExp(String.raw`\b(?:${PREFIXES}|${SUFFIXES}|${STREETS}|Saint)\b`, 'u');
/** The words {@link PLACED} needs: a text without one is not scanned for it. */
const PLACED_GENERIC = new RegExp(String.raw`\b(?:${AMBIGUOUS_SUFFIXES}|Holy)\b`, 'u');
/** What follows "Holy" in words of faith and time, not in a church's name ("the Holy Spirit", "in Holy Week"). */
const NOT_CHURCH = String.raw`(?:Spirit|Ghost|Bible|Grail|Land|See|Father|Mother|Week|Communion|Scriptures?|Book|Quran|Koran|Water|Orders|Matrimony)`;
/**
 * A name ending in an ambiguous generic word right after a word that places it, "the" between or not (group 1), or a
 * church's "Holy" name right after it (group 2; no "the": "to the Holy Spirit"); not before "'s" ("at Jenny Park's").
 */
const PLACED = new RegExp(String.raw`(?<![\p{L}])${PLACED_BY}${WS}(?:(?:the${WS})?(${CAP}(?:${WS}${CAP})?${WS}${AMBIGUOUS_SUFFIXES})|(Holy${WS}(?!${NOT_CHURCH}\b)${CAP}))\b(?!['’]s\b)`, 'gu');
/**
 * A venue right after "at", "outside", "inside" or "opposite" and "the": one to three capitalised words, any of them
 * joined to another by "and" or "&" (group 1: "Lunch at the Red Lion", without "the"), or with a capitalised "The"
 * before them (group 2: "Drinks at The Crown and Anchor", "outside The Ivy", "The" kept). A possessive at its end is
 * taken here and left out by placeNameSpans.
 */
const VENUE = new RegExp(String.raw`(?<![\p{L}])(?:at|outside|inside|opposite)${WS}(?:the${WS}((?:${CAP}(?:${WS}(?:and|&)${WS}${CAP})?)(?:${WS}${CAP}(?:${WS}(?:and|&)${WS}${CAP})?){0,2})|(The(?:${WS}${CAP}(?:${WS}(?:and|&)${WS}${CAP})?){1,3}))\b`, 'gu');
/** Words after "at the" that name a time, a part or a common place, not a venue ("at The End", "at the Bank"). */
const NOT_VENUE: ReadonlySet<string> = new Set([
  'End', 'Moment', 'Time', 'Times', 'Weekend', 'Start', 'Beginning', 'Same', 'Top', 'Bottom', 'Back', 'Front', 'Last',
  'First', 'Latest', 'Best', 'Worst', 'Very', 'Least', 'Most', 'Heart', 'Core', 'Edge', 'Door', 'Table', 'Office',
  'Internet', 'Bank', 'Gym',
]);
/** What {@link VENUE} needs: a text without it is not scanned for it. */
const VENUE_GATE = /\b(?:at|outside|inside|opposite)[ \t]+[Tt]he[ \t]+\p{Lu}/u;
const PREFIXED = new RegExp(String.raw`\b${PREFIXES}${WS}${CAP}(?:${WS}${CAP})?`, 'gu');
const SUFFIXED = new RegExp(String.raw`\b${CAP}(?:${WS}${CAP}){0,2}${WS}${SUFFIXES}\b`, 'gu');
/**
 * A place named after a saint ("St. Mary's", "St Ives", "Saint Louis"), with a building's word after it ("St
 * Mary's Hospital"). "St" after a capitalised word or a number on the same line ends a street instead
 * ("Harrison St", "17 St Omers Road"), and after a title it is part of a surname ("Mr. St. John").
 */
const SAINT = new RegExp(String.raw`(?<!(?:\p{Lu}[\p{L}'’.-]*|\d[\p{L}\d]*)[ \t]+)\b(?:St\.?|Saint)${WS}${CAP}(?:${WS}(${BUILDINGS}))?`, 'gu');
const STREET = new RegExp(String.raw`\b(?:${ORDINAL}|${CAP}(?:${WS}${CAP})?)${WS}${STREETS}\b`, 'gu');

/** Words that open a run of capitals without being part of the place ("The Hudson River", "My Elm Road"). */
const OPENERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'my', 'our', 'your', 'his', 'her', 'their', 'its', 'this', 'that', 'these', 'those', 'i', 'we',
  'you', 'he', 'she', 'they', 'it', 'in', 'on', 'at', 'to', 'from', 'by', 'near', 'and', 'or', 'but', 'of', 'for',
  'with', 'up', 'down', 'past', 'across', 'along', 'over', 'under', 'through', 'via', 'around', 'behind', 'off',
]);

/**
 * Nouns that make a place name part of an institution's or a building's name ("Lake Forest College", "Mount
 * Sinai Hospital", "Venice Beach Hotel"): the tagger reads those as it would any organisation.
 */
const INSTITUTIONS: ReadonlySet<string> = new Set([
  ...ORG_SUFFIX_WORDS, ...INSTITUTION_WORDS, 'Temple', 'Center', 'Centre', 'Inn', 'Resort', 'Zoo',
  'Station', 'Mall', 'Club', 'Arena', 'Cafe', 'Café', 'Restaurant', 'Bar', 'Brewery', 'Winery', 'Farm', 'Press', 'Records',
  'High', 'Middle',
]);

/** Whether the word at `start` opens a sentence or a line (nothing but whitespace or a closing mark before it). */
function opensSentence(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 4), start);
  return start === 0 || /(?:^|[.!?]["'’”)]?[ \t]+|\n[ \t]*)$/u.test(before) || /^[ \t]*$/u.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start));
}

/**
 * Drops the words before the generic one that are no part of the name: openers ("The", "My") and what comes
 * before them, and a sentence's first word when it is an ordinary word and a capitalised word still precedes
 * the generic one ("Loved Venice Beach" → "Venice Beach"; "Death Valley is hot" keeps "Death").
 */
function trimOpeners(text: string, start: number, end: number, lexicon: ReadonlyMap<string, string>): number {
  const words = [...text.slice(start, end).matchAll(/\S+/gu)].map((m) => ({ word: m[0], at: start + m.index! }));
  // After the last opener before the generic word ("Cue The Lonely Island" → "Lonely Island").
  let k = 0;
  for (let j = 0; j < words.length - 1; j++) if (OPENERS.has(words[j]!.word.toLowerCase())) k = j + 1;
  const first = words[k]!;
  if (k < words.length - 2 && (lexicon.get(first.word.toLowerCase()) ?? '') === 'word' && opensSentence(text, first.at)) k++;
  return words[k]!.at;
}

/**
 * Places named by a generic word (LOCATION) and streets without a number (STREET_ADDRESS), source
 * 'rule:place-name'. Spans hold at least one word besides the generic one.
 */
export function placeNameSpans(text: string): PiiSpan[] {
  const generic = GENERIC.test(text);
  const placed = PLACED_GENERIC.test(text);
  const venue = VENUE_GATE.test(text);
  if (!generic && !placed && !venue) return [];
  const lexicon = gazetteer();
  const out: PiiSpan[] = [];
  const add = (type: 'LOCATION' | 'STREET_ADDRESS', from: number, to: number, generic: 'first' | 'last'): void => {
    // A capitalised word right after it makes the place part of a longer name ("Shadow Creek Ranch", "Venice
    // Beach Hotel"), and an institution's word inside it an organisation's ("Lake Forest College"): left to the tagger.
    if (/^[ \t]+\p{Lu}/u.test(text.slice(to, to + 3)) || text.slice(from, to).split(/\s+/u).some((word) => INSTITUTIONS.has(word))) return;
    const start = generic === 'last' ? trimOpeners(text, from, to, lexicon) : from;
    // The generic word alone ("The River") is no name.
    if (!/\s/u.test(text.slice(start, to).trim())) return;
    out.push({ type, start, end: to, text: text.slice(start, to), confidence: 0.7, source: 'rule:place-name' });
  };
  for (const m of generic ? text.matchAll(PREFIXED) : []) add('LOCATION', m.index!, m.index! + m[0].length, 'first');
  for (const m of generic ? text.matchAll(SUFFIXED) : []) add('LOCATION', m.index!, m.index! + m[0].length, 'last');
  for (const m of generic ? text.matchAll(STREET) : []) {
    const before = out.length;
    add('STREET_ADDRESS', m.index!, m.index! + m[0].length, 'last');
    // With its house number, and the unit before that, when they come right before it ("42 Kelvin Drive", "3/2 Kelvin Drive").
    const street = out[before];
    const house = street && HOUSE_NUMBER_BEFORE.exec(text.slice(Math.max(0, street.start - 12), street.start));
    if (street && house) out[before] = { ...street, start: street.start - house[0].length, text: text.slice(street.start - house[0].length, street.end) };
  }
  for (const m of placed ? text.matchAll(PLACED) : []) {
    const end = m.index + m[0].length;
    add('LOCATION', end - (m[1] ?? m[2]!).length, end, 'last');
  }
  for (const m of venue ? text.matchAll(VENUE) : []) {
    const found = m[1] ?? m[2]!;
    const start = m.index + m[0].length - found.length;
    // The venue's own possessive is no part of it ("at The Crown's bar").
    const name = found.replace(/['’]s$/u, '');
    const words = name.split(/\s+/u);
    // Not a longer capitalised name, an institution's (left to the tagger and the rules that read those), nor a time or part.
    if (/^[ \t]+\p{Lu}/u.test(text.slice(start + found.length, start + found.length + 3)) || words.some((word) => INSTITUTIONS.has(word)) || NOT_VENUE.has(words[m[1] ? 0 : 1]!)) continue;
    out.push({ type: 'LOCATION', start, end: start + name.length, text: name, confidence: 0.7, source: 'rule:place-name' });
  }
  for (const m of generic ? text.matchAll(SAINT) : []) {
    const end = m.index! + m[0].length;
    // "St John's wort" is a plant.
    if (/^[ \t]+(?:\p{Lu}|wort\b)/u.test(text.slice(end, end + 6))) continue;
    out.push({ type: m[1] ? 'ORGANIZATION' : 'LOCATION', start: m.index!, end, text: m[0], confidence: 0.7, source: SAINT_NAME });
  }
  return out;
}

const PLACE_TYPES: ReadonlySet<string> = new Set(['LOCATION', 'STREET_ADDRESS']);
/** The source of a saint's place name, which replaces what the tagger read inside it ("St." and "Mary"). */
const SAINT_NAME = 'rule:saint-name';

/**
 * Merges place names into the tagger's spans. A place name replaces the spans it overlaps that are not places
 * (a person, an organisation, a title: "Lake Merritt", "Charles River" read as people), unless one of them is
 * an organisation that goes on past it ("Lake Forest College"); where the tagger found a place overlapping it,
 * the tagger's place stays ("Berg Hills" of "Berg Hills Street", as presidio-synth marks it). A saint's place
 * name replaces whatever the tagger read inside it ("St." and "Mary" of "St. Mary's") and gives way to a span of
 * the tagger's that goes past it. Of two overlapping place names the longer is kept.
 */
export function mergePlaceNames(tagged: readonly PiiSpan[], places: readonly PiiSpan[]): PiiSpan[] {
  if (!places.length) return [...tagged];
  const sorted = [...places].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  // The tagged spans are indexed once; a place replaces those it overlaps, and never overlaps another place taken.
  const index = new SpanIndex(tagged);
  const removed = new Set<PiiSpan>();
  const taken = new DisjointRanges<PiiSpan>();
  const added: PiiSpan[] = [];
  for (const place of sorted) {
    if (taken.overlapping(place.start, place.end)) continue;
    const overlapping = index.overlapping(place.start, place.end).filter((s) => !removed.has(s));
    const kept = place.source === SAINT_NAME
      ? overlapping.some((s) => s.start < place.start || s.end > place.end)
      : overlapping.some((s) => PLACE_TYPES.has(s.type) || (s.type === 'ORGANIZATION' && s.end > place.end));
    if (kept) continue;
    for (const s of overlapping) removed.add(s);
    added.push(place);
    taken.add(place);
  }
  return [...tagged.filter((s) => !removed.has(s)), ...added];
}

/** Words right before a town of towns.ts that make it one ("in Malmö", "moved to Enugu"). */
const TOWN_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'to', 'from', 'near', 'visiting', 'visited', 'outside', 'around', 'left', 'leaving', 'through', 'via', 'across', 'at']);

/** A capitalised word of a place's name ("San", "Francisco", "Czech"). */
const PLACE_WORD = /^\p{Lu}[\p{L}'’-]*$/u;

/**
 * Places the lexicon knows that the tagger left outside every entity: one to three capitalised words on one line that
 * are a known place of several words ("United States", "Los Angeles"), or one the lexicon knows as a place and as
 * nothing else ("Brazil leader gives ...", "cut off in Compton"), or a town of towns.ts right after "in", "to", "from" and
 * the like ("met my penpal in Malmö!"), with no capitalised word right before or after the
 * run (the first three words of a longer name: "Salt Lake City Marathon") but an ordinary word that opens it
 * ("Missing Edmonton").
 */
export function knownPlacesPassedOver(tokens: readonly Token[], labels: readonly string[]): PiiSpan[] {
  const phrases = knownPhrases();
  const lexicon = ruleLexicon();
  const out: PiiSpan[] = [];
  const capital = (j: number): boolean => j >= 0 && j < tokens.length && labels[j] === 'O' && mayStartUpper(tokens[j]!.text) && PLACE_WORD.test(tokens[j]!.text);
  for (let i = 0; i < tokens.length; i++) {
    // A run starts after a space, a line break or a mark (not "ST" of "1ST") and not right after a capitalised word.
    if (!capital(i) || (i > 0 && tokens[i]!.gap === '' && /[\p{L}\p{N}]$/u.test(tokens[i - 1]!.text)) || (capital(i - 1) && tokens[i]!.gap === ' ')) continue;
    let last = i;
    while (last + 1 < tokens.length && last - i < 2 && tokens[last + 1]!.gap === ' ' && capital(last + 1)) last++;
    if (last + 1 < tokens.length && tokens[last + 1]!.gap === ' ' && capital(last + 1)) { i = last; continue; }
    // A town of towns.ts counts only right after a word that places it ("penpal Ingrid in Malmö!").
    const placed = (from: number): boolean => from > 0 && tokens[from]!.gap === ' ' && TOWN_PREPOSITIONS.has(tokens[from - 1]!.text);
    const placeFrom = (from: number): boolean => {
      // One word: four letters or more, or an abbreviation in capitals ("UK", "NYC"; not "St" of a street, the German
      // "Ist" or a nickname "Tex").
      if (from === last) {
        const word = tokens[from]!.text;
        const lower = word.toLowerCase();
        return word.length > 1 && (lexicon.get(lower) === 'place' || (placed(from) && townNames().has(lower))) && (word.length > 3 || /^\p{Lu}+$/u.test(word));
      }
      const name = tokens.slice(from, last + 1).map((t) => t.text).join(' ').toLowerCase();
      return phrases.get(name) === 'place' || (placed(from) && townNames().has(name));
    };
    // The whole run, or the run without an ordinary word that opens it ("Missing Edmonton already"; "United States"
    // whole; not a title's noun, which the lexicon files apart: "Captain America").
    const first = placeFrom(i) ? i : i < last && lexicon.get(tokens[i]!.text.toLowerCase()) === 'word' && placeFrom(i + 1) ? i + 1 : -1;
    if (first !== -1) out.push({ type: 'LOCATION', start: tokens[first]!.start, end: tokens[last]!.end, text: tokens.slice(first, last + 1).map((t) => t.text).join(' '), confidence: 0.6, source: 'rule:known-place' });
    i = last;
  }
  return out;
}

/**
 * Venues after an at sign written for "at", with a space after it ("Lunch @ Wagamama", "Drinks @ The Ivy", "Dinner @
 * Dishoom, then bed"), which the tagger, never trained on the shorthand, passes over: one to three capitalised words on the
 * line (a capitalised "The" first is part of the name), none read by the tagger; one word alone no English word, day or
 * function word ("Working @ Home", "Meeting @ 8", "@ Monday"). A handle's at sign has no space after it (patterns.ts).
 */
export function venuesAfterAtSign(tokens: readonly Token[], labels: readonly string[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  // A day, a month or its abbreviation ends the name ("@ CALABASH LOUNGE SEP 25TH").
  const capital = (j: number): boolean => j < tokens.length && labels[j] === 'O' && tokens[j]!.gap === ' ' && PLACE_WORD.test(tokens[j]!.text)
    && !CALENDAR.has(tokens[j]!.text.toLowerCase()) && !MONTH_ABBREVIATION.test(tokens[j]!.text);
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.text !== '@' || !(i === 0 || tokens[i]!.gap !== '') || !capital(i + 1)) continue;
    let last = i + 1;
    while (last + 1 < tokens.length && last - i < 3 && capital(last + 1)) last++;
    const first = tokens[i + 1]!.text;
    const lower = first.toLowerCase();
    if (last === i + 1 && (englishWords().has(lower) || first === 'The')) continue;
    const text = tokens.slice(i + 1, last + 1).map((t, k) => (k ? t.gap : '') + t.text).join('');
    out.push({ type: 'LOCATION', start: tokens[i + 1]!.start, end: tokens[last]!.end, text, confidence: 0.6, source: 'rule:venue-at-sign' });
    i = last;
  }
  return out;
}

/** A comma and one capitalised word closing a clause after a place ("Putney" of "St Mary's, Putney."). */
const TOWN_AFTER_PLACE = /^,[ \t]+(\p{Lu}\p{Ll}{2,}[\p{L}'’-]*)(?=[ \t]*(?:[.,;:!?)]|$))/u;

/**
 * The district or town after a place or an organisation and a comma that the tagger passed over ("St Mary's, Putney.",
 * "at Google, Shoreditch."): one capitalised word closing the clause that no span covers, that the lexicon knows as
 * nothing but a place if at all, and that is no English word (not "Tuesday", "Sarah", "Again"). Spans in the order
 * given, each found town right after its place; so is the result.
 */
export function townsAfterPlaces(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const lexicon = ruleLexicon();
  const out: PiiSpan[] = [];
  let index: SpanIndex<PiiSpan> | undefined;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    out.push(span);
    if (span.type !== 'LOCATION' && span.type !== 'ORGANIZATION') continue;
    const m = TOWN_AFTER_PLACE.exec(text.slice(span.end, span.end + 40));
    if (!m) continue;
    const start = span.end + m[0].length - m[1]!.length;
    const end = start + m[1]!.length;
    const cls = lexicon.get(m[1]!.toLowerCase());
    if ((cls !== undefined && cls !== 'place') || englishWords().has(m[1]!.toLowerCase()) || (index ??= new SpanIndex(spans)).overlapping(start, end).length) continue;
    out.push({ type: 'LOCATION', start, end, text: m[1]!, confidence: 0.6, source: 'rule:town-after-place' });
  }
  return out;
}

/** Particles inside a place's name, Romance, German and English ("del" of "Villafranca del Cid", "am", "upon"). */
const PLACE_PARTICLES = 'de|da|do|dos|das|del|della|delle|di|du|des|de[ \\t]+la|de[ \\t]+los|de[ \\t]+las|sur|am|an[ \\t]+der|im|upon';
/** A particle and one or two capitalised words after it ("del Cid", "de São Tiago", "am Main", "upon Tyne", "sur Mer"). */
const PLACE_PARTICLE_TAIL = new RegExp(`^[ \\t]+(?:${PLACE_PARTICLES})[ \\t]+(\\p{Lu}[\\p{L}'’-]*(?:[ \\t]+\\p{Lu}[\\p{L}'’-]*)?)(?![\\p{L}\\p{N}])`, 'u');
/** Such a particle anywhere in a text before a capital (placeParticleTails' gate). */
const PLACE_PARTICLE_IN_TEXT = new RegExp(`[ \\t](?:${PLACE_PARTICLES})[ \\t]+\\p{Lu}`, 'u');

/**
 * Places widened by the rest of their name after a particle, which the tagger cut or read as something else ("Cid" of
 * "Villafranca del Cid", "São Tiago" of "Quinta de São Tiago" read as an organisation): the capitalised words after it
 * are no day, month or ordinary word ("Paris de Tuesday"); what the tagger read inside the rest goes.
 */
export function placeParticleTails(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  if (!PLACE_PARTICLE_IN_TEXT.test(text)) return [...spans];
  const lexicon = ruleLexicon();
  const widened = new Map<PiiSpan, PiiSpan>();
  for (const span of spans) {
    if (span.type !== 'LOCATION') continue;
    const tail = PLACE_PARTICLE_TAIL.exec(text.slice(span.end, span.end + 60));
    if (!tail || !tail[1]!.split(/[ \t]+/u).every((w) => !CALENDAR.has(w.toLowerCase()) && !ORDINARY_CLASSES.has(lexicon.get(w.toLowerCase()) ?? ''))) continue;
    const end = span.end + tail[0].length;
    widened.set(span, { ...span, end, text: text.slice(span.start, end) });
  }
  if (!widened.size) return [...spans];
  const wide = [...widened.values()];
  return spans.flatMap((span) => widened.get(span) ?? (wide.some((w) => w.start <= span.start && span.end <= w.end) ? [] : [span]));
}
