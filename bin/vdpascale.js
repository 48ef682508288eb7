#!/usr/bin/env node
// Entry point of the `vdpascale` command: runs the compiled CLI, bundled (built by `npm ci`
// through the `prepare` script: tsc, then scripts/bundle-cli.mjs). Exit codes: 0 ok, 2 bad
// input or usage, 1 internal failure.
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(process.argv.slice(2));
