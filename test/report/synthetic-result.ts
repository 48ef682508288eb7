import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { summarize } from '../../src/stats/index.js';

/**
 * Small synthetic result folders in the shape `vdpascale run` writes (README, "Result
 * folder"), for developing and testing the report and the notebooks before real results
 * exist. The numbers only have plausible shapes (limits, tails, a noisy tenant); they come
 * from a fixed LCG, so the files are identical on every call.
 */
export type SyntheticKind = 'scale-transports' | 'adminq-qos';

type Params = Record<string, string | number>;
type Metrics = Record<string, number | string>;

interface Study {
  name: string;
  description: string;
  swept: Record<string, readonly (string | number)[]>;
  replications: number;
  groups: readonly string[];
  run: (
    p: Params,
    noise: () => number,
  ) => { metrics: Metrics; groups: Record<string, Record<string, number>> };
}

const TRANSPORT_LIMIT: Record<string, [number, string] | undefined> = {
  'per-vf': [2048, 'vfs'],
  'managed-cap': [32768, 'msix-vectors'],
  'admin-vq': undefined,
};

const STUDIES: Record<SyntheticKind, Study> = {
  'scale-transports': {
    name: 'scale-transports',
    description: 'Transports compared from 1k to 100k instances (synthetic fixture)',
    swept: { instances: [1000, 10000, 100000], 'strategy.transport': ['per-vf', 'managed-cap', 'admin-vq'] },
    replications: 3,
    groups: ['tenant-a', 'tenant-b'],
    run: scaleRun,
  },
  'adminq-qos': {
    name: 'adminq-qos',
    description:
      "Victim tenants' control latency while noisy tenants flood the admin queue (synthetic fixture)",
    swept: { 'adminq.policy': ['fifo', 'priority', 'drr'], 'adminq.workers': [1, 4] },
    replications: 3,
    groups: ['noisy', 'victim'],
    run: qosRun,
  },
};

function scaleRun(p: Params, noise: () => number) {
  const requested = Number(p.instances);
  const limit = TRANSPORT_LIMIT[String(p['strategy.transport'])];
  const ready = limit === undefined ? requested : Math.min(requested, limit[0]);
  const perCmdUs = { 'per-vf': 40, 'managed-cap': 25, 'admin-vq': 12 }[String(p['strategy.transport'])] ?? 20;
  const offered = ready * 2000;
  const throughput = offered * (0.999 - 0.02 * Math.log10(ready / 1000 + 1) * noise());
  const p50 = 8 + 2 * noise();
  const metrics: Metrics = {
    offered_pps: offered,
    throughput_pps: throughput,
    latency_p50_us: p50,
    latency_p99_us: p50 * (4 + noise()),
    latency_p999_us: p50 * (15 + 3 * noise()),
    ctrl_latency_p99_us: perCmdUs * (1 + Math.log2(ready / 1000 + 1)) * (0.9 + 0.2 * noise()),
    provision_makespan_ms: (ready * perCmdUs) / 1000 / 4 + 5 * noise(),
    instances_ready: ready,
    instances_rejected: requested - ready,
    limit_resource: limit !== undefined && requested > limit[0] ? limit[1] : '',
    bottleneck: limit !== undefined && requested > limit[0] ? limit[1] : 'data-engines',
    // An exhausted limit is fully used; otherwise the engines' utilisation, as in resources.csv.
    bottleneck_util: limit !== undefined && requested > limit[0] ? 1 : Math.min(1, offered / 2e8),
    iotlb_hit_rate: 0.99 - 0.05 * Math.log10(ready / 1000 + 1) - 0.01 * noise(),
    events: Math.round(ready * 150 * (1 + 0.01 * noise())),
    sim_time_ms: 200,
  };
  const split = 0.6 + 0.05 * noise();
  const groups = {
    'tenant-a': {
      throughput_pps: throughput * split,
      ctrl_latency_p99_us: Number(metrics.ctrl_latency_p99_us),
    },
    'tenant-b': {
      throughput_pps: throughput * (1 - split),
      ctrl_latency_p99_us: Number(metrics.ctrl_latency_p99_us) * 1.1,
    },
  };
  return { metrics, groups };
}

