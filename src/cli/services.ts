import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir } from '../core/atomic-write.js';
import { Journal } from '../core/journal.js';
import { preloadEntryFiles } from '../core/entry-files.js';
import { WriterLock } from '../core/writer-lock.js';
import { LockedError } from '../core/errors.js';
import { AuditLog, notePending, type AuditFiles } from '../security/audit-log.js';
import { AuditTrail } from '../security/audit-trail.js';
import { createKeychain, type Keychain } from '../security/keychain.js';
import { readVaultHeader, type VaultHeader } from '../security/vault-header.js';
import { unlockWithPassphrase, type Vault } from '../security/vault.js';
import type { CommandContext } from './context.js';
import type { AIProvider } from '../providers/types.js';
import { passphraseCandidates, type PassphraseOrigin } from './passphrase-source.js';

/** The unlocked journal and what it was built from; created once per command. */
export interface OpenJournal {
  header: VaultHeader;
  vault: Vault;
  lock: WriterLock;
  journal: Journal;
  audit: AuditTrail;
  origin: PassphraseOrigin;
}

/** Keychain account that holds the OpenAI-compatible server's API key. */
export const OPENAI_KEY_ACCOUNT = 'openai-api-key';

/** The keychain used by commands (COMPANION_KEYCHAIN=none turns it off, e.g. in tests). */
export function keychainFor(ctx: CommandContext): Keychain {
  if (ctx.deps.env.COMPANION_KEYCHAIN === 'none') {
    const none = { ok: false as const, unavailable: 'disabled by COMPANION_KEYCHAIN=none' };
    return { get: () => none, set: () => none, remove: () => none };
  }
  return createKeychain(ctx.deps.env);
}

/** The writer lock of the data directory. */
export function writerLock(ctx: CommandContext): WriterLock {
  return new WriterLock(ctx.paths.lock);
}

/** Files of the audit log. */
export function auditFiles(ctx: CommandContext): AuditFiles {
  return { log: ctx.paths.audit, pending: path.join(ctx.paths.root, 'audit-pending.log'), header: ctx.paths.vault };
}

/**
 * Unlock the vault (exactly one KDF run on success) and build the journal services. Wrong passphrase:
 * LockedError (exit 3) after the allowed tries; the failure is noted for the audit log and no journal
 * data changes.
 */
export async function openJournal(ctx: CommandContext): Promise<OpenJournal> {
  const header = readVaultHeader(ctx.paths.vault);
  const config = ctx.config;
  let lastError: unknown = new LockedError('The journal is locked.');
  for await (const { passphrase, origin } of passphraseCandidates(ctx.deps, {
    keychainOptIn: config.security.keychain,
    vaultId: header.vaultId,
    keychain: keychainFor(ctx),
    note: (line) => ctx.note(line),
  })) {
    try {
      const vault = await unlockWithPassphrase(header, passphrase);
      const open = buildServices(ctx, header, vault, origin);
      open.audit.record('vault.unlocked', 'LOW', { source: origin });
      return open;
    } catch (err) {
      if (!(err instanceof LockedError)) throw err;
      lastError = err;
      notePending(auditFiles(ctx).pending, 'vault.unlock_failed', { source: origin }, ctx.deps.now());
      if (origin === 'keychain') ctx.note('The passphrase in the OS keychain no longer opens this journal; asking instead.');
    }
  }
  throw lastError;
}

/**
 * openJournal for commands that read the whole journal: the entry files are read while the KDF runs on
 * the thread pool (the main thread would otherwise wait idle), then decrypted from memory.
 */
export async function openJournalReadingAhead(ctx: CommandContext, range: { since?: Date; until?: Date }): Promise<OpenJournal> {
  const opening = openJournal(ctx);
  opening.catch(() => undefined); // awaited below; this only keeps an early failure from being unhandled
  const files = preloadEntryFiles(ctx.paths.entries, { fromMs: range.since?.getTime(), toMs: range.until?.getTime() });
  const open = await opening;
  open.journal.usePreloaded(files);
  return open;
}

/** Build journal services around an already-unlocked vault; registers the audit trail with the context. */
export function buildServices(ctx: CommandContext, header: VaultHeader, vault: Vault, origin: PassphraseOrigin): OpenJournal {
  ensurePrivateDir(ctx.paths.entries);
  const lock = writerLock(ctx);
  let warned = false;
  const audit = new AuditTrail(new AuditLog(auditFiles(ctx), vault, () => ctx.deps.now()), lock, () => {
    if (!warned) ctx.note('companion: warning: the audit log failed its check, so this event was not added to it. Run `companion audit verify`.');
    warned = true;
  });
  ctx.audit = audit;
  const journal = new Journal({ paths: ctx.paths, vault, lock, now: () => ctx.deps.now(), events: audit });
  return { header, vault, lock, journal, audit, origin };
}

/** True when a vault exists in the data directory. */
export function vaultExists(ctx: CommandContext): boolean {
  return fs.existsSync(ctx.paths.vault);
}

/**
 * The configured AI provider (builtin when none is configured), wrapped with retry, circuit breaker and
 * fallback to builtin; the fallback is announced once on stderr. Imported lazily: model libraries load
 * only in commands that use AI.
 */
