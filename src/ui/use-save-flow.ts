import { useRef } from 'react';
import { extractTags } from '../core/tags.js';
import type { PiiSpan } from '../security/pii/types.js';
import type { Phase } from './session-app.js';
import type { SessionChecks, SessionHistory, SessionServices, SessionStore } from './services.js';
import type { PiiChoice } from './screens/pii-dialog.js';
import type { InjectionChoice } from './screens/injection-dialog.js';

/** What the entry carries besides its text. */
export interface SaveMeta {
  startedAt: Date;
  durationSeconds: number;
  promptUsed: string | null;
}

/** Dependencies of useSaveFlow: the services and the app's phase setters. */
export interface SaveFlowDeps {
  services: SessionServices;
  store: SessionStore | null;
  setPhase(phase: Phase): void;
  /** Back to the editor (e.g. the writer chose to edit). */
  resume(phase?: Phase): void;
  setHistory(history: SessionHistory): void;
}

/** The steps of a save, driven by the dialogs. */
export interface SaveFlow {
  begin(text: string, meta: SaveMeta): Promise<void>;
  piiChosen(text: string, spans: readonly PiiSpan[], choice: PiiChoice): void;
  injectionChosen(text: string, types: readonly string[], choice: InjectionChoice): void;
}

/**
 * Saving an entry: personal data found → keep / redact / edit; HIGH injection risk → keep / edit (each
 * choice goes to the audit log with types and counts, never text); then encrypt and store, clear the
 * draft, show the feedback, and analyse the entry afterwards without holding up the save.
 */
export function useSaveFlow({ services, store, setPhase, resume, setHistory }: SaveFlowDeps): SaveFlow {
  const state = useRef<{ meta: SaveMeta | null; checks: SessionChecks | null }>({ meta: null, checks: null });

  const commit = async (text: string) => {
    const meta = state.current.meta;
    if (!store || !meta) return;
    setPhase({ name: 'saving' });
    let entry;
    try {
      entry = await store.journal.create({
        text,
        created: meta.startedAt,
        tags: extractTags(text),
        promptUsed: meta.promptUsed,
        durationSeconds: meta.durationSeconds,
      });
    } catch (err) {
      resume({ name: 'writing', notice: `not saved: ${err instanceof Error ? err.message : String(err)}` });
      return;
    }
    try {
      store.drafts.clear();
    } catch {
      // The entry is saved; a stale draft is offered again next time and can be discarded then.
    }
    const where = store.whereSaved(entry);
    let feedback: Extract<Phase, { name: 'feedback' }> = { name: 'feedback', entry, analysis: 'pending', where, streak: null };
    setPhase(feedback);
    const history = store.history().then((h) => {
      setHistory(h);
      feedback = { ...feedback, streak: h.streakDays };
      setPhase(feedback);
    }, () => {
      feedback = { ...feedback, streak: 0 };
      setPhase(feedback);
    });
    // Analysis starts after the feedback is on screen and is stored with the entry when it completes.
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      const analysis = await store.analyze(entry);
      const updated = await store.journal.update(entry.id, { mood: analysis.mood, themes: analysis.themes, analyzerVersion: analysis.analyzerVersion });
      await history;
      feedback = { ...feedback, entry: updated, analysis };
    } catch {
      await history;
      feedback = { ...feedback, analysis: 'failed' };
    }
    setPhase(feedback);
  };

  const afterPii = (text: string) => {
    const finding = state.current.checks!.injection(text);
    if (finding.risk === 'HIGH') return setPhase({ name: 'injection', text, types: finding.types });
    void commit(text);
  };

  return {
    async begin(text, meta) {
      state.current.meta = meta;
      state.current.checks ??= await services.checks();
      const spans = state.current.checks.pii(text);
      if (spans.length > 0) return setPhase({ name: 'pii', text, spans });
      afterPii(text);
    },
    piiChosen(text, spans, choice) {
      store?.audit.record('warning.pii', 'MEDIUM', { types: [...new Set(spans.map((s) => s.type))], count: spans.length, choice });
      if (choice === 'edit') return resume();
      afterPii(choice === 'redact' ? state.current.checks!.redact(text, spans) : text);
    },
    injectionChosen(text, types, choice) {
      store?.audit.record('warning.injection', 'MEDIUM', { types: [...types], count: types.length, choice });
      if (choice === 'edit') return resume();
      void commit(text);
    },
  };
}
