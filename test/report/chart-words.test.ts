/**
 * Charts a spec author can paste into a proposal: log axes by a stated rule, every title in
 * words (no raw paths, no `[`), special values said as such, categories in the sweep's order,
 * a zipped sweep as one dimension, at most a page wide, and a print-resolution PNG.
 */
import { describe, expect, it } from 'vitest';
import { MAX_WIDTH } from '../../src/output/charts/chart-size.js';
import { wantsLogScale } from '../../src/output/charts/chart-values.js';
import { chooseCharts, renderChart } from '../../src/output/charts/index.js';
import type { ParamValue, ResultManifest } from '../../src/output/charts/result-data.js';
import { studyOf } from './chart-test-data.js';

/** The chart-words studies: a grid, a zip or both, in the shape of studyOf's arguments. */
function study(options: {
  grid?: Record<string, readonly ParamValue[]>;
  zip?: Record<string, readonly ParamValue[]>;
  metrics: Record<string, (p: Record<string, ParamValue>) => number>;
  groups?: Record<string, Record<string, (p: Record<string, ParamValue>) => number>>;
  charts?: ResultManifest['charts'];
}) {
  return studyOf(options.grid ?? {}, options.metrics, options.groups ?? {}, {
    zip: options.zip,
    charts: options.charts,
  });
}

/** Every title a spec shows: chart, axes, legends, facet headers (and their labels' data). */
function titlesOf(spec: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown, key?: string): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n, key);
      return;
    }
    if (node === null || typeof node !== 'object') {
      if (key === 'title' || key === 'text' || key === 'subtitle') out.push(String(node));
      return;
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'data' && k !== 'config') walk(v, k);
  };
  walk(spec);
  return out;
}

const DOTTED_PATH = /[A-Za-z]\.[A-Za-z]/;

function present<T>(x: T | undefined): T {
  if (x === undefined) throw new Error('expected a chart');
  return x;
}

const qos = () =>
  study({
    grid: {
      'adminq.policy': ['fifo', 'priority', 'drr'],
      'workload.groups[1].control.limit': ['none', '{ rate: 1k/s, burst: 32 }'],
      'adminq.deviceInflightLimit': [32, 64],
    },
    metrics: {
      ctrl_latency_p99_us: (p) => (p['adminq.policy'] === 'fifo' ? 5e5 : 900),
      adminq_util: () => 0.9,
    },
    groups: {
      victim: {
        // 10^2 µs protected … 10^6 µs behind the noisy tenant: four decades.
        ctrl_latency_p99_us: (p) => (p['workload.groups[1].control.limit'] === 'none' ? 1e6 : 100),
      },
      noisy: { ctrl_latency_p99_us: () => 2e6 },
    },
    charts: [
      {
        name: 'p99-per-tenant',
        x: 'adminq.policy',
        y: 'ctrl_latency_p99_us',
        color: 'group',
        facet: 'workload.groups[1].control.limit',
        kind: 'bar',
      },
    ],
  });

describe('the log-scale rule', () => {
  it('is: more than two decades between the smallest and the largest positive value', () => {
    expect(wantsLogScale([100, 1e6])).toBe(true);
    expect(wantsLogScale([100, 10_001])).toBe(true);
    expect(wantsLogScale([100, 10_000])).toBe(false);
    expect(wantsLogScale([0, 1e6])).toBe(false); // a log axis cannot show 0
  });

  it('gives a metric spanning 10^2..10^6 a log axis, with dots instead of bars', () => {
    const { manifest, summary } = qos();
    const [chart] = chooseCharts(manifest, summary).charts;
    const spec = chart?.spec as { spec: { layer: { mark: { type: string }; encoding: { y?: unknown } }[] } };
    const [mean] = spec.spec.layer;
    expect(mean?.mark.type).toBe('point');
    expect(mean?.encoding.y).toMatchObject({ scale: { type: 'log' } });
  });

  it('keeps a metric within two decades on a linear axis with bars', () => {
    const { manifest, summary } = study({
      grid: { 'adminq.policy': ['fifo', 'drr'] },
      metrics: { ctrl_latency_p99_us: (p) => (p['adminq.policy'] === 'fifo' ? 900 : 120) },
    });
    const [chart] = chooseCharts(manifest, summary).charts;
    const spec = chart?.spec as { layer: { mark: { type: string }; encoding: { y?: unknown } }[] };
    expect(spec.layer[0]?.mark.type).toBe('bar');
    expect(spec.layer[0]?.encoding.y).toMatchObject({ scale: { zero: true } });
  });
});

describe('titles in words', () => {
  it('has no `[` and no dotted path in any title, facet header or legend', () => {
    const { manifest, summary } = qos();
    const declared = chooseCharts(manifest, summary).charts;
    const automatic = chooseCharts({ ...manifest, charts: undefined }, summary).charts;
    expect(declared.length + automatic.length).toBeGreaterThan(2);
    for (const chart of [...declared, ...automatic]) {
      const titles = titlesOf(chart.spec);
      expect(titles.length, chart.name).toBeGreaterThan(2);
      for (const t of titles) {
        expect(t, chart.name).not.toContain('[');
        expect(t, chart.name).not.toMatch(DOTTED_PATH);
      }
    }
    const [p99] = declared;
    expect(p99?.title).toBe('Control latency p99 per tenant by admin-queue policy');
    const facet = (p99?.spec as { facet?: Record<string, { title: string }> } | undefined)?.facet ?? {};
    expect(Object.values(facet).map((f) => f.title)).toEqual(
      expect.arrayContaining(['noisy: control rate limit', 'device in-flight limit']),
    );
  });

  it('says a special value as such: `limit: none` reads "no limit"', () => {
    const { manifest, summary } = qos();
    const [chart] = chooseCharts(manifest, summary).charts;
    const values = (present(chart).spec as { data: { values: Record<string, unknown>[] } }).data.values;
    const limits = new Set(values.map((v) => v.workload_groups_1_control_limit));
    expect(limits).toEqual(new Set(['no limit', 'rate 1k/s, burst 32']));
  });
});

