import { entryDay } from '../analysis/days.js';
import type { Entry } from '../entry.js';
import { detectInjection } from '../../security/injection/index.js';
import { obfuscate } from '../../security/pii/obfuscate.js';
import { Pseudonymizer } from '../../security/pii/pseudonymizer.js';
import type { PiiSpan } from '../../security/pii/types.js';

type DetectPii = (text: string) => PiiSpan[];

/** The PII detector, loaded only when redaction is on: it pulls in the NLP library, which local runs never need. */
async function piiDetector(policy: ModelPolicy): Promise<DetectPii | null> {
  return policy.redactPii ? (await import('../../security/pii/detect-pii.js')).detectPII : null;
}

/** How journal text may reach a model: whether to drop injection-flagged entries and redact PII first. */
export interface ModelPolicy {
  /** Leave out entries detectInjection rates HIGH (config security.prompt_injection_detection_enabled). */
  excludeInjection: boolean;
  /** Replace personal data with stand-ins (remote provider and config security.redact_remote). */
  redactPii: boolean;
}

/** One entry as a model may see it: id, local day, and its text after redaction. */
export interface ModelItem {
  id: string;
  created: string;
  date: string;
  text: string;
}

/** An entry kept away from the model, and why. */
export interface ExcludedEntry {
  id: string;
  date: string;
  reason: 'injection';
}

/** The entries a model may see, those it may not, and how many had personal data redacted. */
export interface ModelContext {
  items: ModelItem[];
  excluded: ExcludedEntry[];
  redacted: number;
}

/**
 * Prepare entries for a model: entries rated HIGH for prompt injection are left out (and listed), and with
 * `redactPii` personal data is replaced by consistent pseudonyms (one Pseudonymizer for the whole call, so
 * the same person keeps the same stand-in across entries; pass one to redact a question the same way). Spotlighting (sanitizeForContext) is applied
 * when the prompt is built.
 */
export async function prepareModelContext(entries: readonly Entry[], policy: ModelPolicy, pseudonyms: Pseudonymizer = new Pseudonymizer()): Promise<ModelContext> {
  const detectPII = await piiDetector(policy);
  const items: ModelItem[] = [];
  const excluded: ExcludedEntry[] = [];
  let redacted = 0;
  for (const entry of entries) {
    const date = entryDay(entry.created);
    if (policy.excludeInjection && detectInjection(entry.text).risk === 'HIGH') {
      excluded.push({ id: entry.id, date, reason: 'injection' });
      continue;
    }
    let text = entry.text;
    if (detectPII) {
      // Called with no spans too: a name found in an earlier entry is hidden where the detector missed it.
      const redactedText = obfuscate(text, detectPII(text), 'pseudonym', pseudonyms);
      if (redactedText !== text) redacted += 1;
      text = redactedText;
    }
    items.push({ id: entry.id, created: entry.created, date, text });
  }
  return { items, excluded, redacted };
}

/** Redact a text (a question) the way prepareModelContext redacts entries, with the same stand-ins. */
export async function redactLikeContext(text: string, policy: ModelPolicy, pseudonyms: Pseudonymizer): Promise<string> {
  const detectPII = await piiDetector(policy);
  if (!detectPII) return text;
  return obfuscate(text, detectPII(text), 'pseudonym', pseudonyms);
}
