import { isLoopback } from '../../providers/remote-checks.js';
import type { ProviderName } from '../../providers/types.js';
import type { ModelPolicy } from './model-context.js';

/** The provider facts that decide where journal text would go. */
export interface ProviderPlace {
  provider: ProviderName;
  ollamaHost: string;
  openaiBaseUrl: string | null;
}

/** The security settings that shape what a model sees (config.security). */
export interface SecuritySettings {
  redact_remote: boolean;
  prompt_injection_detection_enabled: boolean;
}

/**
 * Whether text sent to this provider leaves the machine: ollama or openai on a host that is not loopback
 * (openai with no base URL is OpenAI's own servers). llama, transformers, builtin and mock stay local.
 */
export function isRemoteProvider(place: ProviderPlace): boolean {
  if (place.provider === 'ollama') return !isLoopback(place.ollamaHost);
  if (place.provider === 'openai') return place.openaiBaseUrl === null || !isLoopback(place.openaiBaseUrl);
  return false;
}

/** The model policy for a provider under the security settings: redact only for remote providers. */
export function modelPolicyFor(place: ProviderPlace, security: SecuritySettings): ModelPolicy {
  return {
    excludeInjection: security.prompt_injection_detection_enabled,
    redactPii: security.redact_remote && isRemoteProvider(place),
  };
}