function qosRun(p: Params, noise: () => number) {
  const workers = Number(p['adminq.workers']);
  const policy = String(p['adminq.policy']);
  const protect = { fifo: 1, priority: 0.15, drr: 0.3 }[policy] ?? 1;
  const victim = (2000 / workers) * protect * (0.85 + 0.3 * noise()) + 60;
  const noisy = (1500 / workers) * (2 - protect) * (0.85 + 0.3 * noise()) + 60;
  const metrics: Metrics = {
    ctrl_ops_per_s: 5000 * workers * (0.95 + 0.1 * noise()),
    ctrl_latency_p99_us: Math.max(victim, noisy),
    adminq_wait_p99_us: Math.max(victim, noisy) * 0.8,
    adminq_util: Math.min(0.99, 0.95 / Math.sqrt(workers) + 0.02 * noise()),
    adminq_fairness_jain: policy === 'fifo' ? 0.55 + 0.05 * noise() : 0.9 + 0.08 * noise(),
    latency_p50_us: 9 + 0.05 * noise(),
    latency_p99_us: 30 + 0.2 * noise(),
    latency_p999_us: 90 + 0.5 * noise(),
    throughput_pps: 2e7 * (1 + 0.001 * noise()),
    limit_resource: '',
    bottleneck: 'adminq-workers',
    events: 400000 + Math.round(1000 * noise()),
    sim_time_ms: 200,
  };
  metrics.bottleneck_util = Number(metrics.adminq_util); // the workers bind (resources.csv says the same)
  const groups = {
    noisy: { ctrl_latency_p99_us: noisy, ctrl_ops_per_s: 4000 * workers * (0.9 + 0.1 * noise()) },
    victim: { ctrl_latency_p99_us: victim, ctrl_ops_per_s: 1000 * workers * (0.95 + 0.1 * noise()) },
  };
  return { metrics, groups };
}

/** A fixed 32-bit LCG (Numerical Recipes constants): uniform [0, 1), same sequence everywhere. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Six significant digits keep the CSVs short and exact to re-read. */
function round(x: number): number {
  return Number(x.toPrecision(6));
}

function cartesian(swept: Study['swept']): Params[] {
  return Object.entries(swept).reduce<Params[]>(
    (acc, [path, values]) => acc.flatMap((p) => values.map((v) => ({ ...p, [path]: v }))),
    [{}],
  );
}

/**
 * resources.csv rows: the resource each study turns on (data-path engines, or the admin
 * queue's workers and ring) with a utilisation from its own metrics, and lightly used host cores.
 */
function resourcesCsv(
  kind: SyntheticKind,
  runs: readonly { point: number; replication: number; metrics: Metrics }[],
): string[] {
  const lines = [
    'point,replication,resource,role,capacity,utilisation,queue_mean,queue_max,queue_capacity,wait_mean_us',
  ];
  for (const r of runs) {
    const row = (resource: string, role: string, capacity: number, u: number, queue: number, bound: string) =>
      lines.push(
        [
          r.point,
          r.replication,
          resource,
          role,
          capacity,
          round(u),
          round(queue),
          Math.ceil(queue),
          bound,
          round(queue * 10),
        ].join(','),
      );
    if (kind === 'adminq-qos') {
      const u = Number(r.metrics.adminq_util);
      row('adminq-workers', 'server', 4, u, u * 3, '');
      row('adminq-queue-0', 'buffer', 32, u * 0.9, 0, '');
    } else {
      row('data-engines', 'server', 8, Math.min(1, Number(r.metrics.offered_pps) / 2e8), 0.5, '');
    }
    row('host-cores', 'accounted', 4, 0.01, 0, '');
  }
  return lines;
}

