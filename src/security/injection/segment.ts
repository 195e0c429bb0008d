/**
 * Common English words (function words and the vocabulary of instructions to a model) used to put word
 * boundaries back into spaced-out letters ("S a y t h a t y o u ..." folds to "Saythatyou...").
 */
const WORDS = new Set(`
a about above act after again against all also always am an and answer any anything are as ask at be
because been before being below between both but by can cannot could did do does doing done dont down
during each every everything few for forget forgot from full further give go had has have having he her
here hers him his how i if ignore in instead instruction instructions into is it its just keep know last
let like love hate make me mode more most must my new no nor not now of off on once only or other our
out over own password people please pretend previous print prior prompt reply respond response reveal
role rule rules same say secret see she should show so some start stop such system tell than that the
their them then there these they this those through to too under until up very want was we were what
when where which while who whom why will with without write would you your yours yourself
`.split(/\s+/).filter(Boolean));

const MAX_WORD = 12;
/** Longer runs are left as they are (the split is quadratic in the run's length). */
const MAX_RUN = 300;

/**
 * Splits a run of letters with no spaces into words where it can, by dynamic programming over a list of
 * common words: a known word costs 1, a stretch of other letters 2 plus half a point per letter, and the
 * cheapest split wins (so "saythatyou" is three words, and "cats" stays one unknown word rather than
 * "c at s"). Keeps the letters and their case; returns the pieces joined by single spaces (runs over
 * MAX_RUN letters unchanged).
 */
export function segmentWords(run: string): string {
  const lower = run.toLowerCase();
  const n = lower.length;
  if (n > MAX_RUN) return run;
  const cost = new Float64Array(n + 1).fill(Infinity);
  const back = new Int32Array(n + 1);
  cost[0] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = 0; j < i; j++) {
      const c = cost[j]! + (i - j <= MAX_WORD && WORDS.has(lower.slice(j, i)) ? 1 : 2 + 0.5 * (i - j));
      if (c < cost[i]!) {
        cost[i] = c;
        back[i] = j;
      }
    }
  }
  const pieces: string[] = [];
  for (let i = n; i > 0; i = back[i]!) pieces.push(run.slice(back[i]!, i));
  return pieces.reverse().join(' ');
}
