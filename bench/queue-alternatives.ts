/**
 * Times the event-queue designs tried for the engine, so the choice can be re-checked:
 *
 *   npx tsx bench/queue-alternatives.ts                 # all variants, all workloads, 3 reps
 *   npx tsx bench/queue-alternatives.ts --reps 5 --only event-queue,binary-heap --sizes 10000
 *
 * Each (variant, workload, size) runs in its own child process, so every queue class meets a
 * fresh, monomorphic JIT; reps are interleaved across variants so that machine noise hits them
 * alike, and the median and the best (minimum) are reported. Timing is the child's CPU time,
 * not wall time, and on a shared machine the best is the steadier estimate of intrinsic cost. All variants must pop the same sequence: the child folds
 * every popped (time, tie, slot) into a checksum, and the parent flags any disagreement.
 *
 * Workloads (the queue alone, no simulator, pre-drawn increments):
 * - hold: PHOLD's access pattern — pop the earliest entry, push it back at
 *   time + exponential(mean 1 µs) rounded to ns, all at one priority;
 * - mixed: a model-like mix per pop — 20% same-instant follow-ups at a higher priority, 70%
 *   exponential(mean 500 ns), 10% timers uniform in [0, 1 ms).
 * Result: ns per pop+push pair (lower is better) and the child's resident set in MiB.
 *
 * One run (2-core AMD EPYC VM, Node 20.20, best of 3, hold / mixed): at 10K pending
 * event-queue 43 / 92, binary-heap 162 / 108, 4-ary 180 / 112, interleaved 180 / 122,
 * bottom-up 169 / 128, slot-list 40 / 65; at 1M pending event-queue 76 / 106, binary-heap
 * 470 / 418, slot-list 286 / 274. Chosen: event-queue (src/engine/event-queue.ts).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EventQueue } from '../src/engine/event-queue.js';
import { BinaryHeapQueue } from './queues/binary-heap-queue.js';
import { BottomUpHeapQueue } from './queues/bottom-up-heap-queue.js';
import { InterleavedHeapQueue } from './queues/interleaved-heap-queue.js';
import { QuaternaryHeapQueue } from './queues/quaternary-heap-queue.js';
import { SlotListQueue } from './queues/slot-list-queue.js';

/** What the timing loop needs from a queue (the EventQueue interface minus peekSlot/clear). */
interface BenchQueue {
  readonly size: number;
  poppedTime: number;
  poppedTie: number;
  peekTime(): number;
  push(time: number, tie: number, slot: number): void;
  pop(): number;
}

const VARIANTS: Record<string, (capacity: number) => BenchQueue> = {
  'event-queue': (c) => new EventQueue(c),
  'binary-heap': (c) => new BinaryHeapQueue(c),
  'quaternary-heap': (c) => new QuaternaryHeapQueue(c),
  'interleaved-heap': (c) => new InterleavedHeapQueue(c),
  'bottom-up-heap': (c) => new BottomUpHeapQueue(c),
  'slot-list-two-tier': (c) => new SlotListQueue(c),
};
const WORKLOADS = ['hold', 'mixed'] as const;
type Workload = (typeof WORKLOADS)[number];

const TABLE_BITS = 20;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const SEQ_SPAN = 2 ** 45;
const NORMAL = 2;
const HIGH = 1;

interface ChildResult {
  nsPerOp: number;
  checksum: number;
  rssMiB: number;
}

/** Pre-drawn delays (ns) and priorities from xorshift32, so no RNG cost enters the timing. */
function drawTable(workload: Workload): { delay: Float64Array; priority: Uint8Array } {
  const delay = new Float64Array(TABLE_MASK + 1);
  const priority = new Uint8Array(TABLE_MASK + 1).fill(NORMAL);
  let s = 2463534242;
  const uniform = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) + 0.5) / 4294967296;
  };
  for (let i = 0; i <= TABLE_MASK; i++) {
    if (workload === 'hold') {
      delay[i] = Math.round(-1000 * Math.log(uniform()));
      continue;
    }
    const u = uniform();
    if (u < 0.2) priority[i] = HIGH;
    else if (u < 0.9) delay[i] = Math.round(-500 * Math.log(uniform()));
    else delay[i] = Math.floor(uniform() * 1e6);
  }
  return { delay, priority };
}

