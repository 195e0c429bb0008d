/**
 * Emoji handling for the sentiment analyzer. The JavaScript port of VADER has no emoji lexicon, so, as the
 * Python VADER does, each emoji is replaced by words that carry its feeling and are in the VADER lexicon.
 */

/** Emoji (without variation selectors) mapped to lexicon words that carry the same feeling. */
const EMOJI_WORDS: ReadonlyMap<string, string> = new Map([
  // joy and laughter
  ['😀', 'happy'], ['😃', 'happy'], ['😄', 'happy'], ['😁', 'happy'], ['😊', 'happy'], ['🙂', 'smile'],
  ['😆', 'lol'], ['😂', 'lol'], ['🤣', 'lol'], ['😅', 'relieved'], ['😉', 'fun'], ['🥳', 'celebrate'],
  ['🎉', 'celebrate'], ['🎊', 'celebrate'], ['✨', 'wonderful'], ['🌞', 'sunny'], ['☀', 'sunny'],
  // love and warmth
  ['❤', 'love'], ['💕', 'love'], ['💖', 'love'], ['💗', 'love'], ['💙', 'love'], ['💚', 'love'],
  ['💜', 'love'], ['🧡', 'love'], ['💛', 'love'], ['😍', 'love'], ['🥰', 'love'], ['😘', 'kiss'],
  ['🤗', 'hug'], ['🥲', 'bittersweet'], ['😌', 'relieved'], ['😇', 'blessed'], ['🙏', 'grateful'],
  ['👍', 'good'], ['👏', 'applause'], ['💪', 'strong'], ['🔥', 'awesome'], ['😎', 'cool'], ['🤩', 'amazing'],
  ['😋', 'yummy'], ['🌈', 'hope'], ['👌', 'ok'],
  // sadness and hurt
  ['😢', 'sad'], ['😭', 'crying'], ['😞', 'disappointed'], ['😔', 'sad'], ['😟', 'worried'], ['🙁', 'sad'],
  ['☹', 'sad'], ['😿', 'sad'], ['💔', 'heartbroken'], ['😥', 'sad'], ['😪', 'tired'], ['😩', 'weary'],
  ['😫', 'exhausted'], ['🥺', 'sad'], ['😓', 'stressed'], ['😰', 'anxious'], ['😨', 'scared'],
  ['😱', 'terrified'], ['😖', 'miserable'], ['😣', 'struggle'],
  // anger and disgust
  ['😠', 'angry'], ['😡', 'angry'], ['🤬', 'furious'], ['😤', 'frustrated'], ['👎', 'bad'], ['🤢', 'disgusting'],
  ['🤮', 'disgusting'], ['🙄', 'annoyed'], ['😒', 'annoyed'], ['💩', 'crap'],
  // neutral-ish faces
  ['😐', 'meh'], ['😑', 'meh'], ['🤔', 'hmm'], ['😴', 'sleepy'], ['😶', 'hmm'], ['😬', 'awkward'],
]);

const EMOJI_PATTERN = /\p{Extended_Pictographic}/gu;

/**
 * Replace each known emoji in the text by its lexicon word, padded with spaces; unknown emoji are dropped.
 * Variation selectors and zero-width joiners are removed first.
 */
export function replaceEmoji(text: string): string {
  const cleaned = text.replace(/[\uFE0E\uFE0F\u200D]/g, '');
  return cleaned.replace(EMOJI_PATTERN, (emoji) => {
    const word = EMOJI_WORDS.get(emoji);
    return word === undefined ? ' ' : ` ${word} `;
  });
}