export async function providerFor(ctx: CommandContext): Promise<AIProvider> {
  const [{ createProvider, resolveProviderSettings }, { verifyPinnedModel }] = await Promise.all([import('../providers/create-provider.js'), import('../providers/model-pin.js')]);
  const settings = resolveProviderSettings(ctx.config, ctx.deps.env);
  let env = ctx.deps.env;
  if (settings.provider === 'openai' && !env.COMPANION_OPENAI_API_KEY) {
    // The API key comes from the environment or the OS keychain, never from config.json.
    const stored = keychainFor(ctx).get(OPENAI_KEY_ACCOUNT);
    if (stored.ok && stored.value) env = { ...env, COMPANION_OPENAI_API_KEY: stored.value };
  }
  const provider = await createProvider(ctx.config, env, {
    modelsDir: ctx.paths.models,
    // performance.max_batch_size sequences decode together; enable_batching=false sends prompts one at a time.
    maxBatchSize: ctx.config.performance.enable_batching ? ctx.config.performance.max_batch_size : 1,
    onFallback: (n) => ctx.note(`companion: the ${n.from} provider is unavailable (${n.reason}); using the built-in mode.`),
    // A model pinned by `companion models use` must still have its pinned sha256 (cached by size/mtime/ctime).
    verifyModel: (modelPath) => verifyPinnedModel(modelPath, ctx.config.model_path && ctx.config.model_sha256 ? { path: ctx.config.model_path, sha256: ctx.config.model_sha256 } : null, { cacheFile: path.join(ctx.paths.cache, 'model-hashes.json') }),
  });
  if (settings.provider === 'builtin' || settings.provider === 'mock') return provider;
  const model = settings.provider === 'llama' ? path.basename(settings.modelPath ?? 'first .gguf in models/') : settings.model ?? 'default';
  const pinned = settings.provider === 'llama' && settings.modelPath === ctx.config.model_path ? ctx.config.model_sha256 : null;
  return auditModelLoad(provider, () => ctx.audit?.record('model.loaded', 'LOW', { provider: settings.provider, model, sha256: pinned }));
}

/** Record `model.loaded` once, after the first call that needed the model succeeded. */
export function auditModelLoad(provider: AIProvider, record: () => void): AIProvider {
  let done = false;
  const once = <T>(result: Promise<T>): Promise<T> => result.then((v) => {
    if (!done) {
      done = true;
      record();
    }
    return v;
  });
  return new Proxy(provider, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      // generateBatch loads the model itself (analyze --model), not through the wrapped initialize.
      if (prop === 'initialize' || prop === 'generate' || prop === 'generateBatch' || prop === 'generateStructured' || prop === 'embed') {
        return (...args: unknown[]) => once((value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      }
      if (prop === 'stream') {
        // ask and the summary's reflection only stream: the first chunk shows the model is loaded.
        return async function* (...args: unknown[]) {
          for await (const chunk of (value as (...a: unknown[]) => AsyncIterable<string>).apply(target, args)) {
            await once(Promise.resolve());
            yield chunk;
          }
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}

/**
 * The cache of model answers for a command (see src/inference/cache-setup.ts), or why there is none;
 * hits and misses go to the local metrics, written by `done()`. Never throws for cache trouble. Notes go
 * to stderr unless `notes` is false (under a full-screen UI).
 */
export async function answerCacheFor(ctx: CommandContext, vault: Vault, provider: AIProvider, options: { notes?: boolean } = {}): Promise<{ cache: import('../inference/answer-cache.js').AnswerCache | null; off: string | null; done: () => void }> {
  const [{ openAnswerCache, modelIdentity, onnxEmbedder }, { resolveProviderSettings }, { Metrics }] = await Promise.all([
    import('../inference/cache-setup.js'), import('../providers/create-provider.js'), import('../monitoring/metrics.js'),
  ]);
  const { monitoring } = ctx.config;
  const metrics = new Metrics({ dir: ctx.paths.metrics, now: () => ctx.deps.now(), enabled: monitoring.collect_metrics, retentionDays: monitoring.metrics_retention_days });
  const settings = resolveProviderSettings(ctx.config, ctx.deps.env);
  const fileStat = (p: string) => { try { const st = fs.statSync(p); return { size: st.size, mtimeMs: st.mtimeMs }; } catch { return null; } };
  const model = modelIdentity(settings, { sha256: ctx.config.model_sha256 ?? null, mockFixture: ctx.deps.env.COMPANION_MOCK_FIXTURE, fileStat });
  const onnx = ctx.config.performance.cache_embedder;
  // A local ONNX embedder the user configured (transformers.js, never a download) replaces the built-in sentence encoder.
  const localEmbedder = onnx === null ? undefined : onnxEmbedder(onnx);
  const opened = openAnswerCache({ dir: ctx.paths.cache, vault, performance: ctx.config.performance, provider, model, metrics, now: () => ctx.deps.now(), note: (line) => { if (options.notes !== false) ctx.note(line); }, ...(localEmbedder ? { localEmbedder } : {}) });
  return { ...opened, done: () => { try { metrics.flush(); } catch { /* metrics are best effort */ } } };
}

