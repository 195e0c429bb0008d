import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { EnvironmentError } from '../core/errors.js';
import type { PiiSpan } from '../security/pii/index.js';
import type { CommandContext } from './context.js';

/** Finds personal data in one text. */
export type PiiDetector = (text: string) => Promise<PiiSpan[]>;

const TURN_OFF = 'Fix the folder, or turn the model off with `companion config set security.ner_model null`.';

/**
 * The PII detector a command should use: the built-in one (validated patterns and the trained tagger), plus
 * the local transformers.js token-classification model named by `security.ner_model` when one is configured.
 * A configured model that cannot be loaded is an error (exit 1), never a silent fall-back to less detection.
 */
export async function piiDetectorFor(ctx: CommandContext): Promise<PiiDetector> {
  const { detectPII, detectPIIDeep } = await import('../security/pii/index.js');
  const folder = ctx.config.security.ner_model;
  if (folder === null) return async (text) => detectPII(text);
  const full = resolve(folder);
  if (!existsSync(full)) throw new EnvironmentError(`The NER model folder ${full} (security.ner_model) does not exist.`, TURN_OFF);
  const nerModel = { modelDir: dirname(full), model: basename(full) };
  return async (text) => {
    try {
      return await detectPIIDeep(text, { nerModel });
    } catch (err) {
      throw new EnvironmentError(`The NER model in ${full} (security.ner_model) could not be used: ${(err as Error).message}`, TURN_OFF);
    }
  };
}
