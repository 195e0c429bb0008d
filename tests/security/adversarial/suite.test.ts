import { describe, expect, it } from 'vitest';
import { runSecuritySuite } from '../../../src/security/adversarial/suite.js';
import { outputHandling } from '../../../src/security/adversarial/llm05-output.js';
import { embeddingStore } from '../../../src/security/adversarial/llm08-embeddings.js';
import { sensitiveDisclosure } from '../../../src/security/adversarial/llm02-disclosure.js';
import { supplyChain } from '../../../src/security/adversarial/llm03-supply-chain.js';
import { dataPoisoning } from '../../../src/security/adversarial/llm04-poisoning.js';
import { statusOf, check, type CliRunner } from '../../../src/security/adversarial/types.js';
import { inProcessRunner } from '../../../src/cli/commands/security-test.js';
import { runCli } from '../../helpers/cli.js';

const runner = inProcessRunner();

describe('companion security test', () => {
  it('LLM01 passes on this app: flagged entries stay away from the model, the rest is fenced', async () => {
    const report = await runSecuritySuite(runner, { only: ['LLM01', 'LLM06'] });
    const [llm01, llm06] = report.items;
    expect(llm01?.checks.map((c) => [c.name, c.passed, c.evidence])).toEqual(llm01?.checks.map((c) => [c.name, true, c.evidence]));
    expect(llm01?.status).toBe('pass');
    expect(llm06).toMatchObject({ id: 'LLM06', status: 'not-applicable', checks: [] });
    expect(llm06?.reason).toMatch(/no tools/);
    expect(report).toMatchObject({ passed: 1, failed: 0, notApplicable: 1, ok: true });
  }, 60_000);

  it('LLM05 fails when escape sequences from a model reach the screen', async () => {
    const leaky: CliRunner = async (argv, options) => {
      const r = await runner(argv, options);
      return argv[0] === 'summary' ? { ...r, stdout: r.stdout + '\u001b]52;c;Y3VybA==\u0007' } : r;
    };
    const honest = await outputHandling(runner, ['mock']);
    const broken = await outputHandling(leaky, ['mock']);
    expect(statusOf(honest)).toBe('pass');
    expect(broken.find((c) => c.name.includes('terminal control'))).toMatchObject({ passed: false });
  }, 60_000);

  it('LLM08 finds the encrypted search index and sees a deleted entry purged', async () => {
    const checks = await embeddingStore(runner);
    expect(checks).toHaveLength(3);
    expect(checks.filter((c) => !c.passed)).toEqual([]);
    expect(checks[0]?.evidence).toMatch(/[1-9]\d* search index file/);
  }, 60_000);

  it('LLM02: planted PII stays out of files, logs and the remote provider; secrets are checked separately', async () => {
    const checks = await sensitiveDisclosure(runner);
    const failing = checks.filter((c) => !c.passed).map((c) => c.name);
    // Secrets (API keys) are not personal data to detectPII, so redact_remote passes them on: a known finding
    // the suite reports (see docs/SECURITY.md); every other check must hold.
    expect(failing.filter((n) => !n.startsWith('secrets'))).toEqual([]);
    expect(checks.find((c) => c.name.startsWith('secrets'))?.evidence).toMatch(/^(sent in clear: .+|none of 3 secret canaries sent)$/);
  }, 60_000);

  it('LLM03 and LLM04: a changed model file is seen, a foreign import is quarantined and kept from the model', async () => {
    const checks = [...await supplyChain(runner), ...await dataPoisoning(runner)];
    expect(checks).toHaveLength(6);
    expect(checks.filter((c) => !c.passed)).toEqual([]);
  }, 60_000);

  it('statusOf never passes an item without checks', () => {
    expect(statusOf([])).toBe('fail');
    expect(statusOf([check('a', true, 'x'), check('b', false, 'y')])).toBe('fail');
    expect(statusOf([check('a', true, 'x')])).toBe('pass');
  });

  it('rejects an unknown stand-in provider with exit 2', async () => {
    const r = await runCli(['security', 'test', '--provider', 'nonsense'], { HOME: '/nonexistent-home', COMPANION_DATA_DIR: '/nonexistent-home/data', NO_COLOR: '1' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--provider must be one of openai, mock/);
  });

  it('is a subcommand of security with --provider and --json', async () => {
    const r = await runCli(['security', 'test', '--help'], { HOME: '/nonexistent-home', NO_COLOR: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--provider <name>/);
    expect(r.stdout).toMatch(/--json/);
    expect(r.stdout).toMatch(/temporary directory/);
  });
});
