import { Command, Option } from 'commander';
import type { CommandContext } from './context.js';
import { prefetchUnlock } from './unlock-prefetch.js';
import { VERSION } from './version.js';

const collect = (value: string, previous: string[]) => [...previous, value];

/** Add the date/tag/star filters shared by list, search and export. */
function withFilters(cmd: Command): Command {
  return cmd
    .option('--since <date>', 'only entries on or after this date ("monday", "2025-01-08", "3 weeks ago")')
    .option('--until <date>', 'only entries on or before this date (a bare day includes the whole day)')
    .option('-t, --tag <tag>', 'only entries with this tag (repeatable; "work" and "@work" are the same)', collect, [])
    .option('--any', 'with several --tag: entries with any of them (default: all of them)')
    .option('--starred', 'only starred entries');
}

/**
 * Declare every command. Definitions are cheap; each action imports its implementation only when it
 * runs, so `--help` and `--version` stay fast.
 */
export function buildProgram(ctx: CommandContext): Command {
  const program = new Command('companion');
  const lazy = <A extends unknown[]>(load: () => Promise<(ctx: CommandContext, ...args: A) => Promise<void>>, unlocks = false) =>
    async (...args: A) => {
      // The KDF runs while the command's modules load (not with --no-unlock: commander passes the
      // options object just before the command itself).
      const options = args[args.length - 2] as { unlock?: boolean } | undefined;
      if (unlocks && options?.unlock !== false) prefetchUnlock(ctx);
      const [handler] = await Promise.all([load(), ctx.prepare()]);
      await handler(ctx, ...args);
    };

  program
    .description('A private journal for your terminal: encrypted entries, gentle prompts, local AI.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--debug', 'show stack traces for unexpected errors')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.deps.stdout.write(s),
      writeErr: (s) => ctx.deps.stderr.write(s),
      outputError: (s, write) => write(`companion: ${s.replace(/^error: /, '')}`),
    })
    .showSuggestionAfterError(true)
    .helpCommand('help [command]', 'show help for a command')
    .addHelpText('after', `
Data lives in ~/.companion (set COMPANION_DATA_DIR to use another directory). Every entry is encrypted
with AES-256-GCM under a key unlocked by your passphrase.

Examples:
  companion init                      create an encrypted journal
  companion write "slept well @sleep"  add an entry (or pipe text in)
  companion write "yesterday: long walk with Sam"
  companion list --since monday       recent entries
  companion search coffee --tag work  find entries
  companion export --format md --out journal.md

Exit codes: 0 ok, 1 unexpected error, 2 usage or bad input, 3 locked or wrong passphrase,
4 integrity failure (tampering or corruption), 5 not found.`);

  program.command('init')
    .description('create a new encrypted journal and print its recovery key (once)')
    .addOption(new Option('--kdf <name>', 'passphrase key derivation').choices(['pbkdf2', 'scrypt']))
    .option('--iterations <n>', 'PBKDF2 iterations (100000 to 10000000; default 600000)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nThe passphrase is read from COMPANION_PASSPHRASE_FILE when set, otherwise asked twice without echo.')
    .action(lazy(async () => (await import('./commands/init.js')).initCommand));

  program.command('write')
    .description('add an entry from the arguments, or from stdin when it is piped')
    .argument('[text...]', 'the entry; "@word" becomes a tag; a leading "yesterday:" or "last friday 9pm:" sets the date')
    .option('-d, --date <date>', 'when it happened ("yesterday 9pm", "2025-01-08 14:30")')
    .option('-t, --tag <tag>', 'add a tag (repeatable)', collect, [])
    .option('-s, --star', 'star the entry')
    .option('--json', 'print the saved entry as JSON')
    .addHelpText('after', '\nExamples:\n  companion write "Long run by the river @running"\n  echo "notes from the meeting" | companion write --tag work\n  companion write --date "last friday 9pm" "dinner with Sam"')
    .action(lazy(async () => (await import('./commands/write.js')).writeCommand, true));

  withFilters(program.command('list'))
    .description('list entries, newest first')
    .option('-n, --limit <n>', 'how many entries (default 20; 0 for all)')
    .option('--json', 'print {"entries": [...]} as JSON')
    .action(lazy(async () => (await import('./commands/read.js')).listCommand, true));

  program.command('show')
    .description('show one entry in full')
    .argument('<id>', 'entry id (the first 4 or more characters are enough)')
    .option('--json', 'print the entry as JSON')
    .action(lazy(async () => (await import('./commands/read.js')).showCommand, true));

  withFilters(program.command('search'))
    .description('find entries containing all the words (case- and accent-insensitive)')
    .argument('<words...>', 'words to look for')
    .option('-n, --limit <n>', 'at most this many results (default: all)')
    .option('--json', 'print {"entries": [...]} as JSON')
    .action(lazy(async () => (await import('./commands/read.js')).searchCommand, true));

  program.command('edit')
    .description('open an entry in $VISUAL/$EDITOR (a private temporary file, removed afterwards)')
    .argument('<id>', 'entry id')
    .action(lazy(async () => (await import('./commands/edit.js')).editCommand, true));

  program.command('delete')
    .description('delete an entry for good')
    .argument('<id>', 'entry id')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--json', 'print the deleted entry id as JSON')
    .action(lazy(async () => (await import('./commands/delete.js')).deleteCommand, true));

  program.command('tags')
    .description('list tags with how many entries carry each')
    .option('--json', 'print {"tags": [{"tag", "count"}]} as JSON')
    .action(lazy(async () => (await import('./commands/read.js')).tagsCommand, true));

  program.command('on-this-day')
    .description('entries written on this day in earlier years')
    .option('-d, --date <date>', 'another day instead of today')
    .option('--json', 'print {"date", "entries": [...]} as JSON')
    .action(lazy(async () => (await import('./commands/read.js')).onThisDayCommand, true));

  program.command('summary')
    .description('entries, streaks, mood trend, themes and a written reflection for a period')
    .option('-w, --week', 'the last 7 days, today included (the default)')
    .option('-m, --month', 'the last 30 days, today included')
    .option('--from <date>', 'first day of the period ("2025-01-01", "last monday")')
    .option('--to <date>', 'last day of the period (default: today)')
    .option('--json', 'print the summary as JSON, with the entry ids behind every theme and notable day')
    .addHelpText('after', '\nWith a generative provider the reflection is written by the model from your entries (streamed);\nwith builtin it is built from the numbers. Entries flagged as prompt injection never reach a model.')
    .action(lazy(async () => (await import('./commands/summary.js')).summaryCommand, true));

  program.command('ask')
    .description('answer a question from your entries only, citing their dates')
    .argument('<question...>', 'the question, e.g. "when did I last see Sam?"')
    .option('--since <date>', 'only search entries on or after this date')
    .option('--json', 'print {"question", "found", "answer", "citations", ...} as JSON')
    .action(lazy(async () => (await import('./commands/ask.js')).askCommand, true));

  withFilters(program.command('analyze'))
    .description('compute and store mood and themes for entries that lack a current analysis')
    .option('--model', 'also ask the configured model for up to three themes per entry (batched; the filters choose the entries)')
    .option('--json', 'print {"entries", "analysed", "upToDate", "quarantined", "modelThemes"?} as JSON')
    .addHelpText('after', '\nWith --model, entries go to the model performance.max_batch_size at a time (several sequences of one\n' +
      'context with a local GGUF). Entries flagged as prompt injection or in quarantine are kept from it; for a\n' +
      'remote provider personal data is redacted first. An answer that is not "Themes: a, b, c" keeps the\n' +
      'built-in themes. Without a generative model --model is an error (exit 2).')
    .action(lazy(async () => (await import('./commands/analyze.js')).analyzeCommand, true));

  withFilters(program.command('export'))
    .description('export entries as Markdown, JSON or plain text')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'json', 'txt']).makeOptionMandatory())
    .option('-o, --out <file>', 'write to a file (created private, 0600) instead of stdout')
    .addOption(new Option('--sanitize [mode]', 'replace personal data: pseudonym (same stand-in for the same person throughout), mask or redact').choices(['pseudonym', 'mask', 'redact']).preset('pseudonym'))
    .action(lazy(async () => (await import('./commands/export.js')).exportCommand, true));

  program.command('import')
    .description('import entries from jrnl (JSON or plain text), Day One (JSON) or a companion JSON export')
    .addOption(new Option('--from <format>', 'source format').choices(['jrnl', 'dayone', 'json']).makeOptionMandatory())
    .argument('<file>', 'the file to import')
    .option('--dry-run', 'check the file and report what would be imported, writing nothing')
    .option('--json', 'print {"imported", "skipped", "ids"} as JSON')
    .action(lazy(async () => (await import('./commands/import.js')).importCommand, true));

  program.command('passphrase')
    .description('change the passphrase (re-wraps the data key; entries are not re-encrypted)')
    .option('--new-passphrase-file <file>', 'read the new passphrase from a file (scripts)')
    .action(lazy(async () => (await import('./commands/passphrase.js')).passphraseCommand, true));

  program.command('recover')
    .description('set a new passphrase using the recovery key printed by `companion init`')
    .option('--recovery-key-file <file>', 'read the recovery key from a file instead of asking')
    .option('--new-passphrase-file <file>', 'read the new passphrase from a file (scripts)')
    .action(lazy(async () => (await import('./commands/passphrase.js')).recoverCommand));

  const audit = program.command('audit').description('the tamper-evident security log: verify it, read it, take a receipt');
  audit.command('verify')
    .description('prove the log, its checkpoint and every entry are as companion left them (exit 4 if not)')
    .option('--expect <fingerprint>', 'also require the state noted earlier with `companion audit receipt`')
    .option('--no-unlock', 'do not ask for the passphrase: check structure and chain only (MACs unchecked)')
    .option('--repair', 'complete torn writes left by an interrupted command (never hides tampering)')
    .option('--json', 'print the report as JSON')
    .addHelpText('after', `
Failure kinds: edited, deleted, reordered, truncated, replaced, forged, replayed, entry rolled back,
entry missing, torn write, rolled back. Without a passphrase source the MACs cannot be checked and
the report says so.`)
    .action(lazy(async () => (await import('./commands/audit.js')).auditVerify, true));
  audit.command('log')
    .description('list security events (never any journal text)')
    .option('--since <date>', 'only events on or after this date')
    .option('--type <type>', 'only this type, e.g. entry.created or entry (all entry events)')
    .option('--json', 'print {"records": [...]} as JSON')
    .action(lazy(async () => (await import('./commands/audit.js')).auditLogCommand));
  audit.command('report')
    .description('counts by type and severity, failed unlocks, warnings shown')
    .option('--json', 'print as JSON')
    .action(lazy(async () => (await import('./commands/audit.js')).auditReport));
  audit.command('receipt')
    .description('print the log head fingerprint, to note elsewhere and catch a rollback later')
    .option('--json', 'print as JSON')
    .action(lazy(async () => (await import('./commands/audit.js')).auditReceipt));

  const models = program.command('models').description('local GGUF models: list, choose, inspect (companion never downloads)');
  models.command('list').description('GGUF files in the models directory with architecture, quantization, context, size, sha256')
    .option('--no-hash', 'skip hashing (faster for large files)')
    .option('--json', 'print {"modelsDir", "models": [...]} as JSON')
    .action(lazy(async () => (await import('./commands/models.js')).modelsList));
  models.command('use').description('make a GGUF file the active model (sets ai_provider llama, pins its sha256)')
    .argument('<file>', 'a file name in the models directory, or a path')
    .action(lazy(async () => (await import('./commands/models.js')).modelsUse));
  models.command('info').description('the active provider and model (or one file), and whether it changed since `use`')
    .argument('[file]', 'a model file instead of the active one')
    .option('--json', 'print as JSON')
    .action(lazy(async () => (await import('./commands/models.js')).modelsInfo));
  models.command('compare').description('load GGUF files one at a time and measure load time, tokens/s and peak memory side by side')
    .argument('[files...]', 'GGUF files (default: every one in the models directory)')
    .option('--tokens <n>', 'tokens to generate per round (default 64)')
    .option('--json', 'print {"maxTokens", "models": [...]} as JSON')
    .action(lazy(async () => (await import('./commands/models-compare.js')).modelsCompare));

  const quarantine = program.command('quarantine').description('entries unlike your usual writing, held out of summaries and ask until approved');
  quarantine.command('list').description('entries in quarantine, with their anomaly score and reasons')
    .option('--json', 'print {"count", "entries": [{"id", "date", "score", "reasons", "excerpt"}]} as JSON')
    .action(lazy(async () => (await import('./commands/quarantine.js')).quarantineList, true));
  quarantine.command('approve').description('release an entry from quarantine (audited)')
    .argument('<id>', 'entry id or unique prefix')
    .option('--json', 'print {"id", "approved"} as JSON')
    .action(lazy(async () => (await import('./commands/quarantine.js')).quarantineApprove, true));

  const security = program.command('security').description('what the PII, prompt-injection and poisoning detectors see');
  security.command('scan').description('scan a text (arguments or stdin) or a journal entry')
    .argument('[text...]', 'text to scan (or pipe it in)')
    .option('-e, --entry <id>', 'scan a journal entry, including its style against the rest of the journal')
    .option('--fast', 'leave out the injection detector\'s embedding layer (the built-in sentence encoder and the known-attack store); this is what a save uses')
    .option('--json', 'print {"pii", "injection", "poisoning"} as JSON')
    .addHelpText('after', '\nPrompt injection is rated NONE, LOW, MEDIUM or HIGH from typed rules, a trained n-gram model, planted-instruction windows and, unless --fast, sentence embeddings and similarity to known attacks (all local). The writing session warns on HIGH.')
    .action(lazy(async () => (await import('./commands/security.js')).securityScan));
  security.command('test').description('run the OWASP Top 10 for LLM Applications (2025) suite on a throwaway journal; exit 1 on any failure')
    .option('--provider <name>', 'stand-in model for the output checks: openai (a recording local server) or mock (default: both)')
    .option('--json', 'print {"items": [{"id", "status", "checks": [...]}], "ok", ...} as JSON')
    .addHelpText('after', '\nNever touches your journal or needs your passphrase: every check runs in a temporary directory.')
    .action(lazy(async () => (await import('./commands/security-test.js')).securityTest));

  const keychain = program.command('keychain').description('keep the passphrase in the OS keychain (opt-in)');
  keychain.command('enable').description('store the passphrase in the OS keychain and unlock from it')
    .action(lazy(async () => (await import('./commands/keychain.js')).keychainEnable));
  keychain.command('disable').description('remove the passphrase from the OS keychain')
    .action(lazy(async () => (await import('./commands/keychain.js')).keychainDisable));
  keychain.command('api-key').description('keep the OpenAI-compatible API key in the OS keychain (never in config.json)')
    .option('--file <file>', 'read the key from a file instead of asking')
    .option('--remove', 'remove the stored key')
    .action(lazy(async () => (await import('./commands/keychain.js')).keychainApiKey));

  const config = program.command('config').description('read and change settings (config.json in the data directory)')
    .addHelpText('after', '\nExamples:\n  companion config set prompts.timing_threshold_seconds 10\n  companion config get security.redact_remote\n  companion config list --json');
  config.command('get').description('print one setting').argument('<key>', 'dotted key, e.g. prompts.show_placeholders')
    .option('--json', 'print the value as JSON')
    .action(lazy(async () => (await import('./commands/config.js')).configGet));
  config.command('set').description('change one setting (validated before it is written)').argument('<key>', 'dotted key').argument('<value>', 'new value')
    .action(lazy(async () => (await import('./commands/config.js')).configSet));
  config.command('list').description('print every setting with its current value').option('--json', 'print as JSON')
    .action(lazy(async () => (await import('./commands/config.js')).configList));
  config.command('path').description('print where config.json lives')
    .action(lazy(async () => (await import('./commands/config.js')).configPath));

  // No command: the daily writing session (Ink, loaded only here); piped input makes it `companion write`.
  program
    .addHelpText('after', `
With no command, companion opens the writing session: a full-screen editor with a prompt, idle hints,
encrypted autosave of the draft, and Ctrl+D to save (F1 lists the keys). When stdin is not a terminal
(text piped in), \`companion\` behaves exactly like \`companion write\`.`)
    .allowExcessArguments(true) // so a misspelt command gets commander's "unknown command ... did you mean"
    .action(async () => {
      if (program.args.length > 0) (program as unknown as { unknownCommand(): never }).unknownCommand();
      await lazy(async () => (await import('./commands/session.js')).sessionCommand)();
    });

  program.command('health')
    .description('check the journal, audit log, AI provider, disk and memory; exit 1 if any check fails')
    .option('-w, --watch', 'keep the dashboard open and refresh it (q to quit)')
    .option('--interval <seconds>', 'seconds between refreshes with --watch (default 5)')
    .option('--json', 'print the checks, facts and recorded metrics as JSON')
    .option('--prometheus', 'print the Prometheus text format (for a node_exporter textfile collector)')
    .option('--no-unlock', 'do not ask for the passphrase: skip decryption and audit MACs')
    .addHelpText('after', '\nChecks: config, vault, entries (a sample decrypts), audit, provider, disk, memory, writer-lock, drafts, quarantine.\n' +
      'Audit fast path: after a full verification (`companion audit verify`, or a health run that had to verify in full),\n' +
      'health checks only what changed since: the older log by one hash, the newer records (chain, MACs, checkpoint), and\n' +
      'entry files whose size, times or inode changed. An edit that keeps all of those is caught by `audit verify` and the\n' +
      'decrypt sample, not necessarily here. The audit reason line says which path ran.\n' +
      'Exit codes: 0 healthy (warnings allowed), 1 when any check fails.')
    .action(lazy(async () => (await import('./commands/health.js')).healthCommand, true));

  program.command('bench')
    .description('performance report: latency P50/P95/P99, throughput, peak memory, cache hit rate, detector timings')
    .option('--json', 'print {"latency", "throughput", "memory", "cache", "detectors"} as JSON')
    .action(lazy(async () => (await import('./commands/bench.js')).benchCommand));

  program.command('stats')
    .description('your local usage statistics: sessions, words, streaks, features used (never sent anywhere)')
    .option('--json', 'print the statistics as JSON')
    .option('--export <file>', 'write all recorded usage (counts and command names) to a JSON file')
    .action(lazy(async () => (await import('./commands/stats.js')).statsCommand));

  return program;
}
