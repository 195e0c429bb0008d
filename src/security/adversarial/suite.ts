import { promptInjection } from './llm01-injection.js';
import { sensitiveDisclosure } from './llm02-disclosure.js';
import { supplyChain } from './llm03-supply-chain.js';
import { dataPoisoning } from './llm04-poisoning.js';
import { outputHandling } from './llm05-output.js';
import { systemPromptLeakage } from './llm07-prompt-leak.js';
import { embeddingStore } from './llm08-embeddings.js';
import { unboundedConsumption } from './llm10-consumption.js';
import { NOT_APPLICABLE } from './not-applicable.js';
import { statusOf, type CheckResult, type CliRunner, type ItemResult, type OwaspId, type SuiteReport } from './types.js';

/** Stand-in models the output checks can use: the recording OpenAI-compatible server, or the mock provider. */
export const STAND_INS = ['openai', 'mock'] as const;

/** A stand-in model name. */
export type StandIn = (typeof STAND_INS)[number];

/** Options of {@link runSecuritySuite}. */
export interface SuiteOptions {
  /** Stand-ins the output-handling and prompt-leak checks run against (default: both). */
  standIns?: StandIn[];
  /** Only these items (default: all ten). */
  only?: OwaspId[];
  /** Called as each item finishes (for streaming human output). */
  onItem?: ((item: ItemResult) => void) | undefined;
}

/** What an applicable item runs. */
interface ItemSpec {
  id: OwaspId;
  title: string;
  run: (runner: CliRunner, standIns: StandIn[]) => Promise<CheckResult[]>;
}

const ITEMS: ItemSpec[] = [
  { id: 'LLM01', title: 'Prompt injection (direct and indirect)', run: (r) => promptInjection(r) },
  { id: 'LLM02', title: 'Sensitive information disclosure', run: (r) => sensitiveDisclosure(r) },
  { id: 'LLM03', title: 'Supply chain (pinned model file)', run: (r) => supplyChain(r) },
  { id: 'LLM04', title: 'Data and model poisoning (foreign entries)', run: (r) => dataPoisoning(r) },
  { id: 'LLM05', title: 'Improper output handling', run: (r, s) => outputHandling(r, s) },
  { id: 'LLM07', title: 'System prompt leakage', run: (r, s) => systemPromptLeakage(r, s) },
  { id: 'LLM08', title: 'Vector and embedding weaknesses (on-disk index and caches)', run: (r) => embeddingStore(r) },
  { id: 'LLM10', title: 'Unbounded consumption', run: (r) => unboundedConsumption(r) },
];

const ORDER: OwaspId[] = ['LLM01', 'LLM02', 'LLM03', 'LLM04', 'LLM05', 'LLM06', 'LLM07', 'LLM08', 'LLM09', 'LLM10'];

async function runItem(spec: ItemSpec, runner: CliRunner, standIns: StandIn[]): Promise<ItemResult> {
  const started = performance.now();
  let checks: CheckResult[];
  try {
    checks = await spec.run(runner, standIns);
  } catch (err) {
    checks = [{ name: 'the item ran to completion', passed: false, evidence: `it stopped with an error: ${(err as Error).message.split('\n')[0] ?? ''}` }];
  }
  return { id: spec.id, title: spec.title, status: statusOf(checks), checks, ms: performance.now() - started };
}

/**
 * Run the OWASP Top 10 for LLM Applications (2025) suite against throwaway journals driven through the
 * real CLI (`runner`). Items run one after another in OWASP order; each gets its own temporary journal.
 */
export async function runSecuritySuite(runner: CliRunner, options: SuiteOptions = {}): Promise<SuiteReport> {
  const standIns = options.standIns ?? [...STAND_INS];
  const items: ItemResult[] = [];
  for (const id of ORDER) {
    if (options.only && !options.only.includes(id)) continue;
    const spec = ITEMS.find((i) => i.id === id);
    const na = NOT_APPLICABLE.find((i) => i.id === id);
    const item = spec ? await runItem(spec, runner, standIns) : na ? { ...na, status: 'not-applicable' as const, checks: [], ms: 0 } : null;
    if (!item) continue;
    items.push(item);
    options.onItem?.(item);
  }
  const count = (s: ItemResult['status']): number => items.filter((i) => i.status === s).length;
  return { items, passed: count('pass'), failed: count('fail'), notApplicable: count('not-applicable'), ok: count('fail') === 0 };
}
