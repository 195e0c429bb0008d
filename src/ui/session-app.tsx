import { useCallback, useEffect, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import type { Draft } from '../core/drafts.js';
import type { Entry } from '../core/entry.js';
import type { EntryAnalysis } from '../core/analysis/analyze-entry.js';
import type { PiiSpan } from '../security/pii/types.js';
import { bufferFrom, bufferText, type TextBuffer } from './editor/text-buffer.js';
import { ServicesProvider } from './services-context.js';
import type { SessionHistory, SessionOutcome, SessionServices, SessionStore } from './services.js';
import { useSaveFlow } from './use-save-flow.js';
import { UnlockScreen } from './screens/unlock-screen.js';
import { RestoreDialog } from './screens/restore-dialog.js';
import { WritingScreen } from './screens/writing-screen.js';
import { PiiDialog } from './screens/pii-dialog.js';
import { InjectionDialog } from './screens/injection-dialog.js';
import { QuitDialog } from './screens/quit-dialog.js';
import { HelpOverlay } from './screens/help-overlay.js';
import { FeedbackPanel } from './screens/feedback-panel.js';
import { countWords } from '../core/entry.js';

/** The screens of a session. */
export type Phase =
  | { name: 'unlock' }
  | { name: 'restore'; draft: Draft }
  | { name: 'writing'; notice?: string }
  | { name: 'help' }
  | { name: 'quit' }
  | { name: 'pii'; text: string; spans: PiiSpan[] }
  | { name: 'injection'; text: string; types: string[] }
  | { name: 'saving' }
  | { name: 'feedback'; entry: Entry; analysis: EntryAnalysis | 'pending' | 'failed'; where: string; streak: number | null };

/** Controls the host can use from outside the screens (e.g. to keep the draft on SIGTERM). */
export interface SessionControls {
  /** Write the current draft now; false when there is nothing to keep or no journal yet. */
  keepDraft(): boolean;
}

/** Props of SessionApp. */
export interface SessionAppProps {
  services: SessionServices;
  onExit(outcome: SessionOutcome): void;
  /** Filled in with the session's controls once it is mounted. */
  controls?: { current: SessionControls | null };
}

/** The daily writing session: unlock, restore, write, check, save, feedback. */
export function SessionApp({ services, onExit, controls }: SessionAppProps) {
  const [store, setStore] = useState<SessionStore | null>(services.access.kind === 'open' ? services.access.store : null);
  const [phase, setPhase] = useState<Phase>(services.access.kind === 'open' ? { name: 'writing' } : { name: 'unlock' });
  const [buffer, setBuffer] = useState<TextBuffer>(() => bufferFrom(''));
  const [history, setHistory] = useState<SessionHistory | null>(null);
  const [prompt, setPrompt] = useState<string | null>(null);
  const session = useRef({ startedAt: services.now(), resumedAt: services.now(), elapsedBefore: 0, paused: false });
  const bufferRef = useRef(buffer);
  bufferRef.current = buffer;
  const exited = useRef(false);

  const exit = useCallback((outcome: SessionOutcome) => {
    if (exited.current) return;
    exited.current = true;
    onExit(outcome);
  }, [onExit]);

  // Writing time counts only while the editor is open, not while a dialog waits for an answer.
  const elapsedSeconds = () => {
    const s = session.current;
    return Math.round(s.elapsedBefore + (s.paused ? 0 : (services.now().getTime() - s.resumedAt.getTime()) / 1000));
  };
  const pause = () => {
    session.current.elapsedBefore = elapsedSeconds();
    session.current.paused = true;
  };
  const resume = (next: Phase = { name: 'writing' }) => {
    if (session.current.paused) session.current = { ...session.current, resumedAt: services.now(), paused: false };
    setPhase(next);
  };

  const keepDraft = useCallback((): boolean => {
    const text = bufferText(bufferRef.current);
    if (!store || text.trim().length === 0) return false;
    store.drafts.save({
      text,
      startedAt: session.current.startedAt.toISOString(),
      elapsedSeconds: elapsedSeconds(),
      promptUsed: prompt,
      savedAt: services.now().toISOString(),
    });
    return true;
  }, [store, prompt, services]);

  useEffect(() => {
    if (controls) controls.current = { keepDraft };
  }, [controls, keepDraft]);

  // Once the journal is open: offer the interrupted draft, then load the history and the opening prompt.
  useEffect(() => {
    if (!store) return;
    let draft: Draft | null = null;
    try {
      draft = store.drafts.load();
    } catch (err) {
      setPhase({ name: 'writing', notice: err instanceof Error ? err.message : 'the saved draft could not be read' });
    }
    if (draft) setPhase({ name: 'restore', draft });
    let live = true;
    // The detectors load in the background once the editor is up, so the first save does not wait for them.
    const preload = setTimeout(() => void services.checks().catch(() => undefined), 300);
    void store.history().then(async (h) => {
      if (!live) return;
      setHistory(h);
      const opening = await services.prompter.opening(h);
      if (live) setPrompt((p) => p ?? opening);
    }).catch(() => undefined);
    return () => {
      live = false;
      clearTimeout(preload);
    };
  }, [store, services]);

  const save = useSaveFlow({ services, store, setPhase, resume, setHistory });

  // The session ends once the feedback is complete (analysis stored, streak counted).
  useEffect(() => {
    if (phase.name === 'feedback' && phase.analysis !== 'pending' && phase.streak !== null) exit({ kind: 'saved', entry: phase.entry });
  }, [phase, exit]);

  const startSave = () => {
    const text = bufferText(bufferRef.current).trim();
    if (text.length === 0) return resume({ name: 'writing', notice: 'nothing to save yet' });
    pause();
    setPhase({ name: 'saving' });
    void save.begin(text, { startedAt: session.current.startedAt, durationSeconds: session.current.elapsedBefore, promptUsed: prompt });
  };

  return <ServicesProvider value={services}>{screen()}</ServicesProvider>;

  function screen() {
  switch (phase.name) {
    case 'unlock':
      if (services.access.kind !== 'locked') return null;
      return (
        <UnlockScreen
            unlock={services.access.unlock}
            tries={services.access.tries}
            onUnlocked={(s) => {
              setStore(s);
              resume();
            }}
            onGiveUp={() => exit({ kind: 'locked' })}
          />
      );
    case 'restore':
      return (
        <RestoreDialog
            draft={phase.draft}
            onChoose={(choice) => {
              if (choice === 'restore') {
                bufferRef.current = bufferFrom(phase.draft.text);
                setBuffer(bufferRef.current);
                session.current = { startedAt: new Date(phase.draft.startedAt), resumedAt: services.now(), elapsedBefore: phase.draft.elapsedSeconds, paused: false };
                if (phase.draft.promptUsed) setPrompt(phase.draft.promptUsed);
              } else {
                store?.drafts.clear();
              }
              resume();
            }}
          />
      );
    case 'writing':
      return (
        <WritingScreen
            buffer={buffer}
            onChange={(next) => {
              bufferRef.current = next; // keys that follow before the next render see the new text
              setBuffer(next);
            }}
            elapsedBefore={session.current.elapsedBefore}
            resumedAt={session.current.resumedAt}
            streak={history?.streakDays ?? null}
            prompt={prompt}
            notice={phase.notice ?? null}
            noticeFor={phase}
            requestHint={(draft, signal) => (draft.trim().length === 0 || !history ? Promise.resolve(null) : services.prompter.continuation(draft, history, signal))}
            saveDraft={() => keepDraft()}
            onSave={startSave}
            onQuit={() => {
              if (bufferText(bufferRef.current).trim().length === 0) {
                store?.drafts.clear();
                return exit({ kind: 'empty' });
              }
              pause();
              setPhase({ name: 'quit' });
            }}
            onHelp={() => {
              pause();
              setPhase({ name: 'help' });
            }}
          />
      );
    case 'help':
      return <HelpOverlay onClose={() => resume()} />;
    case 'quit':
      return (
        <QuitDialog
            words={countWords(bufferText(buffer))}
            onBack={() => resume()}
            onChoose={(choice) => {
              if (choice === 'save') return startSave();
              if (choice === 'draft') {
                keepDraft();
                return exit({ kind: 'draft' });
              }
              store?.drafts.clear();
              exit({ kind: 'discarded' });
            }}
          />
      );
    case 'pii':
      return <PiiDialog text={phase.text} spans={phase.spans} onChoose={(c) => save.piiChosen(phase.text, phase.spans, c)} />;
    case 'injection':
      return <InjectionDialog types={phase.types} onChoose={(c) => save.injectionChosen(phase.text, phase.types, c)} />;
    case 'saving':
      return <Box paddingX={1}><Text>Saving…</Text></Box>;
    case 'feedback':
      return (
        <FeedbackPanel entry={phase.entry} analysis={phase.analysis} streak={phase.streak} where={phase.where} />
      );
  }
  }
}
