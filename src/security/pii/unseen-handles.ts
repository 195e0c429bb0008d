import { englishWords } from './english-words.js';
import { gazetteer, ORDINARY_CLASSES } from './gazetteer.js';
import { anyOf, startsWith, type Recognizer } from './pattern-kit.js';

/**
 * Recognisers of user names and handles, added after the tagger was trained (unseen-patterns.ts says why they are kept
 * apart from its features); detect-pii.ts keeps their hits, USERNAME being a validated type.
 */

/** Names of accounts that are no one's ("logged in as admin"). */
const ACCOUNT_WORDS: ReadonlySet<string> = new Set(['admin', 'administrator', 'root', 'guest', 'user', 'test', 'anonymous', 'me', 'myself']);

/** Platforms whose name labels a user name ("my insta is lena.kowal", "discord: lena#4821"): username-labelled's. */
const LABEL_PLATFORMS: readonly string[] = [
  'instagram', 'insta', 'ig', 'twitter', 'tiktok', 'snapchat', 'snap', 'discord', 'reddit', 'steam', 'xbox', 'psn', 'twitch',
  'github', 'skype', 'telegram', 'kik',
];

/** Social platforms whose users go by a handle, in lower case (the folded text's form: username-on-platform's gate). */
const SOCIAL_PLATFORMS: readonly string[] = [
  ...LABEL_PLATFORMS, 'threads', 'bluesky', 'mastodon', 'tumblr', 'pinterest', 'youtube', 'roblox', 'minecraft', 'fortnite',
  'hinge', 'tinder', 'bumble', 'grindr',
];

/** One of {@link SOCIAL_PLATFORMS} as a word of the folded text (username-on-platform's gate: "ig" is inside many words). */
const PLATFORM_WORD = new RegExp(`\\b(?:${SOCIAL_PLATFORMS.join('|')})\\b`, 'u');

