/**
 * Cost of the random draws a PHOLD event makes (one `below(n)` and one `exponential`):
 *
 *   npx tsx bench/random-stream-cost.ts [--reps 5]
 *
 * Compares RandomStream (seedrandom's Alea closure) with the alternative tried for the engine —
 * the same Alea step run on plain fields of a class (FieldAlea below, bit-identical numbers) —
 * and shows the parts: two bare uniforms and Math.log alone. Finding: no gain from FieldAlea
 * (the JIT inlines the monomorphic closure call); Math.log is about half the cost.
 *
 * Each variant runs in its own child process (fresh JIT); the median and best of --reps runs
 * are shown, in CPU time (user + system), which is robust to being descheduled on a shared
 * machine. Also checks that both generators produce the same numbers.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { RandomStream } from '../src/random/random-stream.js';

const DRAWS = 20_000_000;
const SEED = 'bench|random-stream';

/**
 * Alea (Baagøe 2010) stepped on fields, seeded from seedrandom's state. Fields start as
 * numbers: an ES2022 field declared without an initialiser starts as `undefined`, fixing its
 * representation to tagged, and each double store then allocates (measured over 2× slower).
 */
class FieldAlea {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private c = 0;

  constructor(seedText: string) {
    const state = seedrandom.alea(seedText, { state: true }).state();
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
    this.c = state.c;
  }

  random(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10;
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    this.s2 = t - this.c;
    return this.s2;
  }
}

const VARIANTS: Record<string, () => number> = {
  'RandomStream below+exp': () => {
    const rng = new RandomStream('bench', SEED);
    let acc = 0;
    for (let i = 0; i < DRAWS; i++) acc += rng.below(1000) + rng.exponential(1000);
    return acc;
  },
  'FieldAlea below+exp': () => {
    const rng = new FieldAlea(SEED);
    let acc = 0;
    for (let i = 0; i < DRAWS; i++) {
      acc += Math.floor(rng.random() * 1000) + -1000 * Math.log(1 - rng.random());
    }
    return acc;
  },
  'RandomStream 2x random': () => {
    const rng = new RandomStream('bench', SEED);
    let acc = 0;
    for (let i = 0; i < DRAWS; i++) acc += rng.random() + rng.random();
    return acc;
  },
  'Math.log alone': () => {
    let acc = 0;
    for (let i = 1; i <= DRAWS; i++) acc += Math.log(i * 4.6e-8);
    return acc;
  },
};

function child(name: string): void {
  const run = VARIANTS[name];
  if (run === undefined) throw new Error(`unknown variant ${name}`);
  const t0 = process.cpuUsage();
  const sink = run();
  const used = process.cpuUsage(t0);
  const ns = ((used.user + used.system) * 1000) / DRAWS;
  console.log(JSON.stringify({ ns, sink }));
}

function main(): void {
  const a = new RandomStream('check', SEED);
  const b = new FieldAlea(SEED);
  for (let i = 0; i < 1000; i++)
    if (a.random() !== b.random()) throw new Error(`sequences differ at draw ${i}`);
  const at = process.argv.indexOf('--reps');
  const reps = at >= 0 ? Number(process.argv[at + 1]) : 3;
  const self = fileURLToPath(import.meta.url);
  const times = new Map<string, number[]>();
  for (let r = 0; r < reps; r++) {
    for (const name of Object.keys(VARIANTS)) {
      const out = spawnSync(process.execPath, [...process.execArgv, self, '--child', name], {
        encoding: 'utf8',
      });
      if (out.status !== 0) throw new Error(out.stderr);
      const { ns } = JSON.parse(out.stdout) as { ns: number };
      times.set(name, [...(times.get(name) ?? []), ns]);
    }
  }
  for (const [name, ns] of times) {
    const sorted = ns.sort((x, y) => x - y);
    const med = (sorted[sorted.length >> 1] ?? 0).toFixed(1);
    const best = (sorted[0] ?? 0).toFixed(1);
    console.log(`${name.padEnd(30)} median ${med.padStart(6)}  best ${best.padStart(6)} ns per iteration`);
  }
}

if (process.argv[2] === '--child') child(process.argv[3] ?? '');
else main();
