import type { ChalkInstance } from 'chalk';
import type { ExcludedEntry } from '../../core/insight/model-context.js';
import type { QuarantinedEntry } from '../../core/insight/quarantine.js';
import type { Reflection } from '../../core/insight/reflection-service.js';
import type { PeriodSummary } from '../../core/summary/summarize.js';
import { moodSummary, moodTone, namesWithCounts, signed, statRows, themeChange } from './summary-rows.js';

/** Colour a text by the tone of a mood score. */
export function toneColour(style: ChalkInstance, score: number | null, text: string): string {
  const tone = moodTone(score);
  return tone === 'bright' ? style.green(text) : tone === 'low' ? style.red(text) : tone === 'mixed' ? style.yellow(text) : style.dim(text);
}

/** The statistics of a summary as plain lines (colours only when `style` has them). */
export function summaryLines(s: PeriodSummary, style: ChalkInstance): string[] {
  const out = [style.bold(`Summary ${s.from} → ${s.to}`)];
  for (const [label, value] of statRows(s)) out.push(`  ${label.padEnd(13)} ${value}`);
  out.push(`  ${'Mood'.padEnd(13)} ${toneColour(style, s.mood.average, s.mood.sparkline)}  ${moodSummary(s)}`);
  if (s.mood.best?.mood != null) out.push(`  ${'Best day'.padEnd(13)} ${s.mood.best.date} (${toneColour(style, s.mood.best.mood, signed(s.mood.best.mood))})`);
  if (s.mood.hardest?.mood != null) out.push(`  ${'Hardest day'.padEnd(13)} ${s.mood.hardest.date} (${toneColour(style, s.mood.hardest.mood, signed(s.mood.hardest.mood))})`);
  if (s.topThemes.length > 0) {
    out.push('', style.bold('Themes'));
    const width = Math.max(...s.topThemes.map((t) => `${t.label} (${t.kind})`.length));
    for (const t of s.topThemes) out.push(`  ${`${t.label} (${t.kind})`.padEnd(width)}  ${String(t.entries).padStart(2)}  ${themeChange(t)}`);
  }
  if (s.people.length > 0) out.push(`  People: ${namesWithCounts(s.people)}`);
  if (s.places.length > 0) out.push(`  Places: ${namesWithCounts(s.places)}`);
  if (s.notable.length > 0) {
    out.push('', style.bold('Notable'));
    for (const n of s.notable) out.push(`  ${n.date}  ${n.reason.padEnd(13)} ${n.excerpt}`);
  }
  return out;
}

/** The line that counts entries kept from the model, or nothing when none were. */
export function excludedLines(excluded: readonly ExcludedEntry[], style: ChalkInstance): string[] {
  if (excluded.length === 0) return [];
  const n = excluded.length;
  return ['', style.yellow(`${n} ${n === 1 ? 'entry was' : 'entries were'} flagged as possible prompt injection and left out of what the model sees: ${excluded.map((e) => `${e.date} ${e.id}`).join(', ')}`)];
}

/** The line that counts quarantined entries left out of a summary or an answer, or nothing when none were. */
export function quarantineLines(quarantined: readonly QuarantinedEntry[], style: ChalkInstance, leftOutOf: string): string[] {
  if (quarantined.length === 0) return [];
  const n = quarantined.length;
  return ['', style.yellow(`${n} ${n === 1 ? 'entry is' : 'entries are'} in quarantine (unlike your usual writing) and left out of ${leftOutOf}: `
    + `${quarantined.map((e) => `${e.date} ${e.id}`).join(', ')}. Review with \`companion quarantine list\`.`)];
}

/** The heading of the reflection: which kind it is. */
export function reflectionHeading(source: Reflection['source'], style: ChalkInstance): string {
  return style.bold(source === 'model' ? 'Reflection (written by the model from your entries)' : 'Reflection (built in, from the numbers)');
}

/** A completed reflection as plain lines, with the fallback reason when a model's was not used. */
export function reflectionLines(r: Reflection, style: ChalkInstance): string[] {
  const out = [''];
  if (r.fallbackReason) out.push(style.dim(`(No model reflection: ${r.fallbackReason}. Showing the built-in one.)`));
  out.push(reflectionHeading(r.source, style));
  for (const p of r.paragraphs) out.push(p, '');
  return out;
}
