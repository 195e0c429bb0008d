import { atomicWrite } from '../../core/atomic-write.js';
import { exportJson, exportMarkdown, exportText } from '../../core/interchange/index.js';
import type { CommandContext } from '../context.js';
import type { ObfuscationMode, PiiSpan } from '../../security/pii/index.js';
import { queryFromOptions, type FilterOptions } from '../filters.js';
import { piiDetectorFor } from '../pii-detector.js';
import { openJournalReadingAhead } from '../services.js';
import { VERSION } from '../version.js';

/** `companion export --format md|json|txt [--out FILE]`. */
export async function exportCommand(ctx: CommandContext, opts: FilterOptions & { format: 'md' | 'json' | 'txt'; out?: string; sanitize?: ObfuscationMode }): Promise<void> {
  const query = queryFromOptions(opts, ctx.deps.now(), null);
  const { journal, audit } = await openJournalReadingAhead(ctx, query);
  let entries = journal.all(query);
  let replaced = 0;
  if (opts.sanitize) {
    const { hideSpans, obfuscate, Pseudonymizer } = await import('../../security/pii/index.js');
    const detect = await piiDetectorFor(ctx);
    const { formatTheme, parseTheme } = await import('../../core/analysis/theme-format.js');
    const mode = opts.sanitize;
    const pseudonyms = new Pseudonymizer(); // one per export: the same person gets the same stand-in throughout
    // Every text is read first, so that a name the detector finds in one entry is hidden in all the others,
    // earlier or later, where it missed it (Pseudonymizer.learn, then .recall).
    const found = new Map<string, PiiSpan[]>();
    const learn = async (text: string, given?: PiiSpan[]) => {
      const spans = given ?? found.get(text) ?? await detect(text);
      found.set(text, spans);
      pseudonyms.learn(text, spans);
    };
    const themeSpan = (kind: 'person' | 'place', label: string): PiiSpan => ({ type: kind === 'person' ? 'PERSON' : 'LOCATION', start: 0, end: label.length, text: label, confidence: 1, source: 'theme' });
    for (const e of entries) {
      for (const text of [e.text, ...(e.promptUsed === null ? [] : [e.promptUsed]), ...e.tags.map((tag) => `@${tag}`)]) await learn(text);
      for (const theme of e.themes.map(parseTheme)) if (theme.kind === 'person' || theme.kind === 'place') await learn(theme.label, [themeSpan(theme.kind, theme.label)]);
    }
    const scrub = async (text: string) => {
      const detected = found.get(text) ?? await detect(text);
      const spans = [...detected, ...pseudonyms.recall(text, detected)];
      replaced += spans.length;
      return hideSpans(text, spans, mode, pseudonyms);
    };
    // A tag that is a handle or a name ("@diego_r", "@sarah") gets the stand-in the text gives it; "@work" stays.
    const scrubTag = async (tag: string) => {
      const text = `@${tag}`;
      const hidden = await scrub(text);
      return hidden === text ? tag : hidden.replace(/^@/u, '');
    };
    // Stored themes name people and places too ("person:Maria"): they get the same stand-ins as the text.
    const scrubTheme = async (stored: string) => {
      const t = parseTheme(stored);
      if (t.kind !== 'person' && t.kind !== 'place') return formatTheme({ kind: t.kind, label: await scrub(t.label) });
      replaced += 1;
      return formatTheme({ kind: t.kind, label: obfuscate(t.label, [themeSpan(t.kind, t.label)], mode, pseudonyms) });
    };
    const scrubbed = [];
    for (const e of entries) {
      const themes = [];
      for (const theme of e.themes) themes.push(await scrubTheme(theme));
      const text = await scrub(e.text);
      const tags = [];
      for (const tag of e.tags) tags.push(await scrubTag(tag));
      scrubbed.push({ ...e, text, tags, themes, promptUsed: e.promptUsed === null ? null : await scrub(e.promptUsed) });
    }
    entries = scrubbed;
  }
  const body = opts.format === 'json'
    ? exportJson(entries, { exported: ctx.deps.now(), generator: `companion ${VERSION}` })
    : opts.format === 'md' ? exportMarkdown(entries) : exportText(entries);
  audit.record('export', 'MEDIUM', { format: opts.format, entries: entries.length, destination: opts.out ? 'file' : 'stdout', sanitize: opts.sanitize ?? 'none', replaced });
  if (opts.out) {
    atomicWrite(opts.out, body, { mode: 0o600 });
    ctx.note(`Exported ${entries.length} entries to ${opts.out} (readable only by you). It is not encrypted: keep it safe.${opts.sanitize ? ` ${replaced} personal-data span(s) replaced (${opts.sanitize}); detection is not perfect, so read it before sharing.` : ''}`);
  } else {
    ctx.deps.stdout.write(body);
  }
}
