/**
 * How a command's failure becomes an exit status and a message: usage and input errors exit 2,
 * a FailureError (full disk, crashed run, interrupt) exits with its own status and message
 * alone, anything else is an internal error (exit 1) printed with its stack.
 */
import { isFailureError, isInputError } from '../util/errors.js';
import type { CliIO } from './io.js';

/** Thrown by yargs' fail handler: a usage error (unknown flag, missing argument). */
export class UsageError extends Error {}

export function exitStatusOf(e: unknown, io: CliIO): number {
  if (e instanceof UsageError) {
    io.err(`vdpascale: ${e.message}\nRun 'vdpascale --help' for usage.`);
    return 2;
  }
  if (isInputError(e)) {
    io.err(`vdpascale: ${e.format()}`);
    return 2;
  }
  if (isFailureError(e)) {
    io.err(`vdpascale: ${e.message}`);
    return e.exitCode;
  }
  io.err(`vdpascale: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return 1;
}
