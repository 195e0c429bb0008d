import type { Mood } from '../entry.js';
import type { Rng } from './rng.js';

/** What the prompter knows about the writer's recent journal. */
export interface PromptContext {
  /** Recent themes in stored form ("person:Sarah", "activity:running"), most relevant first. */
  recentThemes: readonly string[];
  /** Recent mood: the analyzer's mood, or a bare score in [-1, 1], or null when unknown. */
  recentMood: Mood | number | null;
  /** The prompt shown last time; the prompter never returns it again straight away. */
  lastPrompt: string | null;
  /** Seeded randomness for choosing among fitting prompts. */
  rng: Rng;
  /** Days written in a row up to today (0 when not known). */
  streakDays?: number;
  /** Days since the last entry (undefined when not known). */
  daysSinceLastEntry?: number;
  /** UTC offset in minutes (east positive) for reading the hour of `now`; defaults to this machine's. */
  utcOffsetMinutes?: number;
}

/** A prompt chosen by the prompter: its text, the template it came from, and the situation it fits. */
export interface Prompt {
  text: string;
  templateId: string;
  situation: string;
}

/** Mood of the context as a score, or null. */
export function moodScore(mood: PromptContext['recentMood']): number | null {
  if (mood === null) return null;
  return typeof mood === 'number' ? mood : mood.score;
}
