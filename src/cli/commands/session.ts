import os from 'node:os';
import path from 'node:path';
import { DraftStore } from '../../core/drafts.js';
import { entryRefs } from '../../core/entry-files.js';
import type { Entry } from '../../core/entry.js';
import { IntegrityError, LockedError } from '../../core/errors.js';
import { entryFileName } from '../../core/paths.js';
import { notePending } from '../../security/audit-log.js';
import { readVaultHeader } from '../../security/vault-header.js';
import { unlockWithPassphrase } from '../../security/vault.js';
import type { AIProvider } from '../../providers/types.js';
import type { Pseudonymizer } from '../../security/pii/pseudonymizer.js';
import type { Appearance, SessionAccess, SessionChecks, SessionHistory, SessionPrompter, SessionServices, SessionStore } from '../../ui/services.js';
import type { CommandContext } from '../context.js';
import type { Vault } from '../../security/vault.js';
import { answerCacheFor, auditFiles, buildServices, keychainFor, openJournal, providerFor, type OpenJournal } from '../services.js';

const DAY_MS = 86_400_000;

/** Autosave interval of the draft while it changes (COMPANION_AUTOSAVE_MS overrides it, for tests). */
const AUTOSAVE_MS = 2_000;

/**
 * `companion` with no command: the daily writing session in the terminal. When stdin or stdout is not a
 * terminal (piped), it behaves exactly like `companion write`.
 */
export async function sessionCommand(ctx: CommandContext): Promise<void> {
  if (!ctx.deps.stdin.isTTY || !ctx.deps.stdout.isTTY || !process.stdin.isTTY || !process.stdout.isTTY) {
    const { writeCommand } = await import('./write.js');
    return writeCommand(ctx, [], { tag: [] });
  }
  const provider = new WarmProvider(ctx);
  // Ink and the screens load while the KDF runs (it runs off the main thread), not after it.
  const ui = import('../../ui/run-session.js');
  ui.catch(() => undefined);
  const services = await buildSessionServices(ctx, provider);
  const { runSession } = await ui;
  const controls: { current: import('../../ui/session-app.js').SessionControls | null } = { current: null };
  const keepOnSignal = (signal: NodeJS.Signals) => {
    try {
      controls.current?.keepDraft();
    } finally {
      process.stdout.write('\n');
      process.exit(signal === 'SIGHUP' ? 129 : 143);
    }
  };
  process.once('SIGTERM', keepOnSignal);
  process.once('SIGHUP', keepOnSignal);
  // The model warms in the background once the editor is drawn; prompts use templates until it is ready.
  setTimeout(() => provider.warm(), 50);
  try {
    const outcome = await runSession(services, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }, controls);
    if (outcome.kind === 'locked') throw new LockedError('The journal stays locked.', 'Nothing was changed. If you lost the passphrase, `companion recover` sets a new one with your recovery key.');
    if (outcome.kind === 'draft') ctx.note('The draft is kept, encrypted; it will be offered the next time you open companion.');
    if (outcome.kind === 'saved') {
      // Local-only usage statistics (`companion stats`): counts and minutes, never text.
      const { Telemetry } = await import('../../monitoring/telemetry.js');
      const telemetry = new Telemetry({ dir: ctx.paths.metrics, now: () => ctx.deps.now(), enabled: ctx.config.monitoring.collect_metrics });
      telemetry.recordSession({ words: outcome.entry.wordCount, durationSeconds: outcome.entry.durationSeconds });
      telemetry.flush();
    }
    if (provider.problem) ctx.note(`companion: prompts came from the built-in templates: ${provider.problem}`);
  } finally {
    process.removeListener('SIGTERM', keepOnSignal);
    process.removeListener('SIGHUP', keepOnSignal);
    await provider.dispose();
  }
}

