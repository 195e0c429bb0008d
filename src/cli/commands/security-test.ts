import os from 'node:os';
import { Readable } from 'node:stream';
import { UsageError } from '../../core/errors.js';
import type { CliDeps, Input, Output } from '../deps.js';
import type { CommandContext } from '../context.js';
import type { CliRunner, ItemResult, SuiteReport } from '../../security/adversarial/types.js';

class Captured implements Output {
  text = '';
  readonly isTTY = false;
  readonly columns = 100;
  write(s: string): void {
    this.text += s;
  }
}

/** A CliRunner that drives companion's own `main(argv, deps)` in-process with captured output. */
export function inProcessRunner(): CliRunner {
  return async (argv, options) => {
    const { main } = await import('../main.js');
    const stdout = new Captured();
    const stderr = new Captured();
    const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]) as Input;
    stdin.isTTY = false;
    const deps: CliDeps = {
      env: options.env, stdin, stdout, stderr,
      now: () => new Date(),
      homeDir: options.env.HOME ?? os.tmpdir(),
      openTty: () => null,
      runEditor: () => Promise.reject(new Error('no editor in the adversarial suite')),
    };
    const code = await main(argv, deps);
    return { code, stdout: stdout.text, stderr: stderr.text };
  };
}

function itemLines(ctx: CommandContext, item: ItemResult): void {
  const s = ctx.style;
  const mark = item.status === 'pass' ? s.green('PASS') : item.status === 'fail' ? s.red('FAIL') : s.dim('N/A ');
  ctx.print(`${mark} ${s.bold(item.id)} ${item.title} ${s.dim(`(${(item.ms / 1000).toFixed(1)} s)`)}`);
  if (item.reason) ctx.print(`     ${s.dim(item.reason)}`);
  for (const c of item.checks) ctx.print(`     ${c.passed ? s.green('✓') : s.red('✗')} ${c.name}: ${s.dim(c.evidence)}`);
}

/**
 * `companion security test [--provider X] [--json]`: the OWASP Top 10 for LLM Applications (2025) suite,
 * run against a throwaway journal in a temporary directory. Exit 1 when any item fails.
 */
export async function securityTest(ctx: CommandContext, opts: { provider?: string; json?: boolean }): Promise<void> {
  const { runSecuritySuite, STAND_INS } = await import('../../security/adversarial/suite.js');
  const provider = opts.provider ?? 'all';
  if (provider !== 'all' && !(STAND_INS as readonly string[]).includes(provider)) {
    throw new UsageError(`--provider must be one of ${STAND_INS.join(', ')} (the stand-in model the output checks use).`);
  }
  const report: SuiteReport = await runSecuritySuite(inProcessRunner(), {
    standIns: provider === 'all' ? [...STAND_INS] : [provider as (typeof STAND_INS)[number]],
    onItem: opts.json ? undefined : (item) => itemLines(ctx, item),
  });
  if (opts.json) ctx.printJson(report);
  else ctx.print(`\n${report.passed} passed, ${report.failed} failed, ${report.notApplicable} not applicable.`);
  if (!report.ok) ctx.exitCode = 1;
}
