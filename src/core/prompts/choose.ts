import { parseTheme } from '../analysis/theme-format.js';
import type { Prompt, PromptContext } from './context.js';
import { templatesFor, type Situation } from './templates.js';

/** Values for the placeholders of a template. */
export type Fill = Partial<Record<'theme' | 'person' | 'place' | 'activity', string>>;

/** Placeholder values from stored themes: the first of each kind, and the first theme of any kind. */
export function fillFromThemes(themes: readonly string[]): Fill {
  const fill: Fill = {};
  for (const stored of themes) {
    const { kind, label } = parseTheme(stored);
    fill.theme ??= label;
    if (kind === 'person') fill.person ??= label;
    if (kind === 'place') fill.place ??= label;
    if (kind === 'activity') fill.activity ??= label;
  }
  return fill;
}

function render(text: string, fill: Fill): string | null {
  let missing = false;
  const out = text.replace(/\{(theme|person|place|activity)\}/g, (_, name: keyof Fill) => {
    const value = fill[name];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? null : out;
}

/**
 * Choose a prompt for the first situation, in order of preference, that has a template which can be filled
 * and differs from the last prompt shown. Falls back to the general templates.
 */
export function choosePrompt(situations: readonly Situation[], fill: Fill, ctx: PromptContext): Prompt {
  for (const situation of [...situations, 'general' as const]) {
    const options = templatesFor(situation)
      .map((t) => ({ template: t, text: render(t.text, fill) }))
      .filter((o): o is { template: typeof o.template; text: string } => o.text !== null && o.text !== ctx.lastPrompt);
    if (options.length === 0) continue;
    const pick = options[Math.min(options.length - 1, Math.floor(ctx.rng() * options.length))];
    if (pick) return { text: pick.text, templateId: pick.template.id, situation };
  }
  throw new Error('The general prompt templates are exhausted; the library must hold at least two.');
}

/** Shuffle a list of situations with the context's RNG (Fisher–Yates), keeping variety between calls. */
export function shuffled<T>(items: readonly T[], ctx: PromptContext): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(ctx.rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
