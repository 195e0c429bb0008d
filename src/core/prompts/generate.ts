import { parseTheme } from '../analysis/theme-format.js';
import { moodScore, type Prompt, type PromptContext } from './context.js';
import { continuationPrompt, reflectionPrompt, timeBasedPrompt } from './prompter.js';
import { validateModelPrompt } from './validate.js';

/** A model-generation callback: completes the instruction, and stops when the signal aborts. */
export type PromptGenerator = (prompt: string, opts: { signal: AbortSignal }) => Promise<string>;

/** Which kind of prompt to make, and for a continuation the draft so far. */
export type PromptRequest = { kind: 'reflection' } | { kind: 'time'; now: Date } | { kind: 'continuation'; draft: string };

/** Options for generatePrompt. */
export interface GenerateOptions {
  /** Milliseconds to wait for the model before using a template. */
  timeoutMs: number;
}

/** A prompt with where it came from; for a template fallback, why the model's answer was not used. */
export interface GeneratedPrompt extends Prompt {
  source: 'model' | 'template';
  fallbackReason?: string;
}

/** The instruction sent to the model: themes and mood only (for a continuation, the draft's last lines). */
export function buildPromptInstruction(request: PromptRequest, ctx: PromptContext): string {
  const themes = ctx.recentThemes.slice(0, 5).map((t) => parseTheme(t).label);
  const score = moodScore(ctx.recentMood);
  const mood = score === null ? 'unknown' : score >= 0.15 ? 'mostly positive' : score <= -0.05 ? 'mostly low' : 'mixed';
  const lines = [
    'Write one open question that invites someone to keep writing in their private journal.',
    'Rules: a single question, under 25 words, no advice, no diagnosis, no preamble. Reply with the question only.',
    `Recent themes: ${themes.length > 0 ? themes.join(', ') : 'none'}. Recent mood: ${mood}.`,
  ];
  if (request.kind === 'time') lines.push(`It is ${request.now.toISOString().slice(11, 16)} UTC.`);
  if (request.kind === 'continuation') lines.push(`The draft ends: """${request.draft.trim().slice(-400)}"""`);
  if (ctx.lastPrompt) lines.push(`Do not repeat: ${ctx.lastPrompt}`);
  return lines.join('\n');
}

function template(request: PromptRequest, ctx: PromptContext): Prompt {
  if (request.kind === 'time') return timeBasedPrompt(request.now, ctx);
  if (request.kind === 'continuation') return continuationPrompt(request.draft, ctx);
  return reflectionPrompt(ctx);
}

/**
 * Ask a model for a prompt and check it; on timeout, error, invalid output, or a repeat of the last prompt,
 * return a template prompt instead. Never throws for model failures.
 */
export async function generatePrompt(generate: PromptGenerator, ctx: PromptContext, options: GenerateOptions, request: PromptRequest = { kind: 'reflection' }): Promise<GeneratedPrompt> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
  });
  let reason: string;
  try {
    const generation = Promise.resolve().then(() => generate(buildPromptInstruction(request, ctx), { signal: controller.signal }));
    generation.catch(() => undefined); // a rejection after the timeout (e.g. on abort) is expected, not unhandled
    const answer = await Promise.race([generation, timeout]);
    if (answer === 'timeout') {
      reason = 'timeout';
    } else {
      const check = validateModelPrompt(answer);
      if (check.ok && check.prompt !== ctx.lastPrompt) return { text: check.prompt, templateId: 'model', situation: request.kind, source: 'model' };
      reason = check.ok ? 'repeat of the last prompt' : `invalid: ${check.reason}`;
    }
  } catch (error) {
    reason = `model error: ${error instanceof Error ? error.name : 'unknown'}`;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return { ...template(request, ctx), source: 'template', fallbackReason: reason };
}
