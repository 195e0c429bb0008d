#!/usr/bin/env node
// Entry point: everything heavy is imported lazily by the command that needs it.
import { run } from '../dist/cli/run.js';

run(process.argv.slice(2));
