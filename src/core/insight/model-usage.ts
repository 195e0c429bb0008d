import { estimateTokens } from '../summary/tokens.js';

/** Model calls and estimated tokens spent on one summary or answer (estimates use estimateTokens). */
export interface ModelUsage {
  calls: number;
  mapCalls: number;
  reduceCalls: number;
  promptTokens: number;
  outputTokens: number;
}

/** A fresh, empty usage record. */
export function emptyUsage(): ModelUsage {
  return { calls: 0, mapCalls: 0, reduceCalls: 0, promptTokens: 0, outputTokens: 0 };
}

/** Count one model call of the given step with its system prompt, prompt and output. */
export function countCall(usage: ModelUsage, step: 'map' | 'reduce' | 'answer', system: string, prompt: string, output: string): void {
  usage.calls += 1;
  if (step === 'map') usage.mapCalls += 1;
  if (step === 'reduce') usage.reduceCalls += 1;
  usage.promptTokens += estimateTokens(system) + estimateTokens(prompt);
  usage.outputTokens += estimateTokens(output);
}
