#!/usr/bin/env node
// Entry point of the `vdpascale` command: runs the compiled CLI (built by `npm ci` through
// the `prepare` script). Exit codes: 0 ok, 2 bad input or usage, 1 internal failure.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