describe('layout', () => {
  it('orders categories as the sweep declares them, not alphabetically', () => {
    const { manifest, summary } = study({
      grid: { 'iommu.iotlb.pageSize': ['4KiB', '2MiB'], 'adminq.policy': ['fifo', 'priority', 'drr'] },
      metrics: { throughput_gbps: (p) => (p['iommu.iotlb.pageSize'] === '4KiB' ? 60 : 72) },
    });
    const [chart] = chooseCharts(manifest, summary).charts;
    const spec = chart?.spec as { encoding: Record<string, { sort?: string[]; title?: string }> };
    expect(spec.encoding.x).toMatchObject({ title: 'IOTLB page size', sort: ['4KiB', '2MiB'] });
    expect(spec.encoding.color).toMatchObject({
      title: 'admin-queue policy',
      sort: ['fifo', 'priority', 'drr'],
    });
  });

  it('draws a zipped sweep as one dimension: no facet, one label per point', () => {
    const { manifest, summary } = study({
      zip: {
        'strategy.transport': ['per-vf', 'managed-cap', 'admin-vq'],
        'strategy.provisioning': ['netlink', 'managed-cap-create', 'admin-vq'],
      },
      metrics: {
        provision_makespan_ms: (p) =>
          ({ 'per-vf': 1e5, 'managed-cap': 3500, 'admin-vq': 330 })[String(p['strategy.transport'])] ?? 0,
      },
      charts: [{ name: 'makespan', x: 'strategy.transport', y: 'provision_makespan_ms', kind: 'bar' }],
    });
    for (const m of [manifest, { ...manifest, charts: undefined }]) {
      const [chart] = chooseCharts(m, summary).charts;
      const spec = chart?.spec as { facet?: unknown; data: { values: Record<string, unknown>[] } };
      expect(spec.facet, chart?.name).toBeUndefined();
      expect(spec.data.values).toHaveLength(3);
    }
    const [declared] = chooseCharts(manifest, summary).charts;
    const labels = (
      present(declared).spec as { data: { values: Record<string, unknown>[] } }
    ).data.values.map((v) => v.strategy_transport);
    expect(labels).toEqual(['per-vf · netlink', 'managed-cap · managed-cap-create', 'admin-vq · admin-vq']);
  });

  it('wraps facets into rows at most three panels wide, filling rows (4 → 2 × 2), within the page width', () => {
    const counts = [2, 4, 5, 9];
    for (const n of counts) {
      const { manifest, summary } = study({
        grid: {
          instances: [1000, 10000, 100000],
          'strategy.transport': ['per-vf', 'admin-vq'],
          'adminq.service': Array.from({ length: n }, (_, i) => `${i + 1}0us`),
        },
        metrics: { throughput_pps: (p) => Number(p.instances) * 10 },
      });
      const chart = chooseCharts(manifest, summary).charts.find((c) => c.name.startsWith('throughput_pps'));
      const spec = chart?.spec as {
        columns?: number;
        spec: { width: number };
        resolve?: { axis?: { x?: string } };
      };
      const columns = spec.columns ?? 0;
      expect(columns, `${n} panels`).toBe(n <= 3 ? n : n === 4 ? 2 : 3);
      expect(columns * spec.spec.width + (columns - 1) * 20, `${n} panels`).toBeLessThanOrEqual(MAX_WIDTH);
      // A short last row draws each panel's axis under it, never under empty cells.
      if (n % columns !== 0) expect(spec.resolve?.axis?.x).toBe('independent');
    }
  });

  it('puts the legend below the plot, never beside it', () => {
    const { manifest, summary } = qos();
    const [chart] = chooseCharts(manifest, summary).charts;
    const config = (present(chart).spec as { config: { legend: { orient: string } } }).config;
    expect(config.legend.orient).toBe('bottom');
  });
});

describe('renderChart', () => {
  it('renders a 300 dpi PNG that says its resolution', async () => {
    const { manifest, summary } = qos();
    const [chart] = chooseCharts(manifest, summary).charts;
    if (chart === undefined) throw new Error('no chart');
    const screen = Buffer.from((await renderChart(chart.spec)).png);
    const print = Buffer.from((await renderChart(chart.spec, 300)).png);
    const widthOf = (png: Buffer) => png.readUInt32BE(16);
    expect(widthOf(print) / widthOf(screen)).toBeCloseTo(300 / 192, 2);
    const phys = print.indexOf('pHYs');
    expect(phys).toBeGreaterThan(0);
    // Pixels per metre: 300 / 0.0254 ≈ 11811.
    expect(print.readUInt32BE(phys + 4)).toBe(11811);
  });
});