/** The files of a synthetic result folder, file name → content. */
export function syntheticResultFiles(kind: SyntheticKind): Record<string, string> {
  const study = STUDIES[kind];
  const noise = lcg(kind.length * 7919 + 1);
  const points = cartesian(study.swept);
  const paths = Object.keys(study.swept);
  const columns = paths.map((p) => p.replace(/\./g, '_'));
  const runs = points.flatMap((params, point) =>
    Array.from({ length: study.replications }, (_, replication) => ({
      point,
      replication,
      seed: 1000 + point * 100 + replication,
      params,
      ...study.run(params, noise),
    })),
  );
  const metricNames = Object.keys(runs[0]?.metrics ?? {});
  const numericMetrics = metricNames.filter((m) => typeof runs[0]?.metrics[m] === 'number');
  const cell = (v: string | number) => (typeof v === 'number' ? String(round(v)) : v);
  const runsCsv = [
    ['point', 'replication', 'seed', ...columns, ...metricNames].join(','),
    ...runs.map((r) =>
      [
        r.point,
        r.replication,
        r.seed,
        ...paths.map((p) => r.params[p] ?? ''),
        ...metricNames.map((m) => r.metrics[m] ?? ''),
      ]
        .map(cell)
        .join(','),
    ),
  ];
  const groupsCsv = ['point,replication,group,metric,value'];
  for (const r of runs) {
    for (const g of study.groups) {
      for (const [m, v] of Object.entries(r.groups[g] ?? {}))
        groupsCsv.push([r.point, r.replication, g, m, round(v)].join(','));
    }
  }
  const summaryCsv = [
    ['point', ...columns, 'group', 'metric', 'n', 'mean', 'ci95_half', 'min', 'max'].join(','),
  ];
  points.forEach((params, point) => {
    const mine = runs.filter((r) => r.point === point);
    const lead = [point, ...paths.map((p) => params[p] ?? '')];
    const add = (group: string, metric: string, values: number[]) => {
      const s = summarize(values.map(round));
      summaryCsv.push([...lead, group, metric, s.n, s.mean, s.ci95Half, s.min, s.max].map(cell).join(','));
    };
    for (const m of numericMetrics)
      add(
        'all',
        m,
        mine.map((r) => Number(r.metrics[m])),
      );
    for (const g of study.groups) {
      const metrics = Object.keys(mine[0]?.groups[g] ?? {});
      for (const m of metrics)
        add(
          g,
          m,
          mine.map((r) => r.groups[g]?.[m] ?? Number.NaN),
        );
    }
  });
  const manifest = {
    name: study.name,
    description: study.description,
    scenario: { name: study.name, description: study.description, seed: 1, replications: study.replications },
    scenario_hash: `sha256:${kind === 'adminq-qos' ? 'a1' : 'b2'}${'0'.repeat(62)}`,
    seed: 1,
    replications: study.replications,
    rng: 'alea',
    stream_names: ['workload', 'service'],
    version: '0.1.0',
    git_commit: '0000000000000000000000000000000000000000',
    points: points.map((params, point) => ({ point, params })),
    swept: paths,
    fingerprint: `fp-${kind}`,
    timings: { wall_s: 1.5, runs: runs.length },
    warnings:
      kind === 'adminq-qos' ? ['strategy.cvq is ignored by transport per-vf (synthetic warning)'] : [],
  };
  const scenarioYaml = `name: ${study.name}\ndescription: ${JSON.stringify(study.description)}\nseed: 1\nreplications: ${study.replications}\n`;
  return {
    'runs.csv': `${runsCsv.join('\n')}\n`,
    'groups.csv': `${groupsCsv.join('\n')}\n`,
    'resources.csv': `${resourcesCsv(kind, runs).join('\n')}\n`,
    'summary.csv': `${summaryCsv.join('\n')}\n`,
    'manifest.json': `${JSON.stringify(manifest, null, 2)}\n`,
    'scenario.yaml': scenarioYaml,
  };
}

/** Writes a synthetic result folder `<root>/<kind>/` and returns its path. */
export async function writeSyntheticResult(root: string, kind: SyntheticKind): Promise<string> {
  const dir = join(root, kind);
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(syntheticResultFiles(kind)))
    await writeFile(join(dir, file), text);
  return dir;
}
