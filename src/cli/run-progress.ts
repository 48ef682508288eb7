/**
 * Progress of `vdpascale run` on stderr: a bar on a terminal, one line per finished point
 * otherwise, nothing when quiet.
 */
import type cliProgress from 'cli-progress';
import { columnName, type StudyInfo } from '../output/records.js';
import type { ProgressEvent } from '../output/run-study.js';
import type { CliIO } from './io.js';

/** The progress display of one study. */
export class Progress {
  private bar: cliProgress.SingleBar | undefined;
  private readonly t0 = performance.now();
  /** `bars`: the cli-progress module, loaded by the caller only for a terminal (≈ 100 ms of imports). */
  constructor(
    private readonly io: CliIO,
    private readonly info: StudyInfo,
    private readonly quiet: boolean,
    private readonly bars?: typeof cliProgress,
  ) {}

  start(done: number, total: number): void {
    if (this.quiet) return;
    const cliProgress = this.bars;
    if (this.io.isTTY && cliProgress !== undefined) {
      this.bar = new cliProgress.SingleBar(
        {
          format: `${this.info.name} [{bar}] {value}/{total} runs | {percentage}% | ETA {eta_formatted}`,
          stream: process.stderr,
          hideCursor: false,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(total, done);
    } else if (done > 0) {
      this.io.err(`${this.info.name}: resuming, ${done}/${total} runs already done`);
    }
  }

  run(e: ProgressEvent): void {
    if (this.quiet) return;
    if (this.bar) {
      this.bar.update(e.done);
      return;
    }
    if (!e.pointDone) return;
    const params = this.info.points[e.job.point]?.params ?? {};
    const values = this.info.swept.map((p) => `${columnName(p)}=${String(params[p])}`).join(' ');
    const secs = ((performance.now() - this.t0) / 1000).toFixed(1);
    this.io.err(
      `${this.info.name}: point ${e.job.point + 1}/${this.info.points.length} done${values ? ` (${values})` : ''}; ` +
        `${e.done}/${e.total} runs, ${secs} s`,
    );
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}
