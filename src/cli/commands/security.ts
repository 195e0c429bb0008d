import { UsageError } from '../../core/errors.js';
import { detectInjectionDeep, type DeepInjectionResult, type InjectionSpan, type TextEmbedder } from '../../security/injection/index.js';
import { buildStyleBaseline, detectPoisoning, type PoisoningResult } from '../../security/poisoning/index.js';
import type { CommandContext } from '../context.js';
import { checkEntryText, readTextInput } from '../read-input.js';
import { piiDetectorFor } from '../pii-detector.js';
import { openJournal } from '../services.js';

/** The fewest entries a style baseline is built from; below this the poisoning check is not meaningful. */
const MIN_BASELINE = 5;

/**
 * The built-in sentence encoder for the injection detector's embedding layer, or the reason it is off
 * (`--fast`, or the encoder could not be loaded: the scan then uses the other layers and says so).
 */
async function injectionEmbedder(fast: boolean | undefined): Promise<{ embedder?: TextEmbedder; off?: string }> {
  if (fast) return { off: '--fast' };
  try {
    const { loadSentenceEncoder } = await import('../../providers/builtin-provider.js');
    return { embedder: await loadSentenceEncoder() };
  } catch (err) {
    return { off: `the built-in sentence encoder could not be loaded (${(err as Error).message.split('\n')[0]})` };
  }
}

/** The detection layers that produced an injection verdict, for people. */
function layerNames(r: DeepInjectionResult): string {
  const l = r.layers;
  return [l.rules && 'rules', l.ngramModel && 'n-gram model', l.plantedInstructions && 'planted-instruction windows',
    l.embeddingModel && 'embeddings', l.attackSimilarity && 'similarity to known attacks', l.neighbourVote && 'nearest known prompts'].filter(Boolean).join(', ');
}

/** `companion security scan <text... | --entry id>`: what the detectors see in a text. */
export async function securityScan(ctx: CommandContext, words: string[], opts: { entry?: string; json?: boolean; fast?: boolean }): Promise<void> {
  let text: string;
  let poisoning: PoisoningResult | null = null;
  let poisoningNote: string | null = null;
  if (opts.entry) {
    if (words.length) throw new UsageError('Give either text or --entry, not both.');
    const { journal } = await openJournal(ctx);
    const entry = journal.get(opts.entry);
    text = entry.text;
    const others = journal.all().filter((e) => e.id !== entry.id).map((e) => e.text);
    if (others.length >= MIN_BASELINE) poisoning = detectPoisoning(text, buildStyleBaseline(others));
    else poisoningNote = `needs at least ${MIN_BASELINE} other entries for a style baseline (the journal has ${others.length})`;
  } else {
    text = words.length ? checkEntryText(words.join(' ')) : ctx.deps.stdin.isTTY ? '' : await readTextInput(ctx.deps.stdin);
    poisoningNote = 'only for journal entries (--entry), against the journal\'s own style';
  }
  if (text.trim() === '') throw new UsageError('Nothing to scan: give text, pipe it in, or use --entry <id>.');
  const pii = await (await piiDetectorFor(ctx))(text);
  const { embedder, off } = await injectionEmbedder(opts.fast);
  const injection = await detectInjectionDeep(text, embedder);
  if (opts.json) {
    ctx.printJson({
      pii: pii.map(({ type, start, end, confidence, source }) => ({ type, start, end, confidence, source })),
      injection: {
        risk: injection.risk, score: injection.score, types: injection.types, spans: injection.spans, obfuscation: injection.obfuscation,
        layers: injection.layers, fastScore: injection.fastScore, embeddingScore: injection.embeddingScore ?? null,
        similarity: injection.similarity ?? null, neighbourVote: injection.neighbourVote ?? null, promptContrast: injection.promptContrast ?? null, ...(off ? { embeddingsOff: off } : {}),
      },
      poisoning: poisoning ?? { skipped: poisoningNote },
    });
    return;
  }
  const s = ctx.style;
  ctx.print(s.bold(`Personal data: ${pii.length === 0 ? 'none found' : `${pii.length} span(s)`}`));
  for (const p of pii) ctx.print(`  ${p.type.padEnd(15)} ${s.yellow(JSON.stringify(p.text))}  ${s.dim(`at ${p.start}-${p.end}, confidence ${p.confidence.toFixed(2)}, ${p.source}`)}`);
  const riskColour = injection.risk === 'HIGH' ? s.red : injection.risk === 'MEDIUM' ? s.yellow : s.green;
  ctx.print(s.bold(`Prompt injection: ${riskColour(injection.risk)}`) + s.dim(` (score ${injection.score.toFixed(2)}; ${layerNames(injection)})`));
  if (injection.similarity !== undefined) ctx.print(s.dim(`  closest known attack: cosine ${injection.similarity.toFixed(2)}; embedding model ${injection.embeddingScore!.toFixed(2)}; without embeddings ${injection.fastScore.toFixed(2)}`));
  if (injection.neighbourVote !== undefined) ctx.print(s.dim(`  nearest known prompts: ${Math.round(injection.neighbourVote * 100)}% of them attacks`));
  if (off) ctx.print(s.dim(`  embedding layer off: ${off}`));
  if (injection.types.length) ctx.print(`  types: ${injection.types.join(', ')}`);
  const matched = groupSpans(injection.spans);
  if (matched.some((m) => !m.decoded) && injection.normalized !== text) ctx.print(s.dim('  (positions below are in the normalised text: NFKC, hidden characters and look-alike letters undone)'));
  for (const m of matched.slice(0, 10)) {
    const where = m.decoded ? `in a decoded ${m.decoded} payload` : `at ${m.start}-${m.end}`;
    ctx.print(`  ${m.type.padEnd(26)} ${s.yellow(JSON.stringify(m.text))}  ${s.dim(`${where}, ${m.rules.length === 1 ? 'rule' : 'rules'} ${m.rules.join(', ')}`)}`);
  }
  if (matched.length > 10) ctx.print(s.dim(`  … and ${matched.length - 10} more (--json lists them all)`));
  if (injection.obfuscation.length) ctx.print(`  obfuscation undone: ${injection.obfuscation.join(', ')}`);
  if (poisoning) ctx.print(s.bold(`Style anomaly: ${poisoning.anomalous ? s.red('yes') : s.green('no')}`) + s.dim(` (score ${poisoning.score.toFixed(2)})${poisoning.reasons.length ? ': ' + poisoning.reasons.slice(0, 3).join('; ') : ''}`));
  else ctx.print(s.dim(`Style anomaly: not checked (${poisoningNote})`));
}

/** A matched injection span with every rule that matched it. */
type MatchedSpan = Omit<InjectionSpan, 'rule'> & { rules: string[] };

/** The matched spans with the rules that found each (several rules often match the same words): the text's in order, then decoded payloads'. */
function groupSpans(spans: readonly InjectionSpan[]): MatchedSpan[] {
  const byPlace = new Map<string, MatchedSpan>();
  for (const { rule, ...span } of spans) {
    const key = `${span.type}\u0000${span.start}\u0000${span.end}\u0000${span.decoded ?? ''}`;
    const seen = byPlace.get(key);
    if (seen) {
      if (!seen.rules.includes(rule)) seen.rules.push(rule);
    } else byPlace.set(key, { ...span, rules: [rule] });
  }
  return [...byPlace.values()].sort((a, b) => Number(a.decoded !== undefined) - Number(b.decoded !== undefined) || a.start - b.start || a.end - b.end);
}
