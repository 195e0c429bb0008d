import fs from 'node:fs';
import { z } from 'zod';
import { atomicWrite } from './atomic-write.js';
import { UsageError } from './errors.js';
import { ProviderConfigSchema } from '../providers/config.js';

/**
 * The one definition of companion's configuration. Every section has defaults, applied after the file
 * and the environment are read; unknown keys are errors that name the key.
 */
export const ConfigSchema = z.object({
  // Provider settings (ai_provider, model_path, model, model_dir, ollama_host, openai_base_url, n_ctx, ...)
  // are defined once, by the provider layer.
  ...ProviderConfigSchema.shape,
  /** sha256 of model_path recorded by `companion models use`, so a changed file is noticed. */
  model_sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable().default(null),
  log_level: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  encryption: z.object({
    kdf: z.enum(['pbkdf2', 'scrypt']).default('pbkdf2'),
    iterations: z.number().int().min(100_000).max(10_000_000).default(600_000),
  }).strict().prefault({}),
  prompts: z.object({
    timing_threshold_seconds: z.number().min(1).max(3600).default(15),
    show_placeholders: z.boolean().default(true),
  }).strict().prefault({}),
  security: z.object({
    pii_detection_enabled: z.boolean().default(true),
    prompt_injection_detection_enabled: z.boolean().default(true),
    data_poisoning_detection_enabled: z.boolean().default(true),
    audit_logging_enabled: z.boolean().default(true),
    redact_remote: z.boolean().default(true),
    keychain: z.boolean().default(false),
    /** Folder of a local token-classification ONNX model (transformers.js layout) that PII detection adds to its tagger. */
    ner_model: z.string().min(1).nullable().default(null),
  }).strict().prefault({}),
  performance: z.object({
    enable_caching: z.boolean().default(true),
    cache_similarity_threshold: z.number().min(0).max(1).default(0.85),
    enable_batching: z.boolean().default(true),
    max_batch_size: z.number().int().min(1).max(256).default(8),
    /** Folder of a local ONNX sentence-embedding model (transformers.js layout) for the semantic cache, when the provider has no embeddings. */
    cache_embedder: z.string().min(1).nullable().default(null),
  }).strict().prefault({}),
  monitoring: z.object({
    collect_metrics: z.boolean().default(true),
    metrics_retention_days: z.number().int().min(1).max(3650).default(30),
  }).strict().prefault({}),
}).strict();

/** Validated configuration with every default filled in. */
export type Config = z.infer<typeof ConfigSchema>;

/**
 * Environment variables that override config keys here. Provider variables (COMPANION_PROVIDER,
 * COMPANION_MODEL_PATH, ...) are applied by the provider layer when it resolves its settings.
 */
const ENV_OVERRIDES: Record<string, { key: string; parse: (v: string) => unknown }> = {
  COMPANION_LOG_LEVEL: { key: 'log_level', parse: (v) => v.toLowerCase().replace(/^warning$/, 'warn') },
};

/** Read the raw JSON object stored in config.json ({} when there is none). */
export function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UsageError(`${file} is not valid JSON.`, 'Fix it by hand, or move it away to start from the defaults.');
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`${file} must hold a JSON object.`);
  return raw as Record<string, unknown>;
}

/** Validate a raw config object, naming the first bad field in the error. */
export function parseConfig(raw: unknown, source: string): Config {
  const result = ConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k].join('.')) : [issue.path.join('.')];
  const what = issue.code === 'unrecognized_keys' ? 'is not a setting' : `is invalid: ${issue.message}`;
  throw new UsageError(`Config field "${keys.join(', ')}" in ${source} ${what}.`, 'See `companion config --help` for the settings and their types.');
}

/** Load config: file, then COMPANION_* environment overrides, then defaults. */
export function loadConfig(file: string, env: Record<string, string | undefined>): Config {
  const raw = readConfigFile(file);
  const fromFile = parseConfig(raw, file); // errors in the file name the file
  const merged: Record<string, unknown> = structuredClone(raw);
  for (const [name, { key, parse }] of Object.entries(ENV_OVERRIDES)) {
    const v = env[name];
    if (v !== undefined && v !== '') setPath(merged, key, parse(v));
  }
  return merged === raw ? fromFile : parseConfig(merged, 'the environment (COMPANION_* variables)');
}

/** Read a dotted key (`prompts.timing_threshold_seconds`) from a config; UsageError for unknown keys. */
export function getConfigValue(config: Config, key: string): unknown {
  let cur: unknown = config;
  for (const part of key.split('.')) {
    if (cur === null || typeof cur !== 'object' || !(part in (cur as object))) throw new UsageError(`"${key}" is not a setting.`, 'Run `companion config list` to see them all.');
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Interpret a command-line value for a key by the type of its current value. */
export function coerceConfigValue(current: unknown, value: string, key = 'the setting'): unknown {
  if (typeof current === 'number') {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`"${key}" takes a number, not "${value}".`);
    return n;
  }
  if (typeof current === 'boolean') {
    if (/^(true|yes|on|1)$/i.test(value)) return true;
    if (/^(false|no|off|0)$/i.test(value)) return false;
    throw new UsageError(`"${key}" takes true or false, not "${value}".`);
  }
  if (current === null && value === 'null') return null;
  if (/^-?\d+$/.test(value) && current !== null && typeof current !== 'string') return Number(value);
  return value;
}

/**
 * Set a dotted key in config.json, validating the result before writing (atomic). Returns the new config.
 * Only keys of the schema are accepted; the file keeps only what the user set.
 */
export function setConfigValue(file: string, key: string, value: string): Config {
  const raw = readConfigFile(file);
  const current = getConfigValue(parseConfig(raw, file), key);
  if (current !== null && typeof current === 'object') throw new UsageError(`"${key}" is a section; set one of its keys.`);
  const next = structuredClone(raw);
  // The current value's type is the likely reading, but not the only one a key may take (gpu_layers is
  // "auto" or a number; nullable numbers): keep the first reading the schema accepts.
  const readings: unknown[] = [];
  let typedError: unknown = null;
  try {
    readings.push(coerceConfigValue(current, value, key));
  } catch (err) {
    typedError = err;
  }
  if (value.trim() !== '' && Number.isFinite(Number(value))) readings.push(Number(value));
  if (/^(true|false)$/i.test(value)) readings.push(value.toLowerCase() === 'true');
  if (value === 'null') readings.push(null);
  readings.push(value);
  const fits = readings.find((reading) => {
    setPath(next, key, reading);
    return ConfigSchema.safeParse(next).success;
  });
  if (fits === undefined && typedError) throw typedError;
  setPath(next, key, fits === undefined ? readings[0] : fits);
  const config = parseConfig(next, `the new value of ${key}`);
  atomicWrite(file, JSON.stringify(next, null, 2) + '\n');
  return config;
}

function setPath(obj: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let cur = obj;
  for (const part of parts.slice(0, -1)) {
    const next = cur[part];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]!] = value;
}
