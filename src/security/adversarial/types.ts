/** The OWASP Top 10 for LLM Applications (2025) item ids. */
export type OwaspId = 'LLM01' | 'LLM02' | 'LLM03' | 'LLM04' | 'LLM05' | 'LLM06' | 'LLM07' | 'LLM08' | 'LLM09' | 'LLM10';

/** One concrete check inside an item: what was tried, whether the app held, and what was observed. */
export interface CheckResult {
  name: string;
  passed: boolean;
  /** What was observed (counts, file names, exit codes); never journal text beyond the planted canaries' labels. */
  evidence: string;
}

/** Outcome of one OWASP item: pass (every check held), fail (at least one did not), or not applicable. */
export type ItemStatus = 'pass' | 'fail' | 'not-applicable';

/** The result of one OWASP item for this app. */
export interface ItemResult {
  id: OwaspId;
  title: string;
  status: ItemStatus;
  /** Checks run (empty only when not applicable). */
  checks: CheckResult[];
  /** Why the item does not apply to a local single-user journal (only for not-applicable). */
  reason?: string;
  /** Wall-clock time the item took, in milliseconds. */
  ms: number;
}

/** The whole suite's report: every item in OWASP order, and whether any failed. */
export interface SuiteReport {
  items: ItemResult[];
  passed: number;
  failed: number;
  notApplicable: number;
  /** True when no item failed. */
  ok: boolean;
}

/** Output of one in-process CLI run. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs companion's CLI in-process (`main(argv, deps)`) with exactly this environment and stdin; the suite
 * is given one by the command layer so src/security never imports src/cli.
 */
export type CliRunner = (argv: string[], options: { env: Record<string, string>; stdin?: string }) => Promise<CliRun>;

/** Build a check result. */
export function check(name: string, passed: boolean, evidence: string): CheckResult {
  return { name, passed, evidence };
}

/** The status of an item from its checks: pass only when there is at least one check and all passed. */
export function statusOf(checks: readonly CheckResult[]): ItemStatus {
  return checks.length > 0 && checks.every((c) => c.passed) ? 'pass' : 'fail';
}
