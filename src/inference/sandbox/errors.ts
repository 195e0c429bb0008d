import { ProviderError, type ProviderErrorKind } from '../../providers/errors.js';

/** Why the sandbox child was stopped or failed. */
export type SandboxFailure = 'timeout' | 'memory' | 'crash' | 'protocol';

const KIND: Record<SandboxFailure, ProviderErrorKind> = {
  timeout: 'timeout', memory: 'permanent', crash: 'transient', protocol: 'permanent',
};

/** The llama sandbox child was killed (timeout, memory ceiling, protocol violation) or died. */
export class SandboxError extends ProviderError {
  readonly reason: SandboxFailure;
  /** Resident memory of the child when it was killed, in bytes, when known. */
  readonly rssBytes: number | undefined;

  constructor(reason: SandboxFailure, message: string, rssBytes?: number) {
    super(message, {
      kind: KIND[reason],
      provider: 'llama',
      ...(reason === 'memory' ? { hint: 'Use a smaller model or context size, or raise the memory limit.' } : {}),
    });
    this.reason = reason;
    this.rssBytes = rssBytes;
  }
}
