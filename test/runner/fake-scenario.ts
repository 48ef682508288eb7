/**
 * A stand-in for `scenario/loadScenario` used by the runner tests: a JSON file describes the
 * points directly, `--set KEY=VALUE` (or a typed override) sets a field of every point's fake config, and the model
 * is `fake-worker.ts` (cheap, deterministic, shaped like RunOutput). It lets the runner, the
 * result files, shards, merge and resume be tested before the real model compiles.
 */
import { readFileSync } from 'node:fs';
import type { ModelConfig } from '../../src/model/config.js';
import type { LoadOptions } from '../../src/runner/scenario-loader.js';
import type { ParamValue, Study } from '../../src/runner/study.js';
import { InputError } from '../../src/util/errors.js';
import { hash53Hex } from '../../src/util/hash.js';
import { stableStringify } from '../../src/util/stable-json.js';

/** What a fake point's config holds (cast into ModelConfig's place). */
export interface FakeConfig {
  strategy: string;
  load: number;
  instances: number;
  /** Busy-wait per run (ms) to make runs take wall time. */
  spinMs: number;
  /** Write an Infinity metric (journal and CSV formatting of non-finite numbers). */
  inf: boolean;
}

export interface FakeDoc {
  name: string;
  description?: string;
  seed: number;
  replications: number;
  base: Partial<FakeConfig>;
  /** Parameter path → values (a cartesian grid, first key outermost). */
  grid?: Record<string, ParamValue[]>;
  charts?: Study['charts'];
}

const DEFAULTS: FakeConfig = {
  strategy: 'a',
  load: 1,
  instances: 100,
  spinMs: 0,
  inf: false,
};

function parseValue(text: string): ParamValue {
  if (text === 'true' || text === 'false') return text === 'true';
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

function grid(g: Record<string, ParamValue[]>): Record<string, ParamValue>[] {
  let combos: Record<string, ParamValue>[] = [{}];
  for (const [key, values] of Object.entries(g)) {
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  }
  return combos;
}

export async function loadFakeScenario(file: string, options: LoadOptions = {}): Promise<Study> {
  let doc: FakeDoc;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8')) as FakeDoc;
  } catch (e) {
    throw new InputError(`cannot read scenario: ${(e as Error).message}`, { file });
  }
  const base: FakeConfig = { ...DEFAULTS, ...doc.base };
  for (const s of options.sets ?? []) {
    const eq = s.indexOf('=');
    const key = s.slice(0, eq);
    if (!(key in DEFAULTS))
      throw new InputError(`unknown key '${key}'`, { file, path: key }, Object.keys(DEFAULTS).join(', '));
    (base as unknown as Record<string, ParamValue>)[key] = parseValue(s.slice(eq + 1));
  }
  // Typed overrides (the capacity search's probes) arrive as values, never as text.
  for (const o of options.overrides ?? []) {
    if (!(o.path in DEFAULTS))
      throw new InputError(
        `unknown key '${o.path}'`,
        { file, path: o.path },
        Object.keys(DEFAULTS).join(', '),
      );
    (base as unknown as Record<string, unknown>)[o.path] = o.value;
  }
  const seed = options.seed ?? doc.seed;
  const replications = options.replications ?? doc.replications;
  const swept = Object.keys(doc.grid ?? {});
  const combos = grid(doc.grid ?? {});
  const document = { ...doc, base, seed, replications };
  return {
    name: doc.name,
    description: doc.description ?? 'fake scenario for runner tests',
    file,
    seed,
    replications,
    durationNs: 1_000_000,
    warmupNs: 100_000,
    document,
    hash: hash53Hex(stableStringify(document)),
    swept,
    points: combos.map((params, index) => ({
      index,
      id: Object.entries(params)
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
      params,
      config: { fake: { ...base, ...params } } as unknown as ModelConfig,
    })),
    charts: doc.charts ?? [],
    expect: [],
    warnings: [],
  };
}
