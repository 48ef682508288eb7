/**
 * A loader for the REAL model that needs no scenario files: it builds ModelConfigs from the
 * control-plane test fixture (test/model/control/fixture-config.ts) and applies dotted-path
 * sets and sweeps to them. Used to exercise the real worker path before `scenario/` lands.
 * The "file" is JSON: { name, seed, replications, durationNs, sets: [...], grid: {path: values} }.
 */
import { readFileSync } from 'node:fs';
import type { ModelConfig } from '../../src/model/config.js';
import type { LoadOptions } from '../../src/runner/scenario-loader.js';
import type { ParamValue, Study } from '../../src/runner/study.js';
import { InputError } from '../../src/util/errors.js';
import { hash53Hex } from '../../src/util/hash.js';
import { stableStringify } from '../../src/util/stable-json.js';
import { fixtureConfig, group } from '../model/control/fixture-config.js';

export interface ModelDoc {
  name: string;
  seed: number;
  replications: number;
  durationNs: number;
  warmupNs?: number;
  /** Packets per second per instance (0 = control plane only). */
  ratePps?: number;
  sets?: string[];
  grid?: Record<string, ParamValue[]>;
}

function parseValue(text: string): ParamValue {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

/** Sets `path` (dotted) in a config; `instances` also resizes the single workload group. */
function apply(config: ModelConfig, path: string, value: ParamValue, file: string): void {
  const keys = path.split('.');
  let node = config as unknown as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) {
    const next = node[k];
    if (next === null || typeof next !== 'object')
      throw new InputError(`unknown key '${path}'`, { file, path });
    node = next as Record<string, unknown>;
  }
  const last = keys[keys.length - 1] as string;
  if (!(last in node)) throw new InputError(`unknown key '${path}'`, { file, path });
  node[last] = value;
  if (path === 'instances') {
    const g = config.workload.groups[0];
    if (g) g.count = Number(value);
  }
}

export async function loadModelFixture(file: string, options: LoadOptions = {}): Promise<Study> {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as ModelDoc;
  const sets = [...(doc.sets ?? []), ...(options.sets ?? [])];
  const seed = options.seed ?? doc.seed;
  const replications = options.replications ?? doc.replications;
  const swept = Object.keys(doc.grid ?? {});
  let combos: Record<string, ParamValue>[] = [{}];
  for (const [k, values] of Object.entries(doc.grid ?? {}))
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [k]: v })));
  const build = (params: Record<string, ParamValue>) => {
    const config = fixtureConfig(10);
    config.workload.groups = [
      group('g0', 10, { traffic: { ...group('g0', 1).traffic, ratePps: doc.ratePps ?? 0 } }),
    ];
    for (const s of sets) {
      const eq = s.indexOf('=');
      apply(config, s.slice(0, eq), parseValue(s.slice(eq + 1)), file);
    }
    // Typed overrides (the capacity search's probes) arrive as values, never as text.
    for (const o of options.overrides ?? []) apply(config, o.path, o.value as ParamValue, file);
    for (const [k, v] of Object.entries(params)) apply(config, k, v, file);
    return config;
  };
  const document = { ...doc, sets, seed, replications };
  return {
    name: doc.name,
    description: 'real model on the control-plane fixture config',
    file,
    seed,
    replications,
    durationNs: doc.durationNs,
    warmupNs: doc.warmupNs ?? 0,
    document,
    hash: hash53Hex(stableStringify(document)),
    swept,
    points: combos.map((params, index) => ({
      index,
      id: Object.entries(params)
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
      params,
      config: build(params),
    })),
    charts: [],
    expect: [],
    warnings: [],
  };
}
