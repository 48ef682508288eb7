/** Where the CLI writes; tests pass their own to capture output. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress bars only then). */
  readonly isTTY: boolean;
}

/**
 * A process stream whose reader may go away (`vdpascale profiles | head -1`): the first EPIPE
 * marks it closed and later writes are dropped, so the command finishes its work (a run still
 * writes its result folder) and exits with its own status instead of dying on an unhandled
 * 'error' event. Any other stream error is still thrown.
 */
class PipeGuard {
  closed = false;
  constructor(private readonly stream: NodeJS.WriteStream) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
      this.closed = true;
    });
  }
  write(text: string): void {
    if (!this.closed) this.stream.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}

/** The process's stdout and stderr behind pipe guards, attached on first use. */
function makeProcessIO(): CliIO {
  let stdout: PipeGuard | undefined;
  let stderr: PipeGuard | undefined;
  return {
    out: (text) => {
      stdout ??= new PipeGuard(process.stdout);
      stdout.write(text);
    },
    err: (text) => {
      stderr ??= new PipeGuard(process.stderr);
      stderr.write(text);
    },
    get isTTY() {
      return process.stderr.isTTY === true;
    },
  };
}

export const processIO: CliIO = makeProcessIO();
