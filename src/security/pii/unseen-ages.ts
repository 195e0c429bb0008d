import { anyOf, startsWith, type Recognizer } from './pattern-kit.js';

/**
 * Recognisers of ages and birthdays said in a diary, added after the tagger was trained (unseen-patterns.ts says why they
 * are kept apart from its features); detect-pii.ts keeps the ages where the tagger found nothing.
 */

/** Relatives whose age a diary says ("my daughter is six", "Grandpa is ninety-two today"). */
const AGE_RELATIVES: readonly string[] = [
  'son', 'daughter', 'kid', 'baby', 'boy', 'girl', 'brother', 'sister', 'niece', 'nephew', 'grandson', 'granddaughter', 'mum', 'mom',
  'dad', 'mother', 'father', 'grandma', 'grandpa', 'grandad', 'granddad', 'gran', 'granny', 'nan', 'nana', 'husband', 'wife', 'partner',
];
/** A number of years in words, two to a hundred ("six", "ninety-two", "twenty one"). */
const NUMBER_WORDS = (() => {
  const units = 'one|two|three|four|five|six|seven|eight|nine';
  const tens = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
  // "one" alone is left out ("I'm one and done", "she's one and only").
  return `(?:(?:${tens})(?:[- ](?:${units}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|${units.slice(4)}|a[ \\t]+hundred)`;
})();

/** A year's, month's or week's word right before "old" ("months " of "nine months old", "week-" of "3-week-old"). */
const AGE_UNIT_BEFORE = /(?:year|month|week)s?[- ]$/u;

/** The word right after an age's "old" ("loaf" of "two-week-old loaf"). */
const THING_AFTER_OLD = /^[- ](?:years?|months?|weeks?)[- ]olds?[ \t]+(\p{L}+)/iu;
/** Things a diary says are weeks or months old, whose age is no one's. */
const AGED_THINGS: ReadonlySet<string> = new Set([
  'loaf', 'bread', 'sourdough', 'milk', 'cheese', 'leftovers', 'pizza', 'sandwich', 'salad', 'banana', 'bananas', 'eggs', 'food', 'soup',
  'curry', 'rice', 'meat', 'chicken', 'yoghurt', 'yogurt', 'butter', 'cake', 'takeaway', 'email', 'emails', 'message', 'messages',
  'text', 'texts', 'post', 'posts', 'meme', 'thread', 'news', 'receipt', 'bill', 'invoice', 'car', 'phone', 'laptop', 'tyres',
  'tires', 'mattress', 'plant', 'flowers', 'coffee', 'beer', 'wine', 'socks', 'laundry', 'dishes', 'stubble', 'bruise', 'scar',
]);

/** Whether a folded text holds an age in years, months or weeks before "old": the gate of age-old. */
function ageOldGate(folded: string): boolean {
  for (let at = folded.indexOf('old', 4); at !== -1; at = folded.indexOf('old', at + 3)) {
    if (AGE_UNIT_BEFORE.test(folded.slice(Math.max(0, at - 7), at))) return true;
  }
  return false;
}

/** A month's name, written out or abbreviated (the day and month of a birthday said without its year). */
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