/**
 * CPU time of this process (user + system) in ns. Used instead of wall time because the
 * machines this runs on are shared: time spent descheduled does not count against a variant.
 */
function cpuNs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

function runChild(variant: string, workload: Workload, pending: number, ops: number): ChildResult {
  const make = VARIANTS[variant];
  if (make === undefined) throw new Error(`unknown variant ${variant}`);
  const { delay, priority } = drawTable(workload);
  const q = make(pending + 16);
  let seq = 0;
  let j = 0;
  for (let slot = 0; slot < pending; slot++, j++) {
    q.push(delay[j] as number, (priority[j] as number) * SEQ_SPAN + seq++, slot);
  }
  let h = 0x811c9dc5;
  const t0 = cpuNs();
  for (let i = 0; i < ops; i++, j++) {
    q.peekTime();
    const slot = q.pop();
    const now = q.poppedTime;
    h = Math.imul(h ^ (now | 0) ^ (q.poppedTie | 0), 0x01000193) ^ slot;
    const k = j & TABLE_MASK;
    q.push(now + (delay[k] as number), (priority[k] as number) * SEQ_SPAN + seq++, slot);
  }
  const ns = cpuNs() - t0;
  return { nsPerOp: ns / ops, checksum: h >>> 0, rssMiB: process.memoryUsage().rss / 2 ** 20 };
}

function spawnChild(variant: string, workload: Workload, pending: number, ops: number): ChildResult {
  const self = fileURLToPath(import.meta.url);
  const args = [...process.execArgv, self, '--child', variant, workload, String(pending), String(ops)];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`child ${variant} ${workload} ${pending} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as ChildResult;
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function main(): void {
  const reps = Number(option('reps', '3'));
  const variants = option('only', Object.keys(VARIANTS).join(',')).split(',');
  const sizes = option('sizes', '40,1000,10000,1000000').split(',').map(Number);
  const workloads = option('workloads', WORKLOADS.join(',')).split(',') as Workload[];
  console.log(
    'variant'.padEnd(20),
    'workload'.padEnd(8),
    'pending'.padStart(8),
    ' median    best  Mop/s(best)  RSS MiB',
  );
  for (const workload of workloads) {
    for (const pending of sizes) {
      const ops = pending >= 1e6 ? 5e6 : 1e7;
      const times = new Map<string, number[]>(variants.map((v) => [v, []]));
      const last = new Map<string, ChildResult>();
      for (let r = 0; r < reps; r++) {
        for (const v of variants) {
          const res = spawnChild(v, workload, pending, ops);
          times.get(v)?.push(res.nsPerOp);
          last.set(v, res);
        }
      }
      const sums = new Set([...last.values()].map((x) => x.checksum));
      for (const v of variants) {
        const ns = times.get(v) ?? [];
        const best = Math.min(...ns);
        const rss = last.get(v)?.rssMiB ?? 0;
        console.log(
          v.padEnd(20),
          workload.padEnd(8),
          String(pending).padStart(8),
          median(ns).toFixed(1).padStart(7),
          best.toFixed(1).padStart(7),
          (1e3 / best).toFixed(2).padStart(12),
          rss.toFixed(0).padStart(8),
        );
      }
      if (sums.size > 1) console.log(`  !! pop sequences differ between variants: ${[...sums].join(' ')}`);
    }
  }
}

if (process.argv[2] === '--child') {
  const [variant, workload, pending, ops] = process.argv.slice(3);
  const res = runChild(variant ?? '', workload as Workload, Number(pending), Number(ops));
  console.log(JSON.stringify(res));
} else {
  main();
}