/** The handle and user-name recognisers, in the order they run. */
export const UNSEEN_HANDLE_RECOGNIZERS: readonly Recognizer[] = [
  {
    // A user name right after "user", "username" or "login" with no "is" or colon ("login: user aarav.m2015 / pass …"): a
    // letter and a digit, "_" or "." in it ("user friendly", "user 2024" are none). Not a tagger feature.
    type: 'USERNAME', name: 'username-bare', confidence: 0.75, group: 1,
    starts: startsWith('user', 'login'),
    pattern: /\b(?:user(?:[ \t]?name)?|login)[ \t]+((?=[\p{L}\d._-]*\p{L})(?=[\p{L}\d._-]*[\d_.][\p{L}\d])[\p{L}\d][\p{L}\d._-]{1,30}[\p{L}\d])/giu,
  },
  {
    // A handle without its at sign right after a verb of messaging or following, or "as" ("DM'd marcus_j on discord",
    // "followed sunny.sara_ back", "signed up as bex_92"): in lower case, with an underscore, or a dot and a digit, in it
    // (plain words and names are none: "followed the rules", "as sarah said"). Not a tagger feature.
    type: 'USERNAME', name: 'handle-after-dm', confidence: 0.75, group: 1,
    starts: startsWith('dm', 'messaged', 'follow', 'added', 'unfollowed', 'blocked', 'as[ \\t]'),
    pattern: /\b(?:dm['’]?d|dmed|dm|messaged|followed|follow|added|unfollowed|blocked|as)[ \t]+((?=[\p{Ll}\d._]*_|[\p{Ll}\d._]*\d[\p{Ll}\d._]*\.|[\p{Ll}\d._]*\.[\p{Ll}\d._]*\d)\p{Ll}[\p{Ll}\d._]{1,29}[\p{Ll}\d_])(?![\p{L}\d@])/giu,
  },
  {
    // A handle without its at sign after the platform it is on and "as" or "under" ("find me on twitter as bobbyjones88",
    // "she's on insta as jess.xo", "I post on reddit under throwaway_sadgirl"): a letter, digit, "_" or "." run of three to
    // 31, which is no English word or name the lexicon knows unless a digit, "_" or "." is in it ("on twitter as well", "on
    // discord as usual" are none). Not a tagger feature.
    type: 'USERNAME', name: 'username-on-platform', confidence: 0.8, group: 1,
    gate: (folded) => PLATFORM_WORD.test(folded),
    starts: startsWith('on[ \\t]', 'via[ \\t]'),
    pattern: new RegExp(`\\b(?:on|via)[ \\t]+(?:${SOCIAL_PLATFORMS.join('|')})[ \\t]+(?:as|under)[ \\t]+@?((?=[\\p{L}\\d._]*\\p{L})[\\p{L}\\d][\\p{L}\\d._-]{1,29}[\\p{L}\\d_])(?![\\p{L}\\d@])`, 'giu'),
    validate: (v) => !ACCOUNT_WORDS.has(v.toLowerCase()) && (/[\d_.]/u.test(v) || (!gazetteer().has(v.toLowerCase()) && !englishWords().has(v.toLowerCase()))),
  },
  {
    // A Cash App handle after the app's name ("Cash App: $tashk99", "my cashapp is $JoBloggs"): "$" and a letter, then
    // letters, digits, "-" or "_". Not a tagger feature.
    type: 'USERNAME', name: 'cashtag', confidence: 0.8, group: 1, gate: anyOf('cash app', 'cashapp'),
    pattern: /\bcash[ \t]?app\b[ \t]*(?:is[ \t]+|:[ \t]*|-[ \t]*)?(\$\p{L}[\p{L}\d_-]{1,19})(?![\p{L}\d_-])/giu,
  },
  {
    // A handle with its at sign ("follow me @sunny.days.92", "DM'd @jo_bloggs", Venmo's "@jamie-w"): the sign follows no letter,
    // digit or email character (an email's part is the email recogniser's), and the handle holds a letter;
    // a full stop that ends the sentence is no part of it; an ordinary lower-case word is shorthand for "at"
    // ("worked @home"), no handle.
    type: 'USERNAME', name: 'handle', confidence: 0.85, gate: anyOf('@'),
    pattern: /(?<![\p{L}\d._%+-])@(?=[\w.-]*\p{L})\w(?:[\w.-]*\w)?/gu,
    validate: (v) => !/^@[a-z]+$/.test(v) || !ORDINARY_CLASSES.has(gazetteer().get(v.slice(1)) ?? ''),
  },
  {
    // A user name after its label and "is", "was" or a colon, or after "logged in as" ("Logged in as jdoe_1987", "my
    // username is jdoe_1987", "my insta is lena.kowal", "discord: lena#4821", "my reddit is u/throwaway_sad_22"): one
    // run of letters, digits and "._#-" of three to 32, an at sign or "u/" before it or not; without a digit, "_", "."
    // or "#", not a word of the lexicon nor one with an adverb's or adjective's ending ("my insta is private", "my
    // username is the same", "your username is absolutely horrible"); not an account that is no one's ("logged in as
    // admin"). A label that is also a verb needs its "is", a colon or a dash ("can't handle Mondays"; "snapchat - kyle.b99").
    // Where the account is may come between ("My username on the forum is nightowl_1988"); Skype's "live:" is the name's
    // ("skype: live:jsmith_1").
    type: 'USERNAME', name: 'username-labelled', confidence: 0.85, group: 1,
    starts: startsWith('logged[ \\t]+in', 'user', 'login', 'handle', 'gamer', 'screen', ...LABEL_PLATFORMS),
    pattern: new RegExp(`\\b(?:logged[ \\t]+in[ \\t]+as|(?:user[ \\t]?name|user[ \\t]?id|login|handle|gamer[ \\t]?tag|screen[ \\t]?name|(?:${LABEL_PLATFORMS.join('|')})(?:[ \\t]+(?:handle|name|username|account|id))?)(?:[ \\t]+(?:on|for)[ \\t]+(?:the[ \\t]+)?[\\p{L}\\d.-]+)?(?:[ \\t]+(?:is|was)|[ \\t]*[:=]|[ \\t]+[-–—]))[ \\t]+((?:@|u\\/|live:)?[\\p{L}\\d][\\p{L}\\d._#-]{1,30}[\\p{L}\\d_])`, 'giu'),
    validate: (v) => {
      const name = v.replace(/^(?:@|u\/|live:)/u, '');
      return name.length >= 3 && !ACCOUNT_WORDS.has(name.toLowerCase())
        && (/[\d_.#]/u.test(name) || (!gazetteer().has(name.toLowerCase()) && !/(?:ly|ful|less|ous|ive|able|ible|ing|ed)$/u.test(name)));
    },
  },
  {
    // A user name right after the role of the account's owner, with no "is" or colon ("The seller bigdeals_uk refunded me",
    // "a redditor called throwaway_8812", "Airbnb host lena.k92"): a run of four to 32 letters, digits and "._-" holding a
    // letter and a digit, "_" or an inner "." (an ordinary word is none: "the seller refunded", "user error", "user 2",
    // "the seller e.g."). Not a tagger feature.
    type: 'USERNAME', name: 'username-after-role', confidence: 0.8, group: 1,
    starts: startsWith('seller', 'buyer', 'user', 'host', 'streamer', 'youtuber', 'redditor', 'poster', 'commenter', 'vendor', 'gamer'),
    pattern: /\b(?:[Ss]eller|[Bb]uyer|[Uu]ser|[Hh]ost|[Ss]treamer|[Yy]ou[Tt]uber|[Rr]edditor|[Pp]oster|[Cc]ommenter|[Vv]endor|[Gg]amer)(?:[ \t]+(?:called|named))?[ \t]+@?((?=[\w.-]*\p{L})[\p{L}\d][\p{L}\d._-]{1,30}[\p{L}\d_])(?![\p{L}\d@])/gu,
    validate: (v) => v.length >= 4 && /[\d_]|\p{L}\.\p{L}/u.test(v) && !/^\d+(?:st|nd|rd|th|s|am|pm|k|x|mb|gb)?$/iu.test(v),
  },
];