/** Build the session's services: the access to the journal, the prompter, the detectors, the settings. */
export async function buildSessionServices(ctx: CommandContext, provider: WarmProvider): Promise<SessionServices> {
  const config = ctx.config;
  let checks: Promise<SessionChecks> | null = null;
  return {
    access: await sessionAccess(ctx, provider),
    prompter: sessionPrompter(ctx, provider),
    checks: () => (checks ??= loadChecks(ctx)),
    now: () => ctx.deps.now(),
    idleThresholdMs: config.prompts.timing_threshold_seconds * 1000,
    autosaveMs: Number(ctx.deps.env.COMPANION_AUTOSAVE_MS) || AUTOSAVE_MS,
    showHints: config.prompts.show_placeholders,
    appearance: appearanceFor(ctx.deps.env, ctx.deps.stdout.isTTY),
  };
}

/** Colour from NO_COLOR and the terminal; light or dark from COMPANION_THEME, else COLORFGBG. */
export function appearanceFor(env: Record<string, string | undefined>, isTTY: boolean): Appearance {
  const color = isTTY && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
  const theme = env.COMPANION_THEME?.toLowerCase();
  if (theme === 'light' || theme === 'dark') return { color, background: theme };
  const bg = Number(env.COLORFGBG?.split(';').pop());
  return { color, background: bg === 7 || bg === 15 ? 'light' : 'dark' };
}

/** Open at once from COMPANION_PASSPHRASE_FILE or the keychain; otherwise let the session ask. */
async function sessionAccess(ctx: CommandContext, provider: WarmProvider): Promise<SessionAccess> {
  const header = readVaultHeader(ctx.paths.vault);
  // The model's follow-up questions are cached under the vault's cache key, once it is open.
  const storeFor = (c: CommandContext, open: OpenJournal) => { provider.useVault(open.vault); return sessionStore(c, open); };
  if (ctx.deps.env.COMPANION_PASSPHRASE_FILE) return { kind: 'open', store: storeFor(ctx, await openJournal(ctx)) };
  if (ctx.config.security.keychain) {
    const got = keychainFor(ctx).get(header.vaultId);
    if (!got.ok) ctx.note(`The OS keychain cannot be used (${got.unavailable}); asking for the passphrase instead.`);
    else if (got.value) {
      try {
        const open = buildServices(ctx, header, await unlockWithPassphrase(header, got.value), 'keychain');
        open.audit.record('vault.unlocked', 'LOW', { source: 'keychain' });
        return { kind: 'open', store: storeFor(ctx, open) };
      } catch (err) {
        if (!(err instanceof LockedError)) throw err;
        notePending(auditFiles(ctx).pending, 'vault.unlock_failed', { source: 'keychain' }, ctx.deps.now());
        ctx.note('The passphrase in the OS keychain no longer opens this journal; asking instead.');
      }
    }
  }
  return {
    kind: 'locked',
    tries: 3,
    async unlock(passphrase) {
      try {
        const open = buildServices(ctx, header, await unlockWithPassphrase(header, passphrase), 'prompt');
        open.audit.record('vault.unlocked', 'LOW', { source: 'prompt' });
        return storeFor(ctx, open);
      } catch (err) {
        if (err instanceof LockedError) notePending(auditFiles(ctx).pending, 'vault.unlock_failed', { source: 'prompt' }, ctx.deps.now());
        throw err;
      }
    },
  };
}

/** The unlocked journal as the session sees it. */
export function sessionStore(ctx: CommandContext, open: OpenJournal): SessionStore {
  const drafts = new DraftStore({ dir: ctx.paths.drafts, vault: open.vault });
  return {
    journal: open.journal,
    audit: open.audit,
    drafts,
    history: async () => journalHistory(ctx, open),
    async analyze(entry: Entry) {
      const { analyzeEntry, themeCorpusFromKeys, parseTheme } = await import('../../core/analysis/index.js');
      // The corpus comes from the stored themes of recent entries, so analysis never decrypts the whole journal.
      const recent = open.journal.list({ limit: 200 }).filter((e) => e.id !== entry.id);
      const corpus = themeCorpusFromKeys(recent.map((e) => e.themes.map((t) => parseTheme(t).key)));
      return analyzeEntry(entry.text, corpus);
    },
    whereSaved(entry: Entry) {
      const { shard } = entryFileName(entry.id, new Date(entry.created));
      const home = os.homedir();
      const dir = path.join(ctx.paths.entries, shard);
      const shown = dir.startsWith(home + path.sep) ? '~' + dir.slice(home.length) : dir;
      return `Encrypted (AES-256-GCM) in ${shown} · id ${entry.id}`;
    },
  };
}

