import type { Draft } from '../core/drafts.js';
import type { Entry, NewEntry } from '../core/entry.js';
import type { EntryPatch } from '../core/journal.js';
import type { EntryAnalysis } from '../core/analysis/analyze-entry.js';
import type { AuditDetails, Severity } from '../security/audit-record.js';
import type { PiiSpan } from '../security/pii/types.js';
import type { InjectionRisk } from '../security/injection/types.js';

/** What the session knows about the journal before writing: for the greeting and the prompter. */
export interface SessionHistory {
  /** Days written in a row up to today (or up to yesterday when nothing is written today yet). */
  streakDays: number;
  /** Recent themes in stored form ("person:Sam"), most recent first. */
  recentThemes: string[];
  /** Mean mood score of recent entries in [-1, 1], or null when none were analysed. */
  recentMood: number | null;
  /** The prompt used by the last entry, so it is not shown again straight away. */
  lastPrompt: string | null;
  /** Days since the last entry; undefined for an empty journal. */
  daysSinceLastEntry?: number;
}

/** The unlocked journal as the session uses it. Nothing here ever logs journal text. */
export interface SessionStore {
  /** Create and update entries (encrypted; see src/core/journal.ts). */
  journal: {
    create(input: NewEntry): Promise<Entry>;
    update(id: string, patch: EntryPatch): Promise<Entry>;
  };
  /** The audit trail: the session records the warnings it showed and the choice made (never text). */
  audit: { record(type: 'warning.pii' | 'warning.injection', severity: Severity, details: AuditDetails): void };
  /** The encrypted draft of this session (see src/core/drafts.ts). */
  drafts: { load(): Draft | null; save(draft: Draft): void; clear(): void };
  /** Streak and recent context; may read many entry files, so it is asked for off the typing path. */
  history(): Promise<SessionHistory>;
  /** Analyse a saved entry (mood, themes) against the journal; does not store the result. */
  analyze(entry: Entry): Promise<EntryAnalysis>;
  /** A short, human description of where an entry was stored (never its text). */
  whereSaved(entry: Entry): string;
}

/** Prompts for the greeting and for idle moments. Both resolve with a template when no model is ready. */
export interface SessionPrompter {
  /** The opening prompt (time of day, recent themes). */
  opening(history: SessionHistory): Promise<string>;
  /** A prompt to continue the draft after an idle pause; null when none fits. Aborted by `signal`. */
  continuation(draft: string, history: SessionHistory, signal: AbortSignal): Promise<string | null>;
}

/** What the injection detector says about an entry, as far as the session needs to know. */
export interface InjectionFinding {
  risk: InjectionRisk;
  types: string[];
}

/** Checks run on the text before it is saved (fast enough for the save budget). */
export interface SessionChecks {
  pii(text: string): PiiSpan[];
  injection(text: string): InjectionFinding;
  /** The text with the spans replaced by a label such as [EMAIL]. */
  redact(text: string, spans: readonly PiiSpan[]): string;
}

/** How the journal is opened: already unlocked (a passphrase file or keychain) or by asking in the UI. */
export type SessionAccess =
  | { kind: 'open'; store: SessionStore }
  | {
    kind: 'locked';
    /** Try a passphrase: resolves with the store, or rejects with LockedError when it is wrong. */
    unlock(passphrase: string): Promise<SessionStore>;
    /** How many tries before giving up (3). */
    tries: number;
  };

/** Colours of the session: none at all with NO_COLOR; accents picked for a dark or light background. */
export interface Appearance {
  color: boolean;
  background: 'dark' | 'light';
}

/** Everything the writing session needs, built once by `src/cli/commands/session.ts`. */
export interface SessionServices {
  access: SessionAccess;
  prompter: SessionPrompter;
  /** Loaded lazily: the detectors are imported after the editor is on screen. */
  checks(): Promise<SessionChecks>;
  /** The clock. */
  now(): Date;
  /** Idle time before a continuation hint (prompts.timing_threshold_seconds). */
  idleThresholdMs: number;
  /** How often the draft is saved while it changes. */
  autosaveMs: number;
  /** prompts.show_placeholders: false turns idle hints off. */
  showHints: boolean;
  appearance: Appearance;
}

/** How a session ended. */
export type SessionOutcome =
  | { kind: 'saved'; entry: Entry }
  | { kind: 'draft' }
  | { kind: 'discarded' }
  | { kind: 'locked' }
  | { kind: 'empty' };
