import { COMPANY_ABBREVIATIONS, OTHER_ABBREVIATIONS } from './abbreviations.js';
import { englishWords } from './english-words.js';
import { CALENDAR, ORDINARY_CLASSES, ruleLexicon } from './gazetteer.js';
import { FUNCTION_WORDS, MEETING_CUES, PERSON_VERBS } from './name-cues.js';
import { COMPANY_KIND, COMPANY_THING } from './span-roles.js';
import { mayStartUpper, type Token } from './tokenize.js';
import type { PiiSpan } from './types.js';

/** Employers the tagger passed over, after a word of work (tagger.ts's tagEntities adds them). */

/**
 * Words of work right before "at", "for", "by" or "from" and an employer ("my job at Accenture", "the team at Shopify",
 * "rejected by Deloitte", "an offer from Stripe").
 */
const WORK_CUES: ReadonlySet<string> = new Set([
  'job', 'jobs', 'work', 'works', 'worked', 'working', 'shift', 'shifts', 'team', 'interview', 'interviewed', 'internship',
  'intern', 'interning', 'boss', 'manager', 'colleagues', 'coworkers', 'offer', 'started', 'quit', 'hired', 'fired',
  'rejected', 'employed', 'contract', 'career', 'promotion', 'day', 'layoffs', 'role', 'position', 'placement',
  'apprenticeship', 'secondment', 'gig',
  // What the writer or someone they know is at work ("a nurse at Guy's", "a barista at Pret").
  'nurse', 'teacher', 'doctor', 'engineer', 'developer', 'designer', 'analyst', 'consultant', 'barista', 'cashier',
  'waiter', 'waitress', 'receptionist', 'volunteer', 'volunteering', 'accountant', 'lawyer', 'paralegal', 'pharmacist',
]);
const WORK_PREPOSITIONS: ReadonlySet<string> = new Set(['at', 'for', 'by', 'from']);
/** Lexicon classes of a first word that names no employer after a word of work ("at Christmas", "for Sarah", "at London"). */
const NOT_EMPLOYER_CLASSES: ReadonlySet<string> = new Set(['place', 'date', 'first', 'honorific', 'nrp', 'actor']);
/** A word of a firm's name: capitalised or in capitals, an ampersand or "and" inside ("Ernst & Young", "KPMG"). */
export const FIRM_WORD = /^\p{Lu}[\p{L}\p{N}'’.-]*$/u;

/**
 * Employers the tagger passed over, on tokens it left outside every entity: the capitalised words right after a word of
 * work and "at", "for", "by" or "from", "the" between or not ("Quit my job at Accenture today", "my shift at the
 * Walgreens"), none a function word, the first of three letters or more and no place, day, given name, title,
 * nationality or role the lexicon knows ("job at Christmas", "work for Sarah", "team at London" stay), and not one
 * ordinary word alone ("work from Home"); or an organisation the lexicon knows, written in lower case ("my job at deloitte").
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
    // An organisation the lexicon knows, written in lower case ("the job at deloitte"), is one alone.
    if (labels[from] === 'O' && tokens[from]!.text === first && knownLowerCaseFirm(first, lexicon)) {
      out.push({ type: 'ORGANIZATION', start: tokens[from]!.start, end: tokens[from]!.end, text: first, confidence: 0.6, source: 'rule:employer' });
      i = from;
      continue;
    }
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

/**
 * Whether a lower-case word is an organisation the rules' lexicon knows by one word, three letters or more, and no English
 * word nor one of {@link NOT_KNOWN_FIRMS} ("deloitte", "kpmg"; not "apple", "target", "bbc").
 */
function knownLowerCaseFirm(word: string, lexicon: ReadonlyMap<string, string>): boolean {
  return word.length >= 3 && /^\p{Ll}[\p{Ll}\p{N}]*$/u.test(word) && lexicon.get(word) === 'org' && !NOT_KNOWN_FIRMS.has(word) && !englishWords().has(word);
}

/** Legal forms that end a firm's name typed in lower case ("acme widgets llc", "stillwater supercomputing inc."). */
const LOWER_LEGAL_FORMS: ReadonlySet<string> = new Set(['inc', 'llc', 'ltd', 'corp', 'plc', 'gmbh']);
/**
 * Words that end the walk back from a lower-case legal form: prepositions before a firm's name, {@link WORK_CUES} and
 * verbs said of a firm ("quit norvane systems inc.", "i love acme llc", "she runs kessler bau gmbh").
 */
const BEFORE_FIRM: ReadonlySet<string> = new Set([
  'at', 'for', 'from', 'with', 'by', 'of', 'to', 'in', 'on', 'about', 'into', ...WORK_CUES, 'join', 'joining', 'left', 'leave',
  'leaving', 'love', 'hate', 'like', 'call', 'email', 'sue', 'suing', 'run', 'runs', 'own', 'owns', 'founded', 'start',
]);
/** A lower-case word of a firm's name: letters, digits inside, an apostrophe or hyphen. */
const LOWER_FIRM_WORD = /^\p{Ll}[\p{Ll}\p{N}'’-]*$/u;

/**
 * Firms written in lower case with their legal form, on tokens the tagger left outside every entity: one to three
 * lower-case words and "inc", "llc", "ltd", "corp", "plc" or "gmbh" ("got an offer from acme widgets llc", "selma is
 * from stillwater supercomputing inc."), with the form's period. The words stop at a function word, a preposition,
 * a word of work or a verb said of a firm ("quit norvane systems inc."), or an ordinary word in the past tense
 * ("joined acme llc" gives "acme llc").
 */
export function lowerCaseFirms(tokens: readonly Token[], labels: readonly string[]): PiiSpan[] {
  const lexicon = ruleLexicon();
  const out: PiiSpan[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const form = tokens[i]!;
    if (!LOWER_LEGAL_FORMS.has(form.text) || labels[i] !== 'O' || form.gap !== ' ') continue;
    let first = i;
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      const word = tokens[j]!.text;
      if (labels[j] !== 'O' || tokens[j + 1]!.gap !== ' ' || !LOWER_FIRM_WORD.test(word) || FUNCTION_WORDS.has(word) || BEFORE_FIRM.has(word)) break;
      if (word.endsWith('ed') && ORDINARY_CLASSES.has(lexicon.get(word) ?? '')) break;
      first = j;
    }
    if (first === i) continue;
    const period = tokens[i + 1]?.text === '.' && tokens[i + 1]!.gap === '' && form.text !== 'gmbh';
    const end = period ? tokens[i + 1]!.end : form.end;
    const text = tokens.slice(first, i + 1).map((t, k) => (k ? t.gap : '') + t.text).join('') + (period ? '.' : '');
    out.push({ type: 'ORGANIZATION', start: tokens[first]!.start, end, text, confidence: 0.6, source: 'rule:employer' });
  }
  return out;
}

/** {@link COMPANY_KIND} and {@link COMPANY_THING} read right at a position of the text (sticky, no slice per run). */
const KIND_AT = new RegExp(COMPANY_KIND.source.replace(/^\^/u, ''), 'uy');
const THING_AT = new RegExp(COMPANY_THING.source.replace(/^\^/u, ''), 'uy');
/** Whether what only a firm is or has comes right at `at`. */
const firmCueAt = (text: string, at: number): boolean => {
  KIND_AT.lastIndex = at;
  if (KIND_AT.test(text)) return true;
  THING_AT.lastIndex = at;
  return THING_AT.test(text);
};

/**
 * Firms the tagger passed over, named by what they are or have: capitalised words it left outside every entity
 * (up to four, "And" or "&" inside) right before "is a/an ... agency/company/multinational ..." or before "website",
 * "app", "platform" and the like (span-roles.ts's COMPANY_KIND and COMPANY_THING: "Wolfram Research is an Hungarian
 * multinational", "according to the Costquest website"). The first word is no function word, and one word alone is
 * none the lexicon knows as ordinary, a date, a place or a given name ("the Weather app", "Monday is a company
 * holiday").
 */
export function firmsByWhatTheyAre(text: string, tokens: readonly Token[], labels: readonly string[]): PiiSpan[] {
  const lexicon = ruleLexicon();
  const out: PiiSpan[] = [];
  const capital = (j: number): boolean => labels[j] === 'O' && mayStartUpper(tokens[j]!.text) && FIRM_WORD.test(tokens[j]!.text);
  for (let i = 0; i < tokens.length; i++) {
    if (!capital(i) || (i > 0 && capital(i - 1) && tokens[i]!.gap === ' ')) continue;
    let last = i;
    for (let j = i + 1; j < tokens.length && j <= i + 3 && tokens[j]!.gap === ' '; j++) {
      if (capital(j) && !/^(?:And|&)$/u.test(tokens[j]!.text)) last = j;
      else if (!(/^(?:And|and|&)$/u.test(tokens[j]!.text) && labels[j] === 'O' && j + 1 < tokens.length && tokens[j + 1]!.gap === ' ' && capital(j + 1))) break;
    }
    if (!firmCueAt(text, tokens[last]!.end)) continue;
    const first = tokens[i]!.text.toLowerCase();
    if (FUNCTION_WORDS.has(first)) continue;
    if (last === i && (ORDINARY_CLASSES.has(lexicon.get(first) ?? '') || NOT_EMPLOYER_CLASSES.has(lexicon.get(first) ?? ''))) continue;
    out.push({ type: 'ORGANIZATION', start: tokens[i]!.start, end: tokens[last]!.end, text: text.slice(tokens[i]!.start, tokens[last]!.end), confidence: 0.6, source: 'rule:employer' });
    i = last;
  }
  return out;
}

/**
 * Last words of the names of hospitals and schools, capitalised or in lower case ("Royal Free Hospital", "the Royal
 * Infirmary", "Ashgrove Academy", "Little Acorns nursery").
 */
const INSTITUTION_ENDS: ReadonlySet<string> = new Set([
  'hospital', 'infirmary', 'hospice', 'clinic', 'school', 'academy', 'college', 'university', 'primary', 'nursery',
  'preschool', 'daycare', 'kindergarten',
  // Where a diarist stays ("Stayed at the Premier Inn near Gatwick").
  'inn', 'hotel', 'hostel', 'motel',
]);
/** The length of the shortest of those words and "Centre". */
const SHORTEST_END = Math.min(...[...INSTITUTION_ENDS, 'centre'].map((word) => word.length));
/** "Centre" or "Center" ends an institution's name after one of these ("Whitechapel Health Centre"). */
const CENTRE_KINDS: ReadonlySet<string> = new Set(['Health', 'Medical', 'Community', 'Leisure', 'Sports', 'Wellbeing', 'Cancer']);
/**
 * Words that only say what kind an institution is: a name made of them alone is no one's ("General Hospital", "High
 * School", "Sunday School", "Community College").
 */
const KIND_ONLY: ReadonlySet<string> = new Set([
  'General', 'High', 'Primary', 'Secondary', 'Middle', 'Elementary', 'Junior', 'Senior', 'Infant', 'Infants', 'Nursery',
  'Grammar', 'Comprehensive', 'Boarding', 'Sunday', 'Summer', 'Night', 'Public', 'Private', 'State', 'Community', 'Local',
  'Medical', 'Dental', 'Veterinary', 'Vet', 'Children’s', "Children's", 'Teaching', 'Mental', 'Health', 'Art', 'Music',
  'Law', 'Business', 'Nursing', 'Drama', 'Dance', 'Language', 'Driving', 'Flight', 'Film', 'Cooking', 'Technical', 'Field',
  'Day', 'Walk', 'In', 'Leisure', 'Sports', 'Wellbeing', 'Cancer', 'Open', 'Budget', 'Boutique', 'Airport', 'Youth',
  // Kinds of clinic ("my IVF clinic", "the GP surgery").
  'IVF', 'GP', 'Fertility', 'Eye', 'Skin', 'Sleep', 'Pain', 'Fracture', 'Antenatal', 'Maternity',
]);
/** A verb in the past opening a sentence, no part of an institution's name ("Visited Royal Free Hospital"). */
const OPENING_VERB = /^\p{Lu}\p{Ll}+ed$/u;
/** Whether token i is a verb opening a sentence: in the past ("Visited", "Saw", "Took") or one of a person's. */
const openingVerb = (tokens: readonly Token[], i: number): boolean => {
  const word = tokens[i]!.text;
  const lower = word.toLowerCase();
  return opensSentence(tokens, i) && (OPENING_VERB.test(word) || MEETING_CUES.has(lower) || PERSON_VERBS.has(lower));
};

/**
 * Hospitals, clinics, schools and hotels the tagger passed over, on tokens it left outside every entity: one to three
 * capitalised words right before an institution's last word ("Took Mum to Royal Free Hospital", "in Ward 7B at the
 * Royal Infirmary", "Whitechapel Health Centre"), or that word in lower case ("from Little Acorns nursery", "in Whiston
 * hospital"; not "surgery": "Brain surgery"), "The" and a sentence's opening verb ("Saw", "Visited") left out, and not
 * words that only say what kind of institution it is ("General Hospital", "High School").
 */
export function institutionsPassedOver(text: string, tokens: readonly Token[], labels: readonly string[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  const capital = (j: number): boolean => labels[j] === 'O' && FIRM_WORD.test(tokens[j]!.text);
  for (let end = 1; end < tokens.length; end++) {
    const last = tokens[end]!.text;
    // Most tokens are shorter than every institution's last word and need no lookup.
    if (last.length < SHORTEST_END || labels[end] !== 'O' || tokens[end]!.gap !== ' ') continue;
    const centre = (last === 'Centre' || last === 'Center') && CENTRE_KINDS.has(tokens[end - 1]!.text);
    if (!centre && !(INSTITUTION_ENDS.has(last.toLowerCase()) && /^\p{L}\p{Ll}+$/u.test(last))) continue;
    let first = end;
    while (first > 0 && end - first < 3 && tokens[first]!.gap === ' ' && capital(first - 1)) first--;
    while (first < end && (FUNCTION_WORDS.has(tokens[first]!.text.toLowerCase()) || openingVerb(tokens, first))) first++;
    const words = tokens.slice(first, centre ? end - 1 : end).map((t) => t.text);
    if (!words.length || words.every((w) => KIND_ONLY.has(w))) continue;
    out.push({ type: 'ORGANIZATION', start: tokens[first]!.start, end: tokens[end]!.end, text: text.slice(tokens[first]!.start, tokens[end]!.end), confidence: 0.6, source: 'rule:institution' });
  }
  return out;
}

/** Whether token i opens its text, a line or a sentence. */
function opensSentence(tokens: readonly Token[], i: number): boolean {
  return i === 0 || tokens[i]!.gap === '\n' || /^[.!?]$/u.test(tokens[i - 1]!.text);
}

/**
 * Words the lexicon knows as organisations that {@link knownFirmsPassedOver} leaves alone: abbreviations of a firm's parts,
 * a language's word or no firm ("Co", "Ayer", "Brexiteers"), and what a diary names as a fan or a viewer, not as someone
 * dealing with it: bands, sports teams and leagues, broadcasters and political groups ("saw Coldplay", "the Lakers won").
 */
const NOT_KNOWN_FIRMS: ReadonlySet<string> = new Set([
  ...COMPANY_ABBREVIATIONS, ...OTHER_ABBREVIATIONS, 'dept', 'univ', 'assn', 'ayer', 'brexiteers', 'eurosceptics',
  'abba', 'ac/dc', 'aerosmith', 'coldplay', 'metallica', 'radiohead', 'soundgarden', 'u2',
  '49ers', '76ers', 'astros', 'celtics', 'diamondbacks', 'dodgers', 'knicks', 'lakers', 'mets', 'padres', 'phillies', 'yankees',
  'nba', 'nfl', 'nhl', 'mlb', 'nascar', 'fifa', 'mtv', 'vh1', 'tmz', 'bbc', 'cnn', 'nbc', 'cbc', 'pbs', 'itv', 'katv', 'newsweek',
  'nwa', 'kkk', 'hizbollah', 'ukip', 'snp', 'nato', 'opec', 'g8',
]);

/**
 * Shops named by an English word, which a diary writes with a capital in the middle of a sentence right after a
 * preposition ("Went to Target for nappies", "a meal deal from Boots", "Returned the dress to Next"); "Amazon" wherever it
 * is written with a capital but after "the" ("Amazon lost my parcel"; not "the Amazon rainforest").
 */
const SHOPS_NAMED_BY_WORDS: ReadonlySet<string> = new Set(['amazon', 'target', 'boots', 'next', 'staples', 'apple', 'shell', 'giant']);
/** The prepositions before such a shop. */
const SHOP_PREPOSITIONS: ReadonlySet<string> = new Set(['at', 'from', 'off', 'on', 'to', 'in', 'into', 'via', 'with']);

/** A firm's one word as {@link knownFirmsPassedOver} reads it: capitalised or in capitals, or a small ASCII letter before a capital ("eBay"). */
const KNOWN_FIRM_WORD = /^(?:\p{Lu}|\p{Ll}\p{Lu})[\p{L}\p{N}&]*$/u;

/**
 * Organisations the lexicon knows by one word that the tagger passed over ("HMRC sent a letter", "Called Vodafone about
 * the bill", "the bank (Barclays)", "a kettle off eBay"): a word capitalised or in capitals (or "eBay"), three letters or
 * more, of the rules' lexicon's organisations (compromise's and the everyday companies of EXTRA_DATA) and no English word
 * ("Ford", "Visa", "Twitter" are left to the tagger), with no capitalised word right beside it on its line (a longer name's,
 * left to the tagger) but an ordinary one opening the sentence ("Called Vodafone about the bill"), and no part of a
 * hyphenated word ("Stratford-upon-Avon"); and the shops of {@link SHOPS_NAMED_BY_WORDS} where they are written so. In lower
 * case, such an organisation right after "at", "from" or "off" ("shopping at tesco"; not "posted on reddit").
 */
export function knownFirmsPassedOver(tokens: readonly Token[], labels: readonly string[]): PiiSpan[] {
  const lexicon = ruleLexicon();
  const out: PiiSpan[] = [];
  const capital = (j: number): boolean => j >= 0 && j < tokens.length && /^\p{Lu}/u.test(tokens[j]!.text);
  // A capitalised word before it that the lexicon knows as an ordinary word and that opens a sentence ("Called Vodafone").
  const opener = (j: number): boolean => opensSentence(tokens, j) && ORDINARY_CLASSES.has(lexicon.get(tokens[j]!.text.toLowerCase()) ?? '');
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.text;
    const first = word.charCodeAt(0);
    if (labels[i] !== 'O' || word.length < 3) continue;
    if (first >= 97 && first <= 122) {
      // In lower case: a shop of the lexicon right after "at", "from" or "off" ("shopping at tesco", "a refund from asda";
      // not the platforms one is "on": "posted on reddit"), unless a capital follows ("eBay", read below).
      const second = word.charCodeAt(1);
      if (second < 65 || second > 90) {
        if (lowerCaseShop(tokens, i, lexicon)) out.push({ type: 'ORGANIZATION', start: tokens[i]!.start, end: tokens[i]!.end, text: word, confidence: 0.6, source: 'rule:known-firm' });
        continue;
      }
    } else if (first < 128 && (first < 65 || first > 90)) {
      // An ASCII first character other than a letter is no capital: most words of a text are left without the lookups.
      continue;
    }
    const lower = word.toLowerCase();
    if (!(SHOPS_NAMED_BY_WORDS.has(lower) ? shopNamed(tokens, i) : lexicon.get(lower) === 'org' && !NOT_KNOWN_FIRMS.has(lower) && !englishWords().has(lower)) || !KNOWN_FIRM_WORD.test(word)) continue;
    if (capital(i - 1) && tokens[i]!.gap === ' ' && !opener(i - 1)) continue;
    // Not part of a hyphenated word ("Stratford-upon-Avon").
    if ((tokens[i]!.gap === '' && tokens[i - 1]?.text === '-') || (tokens[i + 1]?.gap === '' && tokens[i + 1]!.text === '-')) continue;
    // With the capitalised words after it that the tagger passed over too and that no list knows, a branch's place
    // ("PureGym Wandsworth"), up to two; before one capitalised English word the firm alone ("Microsoft Word", "YouTube
    // Likes"); before anything else capitalised (a longer name, a shout: "REDDIT PLZ FIX") nothing, left to the tagger.
    let last = i;
    while (last - i < 2 && tokens[last + 1]?.gap === ' ' && labels[last + 1] === 'O' && branchWord(tokens[last + 1]!.text, lexicon)) last++;
    if (capital(last + 1) && tokens[last + 1]!.gap === ' ' && !(last === i && englishWordAfter(tokens, i, lower))) continue;
    const text = tokens.slice(i, last + 1).map((t, k) => (k ? t.gap : '') + t.text).join('');
    out.push({ type: 'ORGANIZATION', start: tokens[i]!.start, end: tokens[last]!.end, text, confidence: 0.6, source: 'rule:known-firm' });
  }
  return out;
}

/**
 * Whether one capitalised English word follows the firm at i and ends the capitalised run ("Microsoft Word"; not
 * "Barclays Premier League", a longer name), the firm being no shop named by a word ("Next Level Fitness").
 */
function englishWordAfter(tokens: readonly Token[], i: number, lower: string): boolean {
  const next = tokens[i + 1];
  const after = tokens[i + 2];
  return next !== undefined && next.gap === ' ' && /^\p{Lu}\p{Ll}+$/u.test(next.text) && englishWords().has(next.text.toLowerCase())
    && !(after !== undefined && after.gap === ' ' && /^\p{Lu}/u.test(after.text)) && !SHOPS_NAMED_BY_WORDS.has(lower);
}

/** A word of a branch's place after a firm's name: capitalised, no English word and none the lexicon knows as ordinary or a date. */
function branchWord(word: string, lexicon: ReadonlyMap<string, string>): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  const lower = word.toLowerCase();
  return !englishWords().has(lower) && !ORDINARY_CLASSES.has(lexicon.get(lower) ?? '') && !CALENDAR.has(lower) && !FUNCTION_WORDS.has(lower);
}

