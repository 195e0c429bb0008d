import { z } from 'zod';

/** Mood attached to an entry by the analyzer: label, score in [-1, 1], and confidence in [0, 1]. */
export const MoodSchema = z.object({
  label: z.enum(['positive', 'neutral', 'negative']),
  score: z.number().min(-1).max(1),
  confidence: z.number().min(0).max(1),
});
export type Mood = z.infer<typeof MoodSchema>;

/**
 * Quarantine state of an entry the poisoning detector found unlike the journal's own writing: `quarantined`
 * entries are kept and shown but left out of summaries and ask; `approved` ones were cleared by the user and
 * are not flagged again. Holds the anomaly score and its reasons (statistics only, never journal text).
 */
export const QuarantineSchema = z.object({
  status: z.enum(['quarantined', 'approved']),
  score: z.number().nonnegative(),
  reasons: z.array(z.string()),
});
export type Quarantine = z.infer<typeof QuarantineSchema>;

/** Entry ids: 12 lowercase base32 characters (60 random bits). */
export const EntryIdSchema = z.string().regex(/^[a-z2-7]{12}$/, 'entry id must be 12 base32 characters');

/**
 * The secret part of an entry: everything that is encrypted. Only id, created time and format version
 * live outside the ciphertext.
 */
export const EntryBodySchema = z.object({
  updated: z.string().datetime({ offset: true }),
  text: z.string(),
  tags: z.array(z.string()),
  starred: z.boolean(),
  promptUsed: z.string().nullable(),
  wordCount: z.number().int().nonnegative(),
  durationSeconds: z.number().nonnegative().nullable(),
  mood: MoodSchema.nullable(),
  themes: z.array(z.string()),
  /** Version of the analyzer that produced mood and themes; null when not analysed yet. */
  analyzerVersion: z.number().int().nullable().default(null),
  /**
   * Poisoning quarantine, set when the entry is analysed. Absent or null: never flagged. Optional (no
   * default) so format-v1 files and entries built before the field existed stay valid as they are.
   */
  quarantine: QuarantineSchema.nullable().optional(),
});
export type EntryBody = z.infer<typeof EntryBodySchema>;

/** A journal entry as the rest of the app sees it: decrypted, validated. */
export const EntrySchema = EntryBodySchema.extend({
  id: EntryIdSchema,
  /** ISO 8601 timestamp with offset, when the entry was written (or the date the user gave). */
  created: z.string().datetime({ offset: true }),
  /** Revision: 1 on creation, +1 on every update. */
  revision: z.number().int().positive(),
});
export type Entry = z.infer<typeof EntrySchema>;

/** What a caller supplies to create an entry; the journal fills in id, times, revision, word count. */
export interface NewEntry {
  text: string;
  created?: Date;
  tags?: string[];
  starred?: boolean;
  promptUsed?: string | null;
  durationSeconds?: number | null;
  mood?: Mood | null;
  themes?: string[];
}

/** Count words the way a person would: runs of letters, digits and apostrophes. */
export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu);
  return matches ? matches.length : 0;
}

/** Normalise a tag: lower case, without a leading '@'. `@Work` and `work` are the same tag. */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFC').trim().replace(/^@+/, '').toLowerCase();
}
