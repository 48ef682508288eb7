/**
 * Error types that carry an exit status. The CLI maps `InputError` to exit 2 (bad input or
 * usage), a `FailureError` to its own status with its message alone (a full disk, a crashed
 * run, an interrupt), and anything else to exit 1 with a stack trace (an internal failure);
 * see the README, "Commands".
 */

/** Where in a scenario file a bad value sits; every field optional because flags have no file. */
export interface InputLocation {
  file?: string;
  line?: number;
  column?: number;
  /** Key path in the scenario, e.g. `workload.groups[1].traffic.rate`. */
  path?: string;
}

/** Bad input: a wrong scenario value, flag or file. Exit status 2. */
export class InputError extends Error {
  readonly exitCode = 2;
  readonly location: InputLocation;
  /** What would have been accepted, shown after the message. */
  readonly allowed: string | undefined;

  constructor(message: string, location: InputLocation = {}, allowed?: string) {
    super(message);
    this.name = 'InputError';
    this.location = location;
    this.allowed = allowed;
  }

  /** `file:line:col: path: message (allowed: …)` — the one-line form the CLI prints. */
  format(): string {
    const { file, line, column, path } = this.location;
    let where = '';
    if (file !== undefined) where += file;
    if (line !== undefined) where += `:${line}` + (column !== undefined ? `:${column}` : '');
    const prefix = [where, path].filter((s) => s !== undefined && s !== '').join(': ');
    const tail = this.allowed !== undefined ? ` (allowed: ${this.allowed})` : '';
    return (prefix ? `${prefix}: ` : '') + this.message + tail;
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}

/**
 * The command failed for a reason its message explains in full (a disk that filled, a run that
 * crashed, a signal): the CLI prints the message, without a stack trace, and exits `exitCode`.
 */
export class FailureError extends Error {
  readonly exitCode: number;
  constructor(message: string, options?: { cause?: unknown; exitCode?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FailureError';
    this.exitCode = options?.exitCode ?? 1;
  }
}

export function isFailureError(e: unknown): e is FailureError {
  return e instanceof FailureError;
}
