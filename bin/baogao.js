#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { v8Flags } from './v8-flags.js';

// Before any of baogao is loaded or compiled (see v8-flags.js for why).
if (!process.env.BAOGAO_KEEP_V8_FLAGS) for (const flag of v8Flags) setFlagsFromString(flag);
const { main } = await import('../dist/cli.js');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`baogao: ${error?.stack ?? error}\n`);
    process.exitCode = 3;
  },
);