/** Dates of birth and ages, in the order unseen-patterns.ts runs them. */
export const UNSEEN_AGE_RECOGNIZERS: readonly Recognizer[] = [
  {
    // A birthday said in a diary, added after the tagger was trained (it does not see it): "my birthday's on July 4th,
    // 1992", "bday was 03/07/1958", and a day and a month named without the year ("Zoe's birthday is 3rd of May").
    type: 'DATE_OF_BIRTH', name: 'dob-said', confidence: 0.85, group: 1, gate: anyOf('birthday', 'bday', 'b-day'),
    starts: startsWith('birthday', 'b-?day'),
    pattern: new RegExp(String.raw`\b(?:birthday|b-?day)(?:['’]s|[ \t]+is|[ \t]+was)?(?:[ \t]+on)?(?:[ \t]+the)?[ \t]*[:-]?[ \t]*((?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})|(?:\d{4}-\d{2}-\d{2})|(?:\p{L}+\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})|(?:\d{1,2}(?:st|nd|rd|th)? (?:of )?\p{L}+,? \d{4})|(?:${MONTH}\.? \d{1,2}(?:st|nd|rd|th)?\b)|(?:\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH}\b))`, 'giu'),
  },
  {
    // A year of birth after "born in" ("I was born in 1987"; not a year to come), likewise not seen by the tagger.
    type: 'DATE_OF_BIRTH', name: 'dob-year', confidence: 0.8, group: 1, gate: anyOf('born in'),
    starts: startsWith('born'),
    pattern: /\bborn[ \t]+in[ \t]+((?:19|20)\d{2})\b/giu,
    validate: (v) => Number(v) <= new Date().getFullYear(),
  },
  {
    // An age said of oneself or of a relative ("I'm 34 and still…", "my daughter is six and a half", "Grandpa is ninety-two
    // today"): digits up to 120 or a number's words, after "I'm", "she's", "he is" or a relative and "is", "was" or
    // "turned", and before "and", "now", "today", "next" or the sentence's end; not a quantity ("I'm 5 minutes away",
    // "she's 3 months pregnant"). Kept where the tagger found nothing (detect-pii.ts). Not a tagger feature.
    type: 'AGE', name: 'age-said', confidence: 0.7, group: 1,
    starts: startsWith("i['’]m", 'i[ \\t]+am', "s?he['’]s", 's?he[ \\t]+(?:is|was)', 'my', 'our', ...AGE_RELATIVES),
    pattern: new RegExp(`\\b(?:I['’]m|I[ \\t]+am|[Ss]?[Hh]e['’]s|[Ss]?[Hh]e[ \\t]+(?:is|was)|(?:(?:[Mm]y|[Oo]ur)[ \\t]+(?:${AGE_RELATIVES.join('|')})|${AGE_RELATIVES.map((r) => `[${r[0]!.toUpperCase()}${r[0]}]${r.slice(1)}`).join('|')})[ \\t]+(?:is|was|turned|just[ \\t]+turned))[ \\t]+(?:only[ \\t]+|now[ \\t]+|almost[ \\t]+|nearly[ \\t]+)?(\\d{1,3}|${NUMBER_WORDS})(?=[ \\t]+(?:and|now|today|tomorrow|next|this|already|on)\\b|[ \\t]*(?:[,.!;?]|$))`, 'gmu'),
    validate: (v) => !/^\d/u.test(v) || Number(v) <= 120,
  },
  {
    // An age in months or weeks, or in a number's words ("nine months old", "a 3-month-old", "my 18 month old", "thirty
    // years old"), which the age recogniser (digits before "years old") does not read: the number, kept where the tagger
    // found nothing (detect-pii.ts). Not a tagger feature.
    type: 'AGE', name: 'age-old', confidence: 0.7, group: 1, gate: ageOldGate,
    pattern: new RegExp(`\\b(\\d{1,3}(?=[- ](?:months?|weeks?)[- ]olds?\\b)|(?:one|${NUMBER_WORDS})(?:[- ]and[- ]a[- ]half)?(?=[- ](?:years?|months?|weeks?)[- ]olds?\\b))`, 'giu'),
    // Not the age of a thing ("a two-week-old loaf", "three-month-old emails").
    validate: (v, text, start) => (!/^\d/u.test(v) || Number(v) <= 120) && !AGED_THINGS.has(THING_AFTER_OLD.exec(text.slice(start + v.length, start + v.length + 40))?.[1]?.toLowerCase() ?? ''),
  },
  {
    // "my daughter turns 7", "I turn 40 in May": kept where the tagger found nothing (detect-pii.ts).
    type: 'AGE', name: 'age-turns', confidence: 0.7, group: 1, gate: anyOf('turn'),
    starts: startsWith('turn'),
    pattern: /\b(?:turns|turn)\s+(\d{1,3})\b(?!\s*(?:%|percent|degrees|times|minutes|hours|points|pages)\b)/gi,
    validate: (v) => Number(v) <= 120,
  },
];
