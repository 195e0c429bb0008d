import { analyzeSentiment } from '../analysis/sentiment.js';
import { themeCandidates } from '../analysis/theme-candidates.js';
import { countWords } from '../entry.js';
import { choosePrompt, fillFromThemes, shuffled } from './choose.js';
import { moodScore, type Prompt, type PromptContext } from './context.js';
import type { Situation } from './templates.js';

function moodSituation(ctx: PromptContext): Situation | null {
  const score = moodScore(ctx.recentMood);
  if (score === null) return null;
  return score >= 0.15 ? 'mood-positive' : score <= -0.05 ? 'mood-negative' : 'mood-neutral';
}

function historySituations(ctx: PromptContext): Situation[] {
  const out: Situation[] = [];
  if ((ctx.daysSinceLastEntry ?? 0) >= 4) out.push('returning');
  if ((ctx.streakDays ?? 0) >= 3) out.push('streak');
  return out;
}

function themeSituations(ctx: PromptContext): Situation[] {
  const fill = fillFromThemes(ctx.recentThemes);
  const out: Situation[] = [];
  if (fill.person !== undefined) out.push('person');
  if (fill.theme !== undefined) out.push('theme');
  if (fill.place !== undefined) out.push('place');
  if (fill.activity !== undefined) out.push('activity');
  return out;
}

/** Time of day of `now` at the context's UTC offset. */
export function timeOfDay(now: Date, utcOffsetMinutes = -now.getTimezoneOffset()): 'morning' | 'afternoon' | 'evening' | 'night' {
  const hour = new Date(now.getTime() + utcOffsetMinutes * 60_000).getUTCHours();
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 17) return 'afternoon';
  if (hour >= 17 && hour < 22) return 'evening';
  return 'night';
}

function isWeekend(now: Date, utcOffsetMinutes = -now.getTimezoneOffset()): boolean {
  const day = new Date(now.getTime() + utcOffsetMinutes * 60_000).getUTCDay();
  return day === 0 || day === 6;
}

/**
 * A prompt to start reflecting, fitted to the recent journal: coming back after a gap, a writing streak,
 * recent mood, and recent people, places, activities and themes. Never the context's last prompt.
 */
export function reflectionPrompt(ctx: PromptContext): Prompt {
  const mood = moodSituation(ctx);
  const varied = shuffled([...themeSituations(ctx), ...(mood ? [mood] : [])], ctx);
  return choosePrompt([...historySituations(ctx), ...varied], fillFromThemes(ctx.recentThemes), ctx);
}

/** A prompt fitted to the moment: time of day and weekend first, then recent mood and themes. */
export function timeBasedPrompt(now: Date, ctx: PromptContext): Prompt {
  const offset = ctx.utcOffsetMinutes;
  const timeSituations: Situation[] = isWeekend(now, offset) && ctx.rng() < 0.5 ? ['weekend', timeOfDay(now, offset)] : [timeOfDay(now, offset)];
  const mood = moodSituation(ctx);
  return choosePrompt([...timeSituations, ...(mood ? [mood] : [])], fillFromThemes(ctx.recentThemes), ctx);
}

function lastSentence(draft: string): string {
  const sentences = draft.trim().split(/(?<=[.!?…])\s+|\n+/u).filter((s) => s.trim().length > 0);
  return sentences[sentences.length - 1] ?? '';
}

/**
 * A prompt to continue a draft that has stalled: after a hard last sentence, a question that stays with it;
 * when a person is mentioned, a question about them; a short draft invites more; a long one goes deeper.
 */
export function continuationPrompt(draft: string, ctx: PromptContext): Prompt {
  if (draft.trim().length === 0) return reflectionPrompt(ctx);
  const situations: Situation[] = [];
  const last = lastSentence(draft);
  if (last.length > 0 && analyzeSentiment(last).label === 'negative') situations.push('draft-hard');
  const person = themeCandidates(draft).find((c) => c.kind === 'person');
  if (person) situations.push('draft-person');
  situations.push(countWords(draft) < 40 ? 'draft-short' : 'draft-flowing');
  const fill = { ...fillFromThemes(ctx.recentThemes), ...(person ? { person: person.label } : {}) };
  return choosePrompt(situations, fill, ctx);
}
