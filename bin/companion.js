#!/usr/bin/env -S node --v8-pool-size=1
// Entry point: everything heavy is imported lazily by the command that needs it. The flags on the first line are
// src/cli/runtime-flags.ts's NODE_FLAGS (why there); `node bin/companion.js` runs without them.
import { run } from '../dist/cli/run.js';

run(process.argv.slice(2));