/** Streak from entry file names (no decryption); themes, mood and last prompt from the latest entries. */
function journalHistory(ctx: CommandContext, open: OpenJournal): SessionHistory {
  const now = ctx.deps.now();
  const offset = -now.getTimezoneOffset();
  const dayOf = (ms: number) => new Date(ms + offset * 60_000).toISOString().slice(0, 10);
  const today = dayOf(now.getTime());
  const days = new Set<string>();
  let newest: number | undefined;
  for (const ref of entryRefs(ctx.paths.entries)) {
    newest ??= ref.createdMs;
    days.add(dayOf(ref.createdMs));
  }
  let streak = 0;
  for (let t = Date.parse(`${today}T00:00:00Z`) - (days.has(today) ? 0 : DAY_MS); days.has(new Date(t).toISOString().slice(0, 10)); t -= DAY_MS) streak += 1;
  const recent = open.journal.list({ limit: 10 });
  const moods = recent.flatMap((e) => (e.mood ? [e.mood.score] : []));
  return {
    streakDays: streak,
    recentThemes: [...new Set(recent.flatMap((e) => e.themes))].slice(0, 10),
    recentMood: moods.length > 0 ? moods.reduce((a, b) => a + b, 0) / moods.length : null,
    lastPrompt: recent[0]?.promptUsed ?? null,
    ...(newest === undefined ? {} : { daysSinceLastEntry: Math.floor((now.getTime() - newest) / DAY_MS) }),
  };
}

/** The detectors, loaded off the start-up path. NER is off: it costs 100+ ms and the save budget is 50 ms. */
async function loadChecks(ctx: CommandContext): Promise<SessionChecks> {
  const [{ detectPII, obfuscate }, { detectInjection }] = await Promise.all([import('../../security/pii/index.js'), import('../../security/injection/index.js')]);
  const { pii_detection_enabled: piiOn, prompt_injection_detection_enabled: injectionOn } = ctx.config.security;
  return {
    pii: (text) => (piiOn ? detectPII(text, { ner: false }) : []),
    injection: (text) => {
      if (!injectionOn) return { risk: 'NONE', types: [] };
      const r = detectInjection(text);
      return { risk: r.risk, types: r.types };
    },
    redact: (text, spans) => obfuscate(text, spans, 'redact'),
  };
}

/** How text is redacted before a model sees it, or null when the configured provider is local or redaction is off. */
interface ModelRedaction {
  pseudonyms(): Pseudonymizer;
  redact(text: string, pseudonyms: Pseudonymizer): Promise<string>;
}

/** The model redaction for the configured provider and security.redact_remote. */
async function modelRedaction(ctx: CommandContext): Promise<ModelRedaction | null> {
  const [{ resolveProviderSettings }, { modelPolicyFor }, { redactLikeContext }, { Pseudonymizer }] = await Promise.all([
    import('../../providers/create-provider.js'), import('../../core/insight/model-policy.js'),
    import('../../core/insight/model-context.js'), import('../../security/pii/pseudonymizer.js'),
  ]);
  const policy = modelPolicyFor(resolveProviderSettings(ctx.config, ctx.deps.env), ctx.config.security);
  if (!policy.redactPii) return null;
  return { pseudonyms: () => new Pseudonymizer(), redact: (text, pseudonyms) => redactLikeContext(text, policy, pseudonyms) };
}

