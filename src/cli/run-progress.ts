/**
 * Progress of `vdpascale run` on stderr, inside runs as well as between them: simulated time
 * done of the total, the event rate and an ETA — as a bar on a terminal (cli-progress), as a
 * plain line every few seconds otherwise — and one line per finished point; nothing when quiet.
 */
import type cliProgress from 'cli-progress';
import { columnName, type StudyInfo } from '../output/records.js';
import type { LiveProgress, ProgressEvent } from '../output/run-study.js';
import type { CliIO } from './io.js';

/** Bar positions (the bar tracks simulated time in thousandths). */
const STEPS = 1000;

export interface ProgressOptions {
  quiet: boolean;
  /** The cli-progress module, loaded by the caller only for a terminal (≈ 100 ms of imports). */
  bars?: typeof cliProgress | undefined;
  /** How often a plain (non-terminal) progress line is printed while runs go on, ms. */
  plainEveryMs?: number;
}

/** The progress display of one study. */
export class Progress {
  private bar: cliProgress.SingleBar | undefined;
  private readonly t0 = performance.now();
  private timer: ReturnType<typeof setInterval> | undefined;
  private live: (() => LiveProgress) | undefined;
  private liveT0 = 0;
  private runs = { done: 0, total: 0 };

  constructor(
    private readonly io: CliIO,
    private readonly info: StudyInfo,
    private readonly options: ProgressOptions,
  ) {}

  start(done: number, total: number): void {
    this.runs = { done, total };
    if (this.options.quiet) return;
    const cliProgress = this.options.bars;
    if (this.io.isTTY && cliProgress !== undefined) {
      this.bar = new cliProgress.SingleBar(
        {
          format: `${this.info.name} [{bar}] {percentage}% of {sim} simulated | {runs} runs | {rate} | ETA {eta_formatted}`,
          stream: process.stderr,
          hideCursor: false,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(STEPS, 0, this.payload(undefined));
    } else if (done > 0) {
      this.io.err(`${this.info.name}: resuming, ${done}/${total} runs already done`);
    }
  }

  /** The runs have started: from now on, progress inside them is read from `read`. */
  follow(read: () => LiveProgress): void {
    this.live = read;
    this.liveT0 = performance.now();
    if (this.options.quiet) return;
    const every = this.bar !== undefined ? 250 : (this.options.plainEveryMs ?? 10_000);
    this.timer = setInterval(() => this.tick(), every);
    this.timer.unref?.();
  }

  run(e: ProgressEvent): void {
    this.runs = { done: e.done, total: e.total };
    if (this.options.quiet) return;
    if (this.bar) {
      this.tick();
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
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.bar?.stop();
    this.bar = undefined;
  }

  private tick(): void {
    const now = this.live?.();
    if (this.bar) {
      const f = now === undefined || now.totalSimNs === 0 ? 0 : now.simNs / now.totalSimNs;
      this.bar.update(Math.min(STEPS, Math.round(f * STEPS)), this.payload(now));
      return;
    }
    if (now === undefined || now.totalSimNs === 0) return;
    const f = now.simNs / now.totalSimNs;
    const eta = f > 0 ? formatWall(((performance.now() - this.liveT0) * (1 - f)) / f) : '?';
    this.io.err(
      `${this.info.name}: ${(100 * f).toFixed(1)}% of ${formatSim(now.totalSimNs)} simulated ` +
        `(${this.runs.done}/${this.runs.total} runs done), ${this.rate(now)}, ETA ${eta}`,
    );
  }

  private payload(now: LiveProgress | undefined) {
    return {
      sim: now === undefined ? '?' : formatSim(now.totalSimNs),
      runs: `${this.runs.done}/${this.runs.total}`,
      rate: now === undefined ? '- events/s' : this.rate(now),
    };
  }

  private rate(now: LiveProgress): string {
    const secs = (performance.now() - this.liveT0) / 1000;
    return `${secs > 0 ? formatCount(now.events / secs) : '-'} events/s`;
  }
}

/** Simulated time in a readable unit: `850 µs`, `12.5 ms`, `3.2 s`, `2.1 h`. */
export function formatSim(ns: number): string {
  if (ns < 1e6) return `${Number((ns / 1e3).toPrecision(3))} µs`;
  if (ns < 1e9) return `${Number((ns / 1e6).toPrecision(3))} ms`;
  if (ns < 3.6e12) return `${Number((ns / 1e9).toPrecision(3))} s`;
  return `${Number((ns / 3.6e12).toPrecision(3))} h`;
}

function formatWall(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60
    ? `${s} s`
    : s < 3600
      ? `${Math.floor(s / 60)} min ${s % 60} s`
      : `${(s / 3600).toFixed(1)} h`;
}

function formatCount(x: number): string {
  if (x >= 1e6) return `${(x / 1e6).toFixed(1)} M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(0)} k`;
  return x.toFixed(0);
}