/**
 * Whether token i, a word of {@link SHOPS_NAMED_BY_WORDS}, names the shop: written with a capital and then small letters,
 * right after one of {@link SHOP_PREPOSITIONS} ("from Boots"; not "Boots" opening a sentence nor "BOOTS" in a shout), or
 * "Amazon" anywhere but after "the" (the river's: "the Amazon rainforest").
 */
function shopNamed(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]!.text;
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  if (i > 0 && tokens[i]!.gap === ' ' && SHOP_PREPOSITIONS.has(tokens[i - 1]!.text)) return true;
  // Not the river's "the Amazon".
  return word === 'Amazon' && !(i > 0 && /^the$/iu.test(tokens[i - 1]!.text));
}

/** Whether token i, in lower case, is an organisation of the lexicon right after "at", "from" or "off" ("at tesco"). */
function lowerCaseShop(tokens: readonly Token[], i: number, lexicon: ReadonlyMap<string, string>): boolean {
  if (i === 0 || tokens[i]!.gap !== ' ') return false;
  const before = tokens[i - 1]!.text;
  const b = before.charCodeAt(0);
  if (!((b === 97 && before === 'at') || (b === 102 && before === 'from') || (b === 111 && before === 'off'))) return false;
  const word = tokens[i]!.text;
  return /^\p{Ll}+$/u.test(word) && lexicon.get(word) === 'org' && !NOT_KNOWN_FIRMS.has(word) && !englishWords().has(word);
}
