/**
 * SIGINT and SIGTERM while a command runs: the first one aborts `signal` (the sweep stops
 * starting runs, lets the runs in flight finish for a grace period, keeps its journal and says
 * how to resume); a second one exits at once. The journal stays intact either way, because
 * each of its appends is one synchronous write the handler cannot split.
 *
 * Exit statuses follow the shell's 128 + signal number: 130 for SIGINT, 143 for SIGTERM.
 */
import type { CliIO } from './io.js';

export type WatchedSignal = 'SIGINT' | 'SIGTERM';
const WATCHED: readonly WatchedSignal[] = ['SIGINT', 'SIGTERM'];

export const SIGNAL_EXIT: Record<WatchedSignal, number> = { SIGINT: 130, SIGTERM: 143 };

/** How long the runs in flight may take to finish after the first signal (then abandoned). */
export const GRACE_MS = 5_000;

/** What the watch needs of the process (tests pass a stand-in). */
export interface SignalSource {
  on(event: WatchedSignal, listener: () => void): unknown;
  off(event: WatchedSignal, listener: () => void): unknown;
  exit(code: number): void;
}

export interface SignalWatch {
  /** Aborted on the first signal. */
  readonly signal: AbortSignal;
  /** The first signal received, if any. */
  readonly received: WatchedSignal | undefined;
  /** Stops watching (the default disposition returns). */
  dispose(): void;
}

export function watchSignals(
  io: CliIO,
  source: SignalSource = process as unknown as SignalSource,
): SignalWatch {
  const controller = new AbortController();
  let received: WatchedSignal | undefined;
  const listeners = WATCHED.map((name) => {
    const listener = () => {
      if (received === undefined) {
        received = name;
        io.err(
          `vdpascale: ${name}: stopping — no new runs; runs in flight get ${GRACE_MS / 1000} s to finish ` +
            `(${name === 'SIGINT' ? 'Ctrl-C' : 'signal'} again to quit at once)`,
        );
        controller.abort();
        return;
      }
      io.err(`vdpascale: ${name} again: quitting at once; finished runs are kept in the journal`);
      source.exit(SIGNAL_EXIT[name]);
    };
    source.on(name, listener);
    return [name, listener] as const;
  });
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    dispose: () => {
      for (const [name, listener] of listeners) source.off(name, listener);
    },
  };
}