/** Prompts from the prompter's templates, or from the model once it has warmed up. */
function sessionPrompter(ctx: CommandContext, provider: WarmProvider): SessionPrompter {
  const load = () => import('../../core/prompts/index.js');
  let redactionOnce: Promise<ModelRedaction | null> | null = null; // decided once per session
  const promptContext = async (history: SessionHistory) => {
    const { createRng } = await load();
    return {
      recentThemes: history.recentThemes,
      recentMood: history.recentMood,
      lastPrompt: history.lastPrompt,
      rng: createRng(ctx.deps.now().getTime() & 0x7fffffff),
      streakDays: history.streakDays,
      ...(history.daysSinceLastEntry === undefined ? {} : { daysSinceLastEntry: history.daysSinceLastEntry }),
    };
  };
  return {
    async opening(history) {
      const [{ timeBasedPrompt }, pctx] = await Promise.all([load(), promptContext(history)]);
      return timeBasedPrompt(ctx.deps.now(), pctx).text;
    },
    async continuation(draft, history, signal) {
      const [{ continuationPrompt, generatePrompt }, pctx, redaction] = await Promise.all([load(), promptContext(history), (redactionOnce ??= modelRedaction(ctx))]);
      // For a remote provider (security.redact_remote) the model and the cache's embedder see personal data
      // replaced by stand-ins, and the question it writes gets the real values back before it is shown.
      const pseudonyms = redaction?.pseudonyms();
      const visible = async (text: string) => (redaction && pseudonyms ? redaction.redact(text, pseudonyms) : text);
      const model = await provider.cachedModel(await visible(draft.trim().slice(-400)));
      if (!model || signal.aborted) return signal.aborted ? null : continuationPrompt(draft, pctx).text;
      const generate = async (prompt: string, opts: { signal: AbortSignal }) => {
        const made = await model.generate(await visible(prompt), { signal: AbortSignal.any([opts.signal, signal]), maxTokens: 60, temperature: 0.7 });
        return pseudonyms ? pseudonyms.restore(made) : made;
      };
      const made = await generatePrompt(generate, pctx, { timeoutMs: 8_000 }, { kind: 'continuation', draft });
      return signal.aborted ? null : made.text;
    },
  };
}

/** The configured provider, initialised in the background; `ready()` is null until it can generate. */
export class WarmProvider {
  private provider: AIProvider | null = null;
  private warming: Promise<void> | null = null;
  private usable = false;
  private vault: Vault | null = null;
  private answers: Promise<Awaited<ReturnType<typeof answerCacheFor>> | null> | null = null;
  /** Why the model could not be used, when it could not (shown after the session). */
  problem: string | null = null;

  constructor(private readonly ctx: CommandContext) {}

  /** Start loading the provider (idempotent; failures leave the session on templates). */
  warm(): void {
    this.warming ??= providerFor(this.ctx)
      .then(async (p) => {
        this.provider = p;
        await p.initialize();
        // builtin and transformers cannot generate text; templates serve better than a failing call.
        this.usable = p.name !== 'builtin' && p.name !== 'transformers';
      })
      .catch((err: unknown) => {
        this.usable = false;
        this.problem = err instanceof Error ? err.message : String(err);
        // A changed (pinned) model is refused: audited, and said once the screen is back.
        if (err instanceof IntegrityError) this.ctx.audit?.record('integrity.failure', 'HIGH', { during: 'session', what: this.problem.slice(0, 200) });
      });
  }

  /** The provider when it is initialised and generative, else null. */
  ready(): AIProvider | null {
    return this.usable ? this.provider : null;
  }

  /** Cache the model's follow-up questions with this vault's cache key (called once the journal is open). */
  useVault(vault: Vault): void {
    this.vault = vault;
  }

  /**
   * The ready provider with its answers cached under scope `session-followup` for the user-facing `query`
   * (the draft's last lines): the same instruction (draft end, recent themes and mood) with the same model
   * gets the same question at once. The provider as is when caching is off; null when it is not ready.
   */
  async cachedModel(query: string): Promise<AIProvider | null> {
    const model = this.ready();
    if (!model || !this.vault) return model;
    const vault = this.vault;
    this.answers ??= answerCacheFor(this.ctx, vault, model, { notes: false }).catch(() => null);
    const answers = await this.answers;
    if (!answers?.cache) return model;
    const { cachingProvider } = await import('../../inference/cached-provider.js');
    return cachingProvider(model, answers.cache, { query, sources: [], generateScope: 'session-followup', streamScope: 'session-followup' });
  }

  /** Release the model (child process, connections). */
  async dispose(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([this.warming, new Promise((resolve) => (timer = setTimeout(resolve, 1_000)))]);
    clearTimeout(timer);
    (await this.answers)?.done();
    await this.provider?.dispose().catch(() => undefined);
  }
}
