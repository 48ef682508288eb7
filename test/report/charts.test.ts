import { describe, expect, it } from 'vitest';
import { chooseCharts, MAX_CHARTS, metricLabel, renderChart } from '../../src/output/charts/index.js';
import { fieldNames, studyOf } from './chart-test-data.js';

const transports = ['per-vf', 'managed-cap', 'admin-vq'];
const scaleStudy = () =>
  studyOf(
    { instances: [1000, 10000, 100000], 'strategy.transport': transports },
    {
      throughput_pps: (p) => Number(p.instances) * 2000,
      ctrl_latency_p99_us: (p) =>
        10 + transports.indexOf(String(p['strategy.transport'])) * Math.log(Number(p.instances)),
      latency_p50_us: () => 8,
      latency_p99_us: (p) => 30 + Number(p.instances) / 1e4,
      latency_p999_us: (p) => 100 + Number(p.instances) / 1e3,
      instances_ready: (p) =>
        Math.min(Number(p.instances), p['strategy.transport'] === 'per-vf' ? 2048 : 1e9),
      instances_rejected: (p) =>
        Math.max(0, Number(p.instances) - 2048) * (p['strategy.transport'] === 'per-vf' ? 1 : 0),
      drop_rate: () => 0,
      devtlb_hit_rate: () => Number.NaN,
      events: (p) => Number(p.instances) * 100,
    },
    {
      victim: { ctrl_latency_p99_us: (p) => 20 + Number(p.instances) / 1e4 },
      noisy: { ctrl_latency_p99_us: (p) => 200 + Number(p.instances) / 1e3 },
    },
  );

describe('chooseCharts', () => {
  it('puts the numeric swept parameter on x and the strategy on color', () => {
    const { manifest, summary } = scaleStudy();
    const { charts } = chooseCharts(manifest, summary);
    const throughput = charts.find((c) => c.name === 'throughput_pps-vs-instances');
    expect(throughput).toBeDefined();
    const spec = throughput?.spec as unknown as { encoding: Record<string, { field: string; type: string }> };
    expect(spec.encoding.x).toMatchObject({ field: 'instances', type: 'quantitative' });
    expect(spec.encoding.color).toMatchObject({ field: 'strategy_transport', type: 'nominal' });
  });

  it('uses field names without dots in every chart', () => {
    const { manifest, summary } = scaleStudy();
    const { charts } = chooseCharts(manifest, summary);
    expect(charts.length).toBeGreaterThan(3);
    for (const chart of charts) {
      const names = fieldNames(chart.spec);
      expect(names.length, chart.name).toBeGreaterThan(0);
      expect(
        names.filter((n) => n.includes('.')),
        chart.name,
      ).toEqual([]);
    }
  });

  it('skips constant and NaN metrics and bookkeeping, and draws the composite charts', () => {
    const { manifest, summary } = scaleStudy();
    const names = chooseCharts(manifest, summary).charts.map((c) => c.name);
    expect(names).not.toContain('drop_rate-vs-instances');
    expect(names).not.toContain('devtlb_hit_rate-vs-instances');
    expect(names).not.toContain('events-vs-instances');
    expect(names).toEqual(
      expect.arrayContaining(['latency-quantiles', 'instances-ready', 'ctrl_latency_p99_us-per-group']),
    );
    // Metrics a composite chart shows get no chart of their own.
    expect(names).not.toContain('latency_p99_us-vs-instances');
    expect(names).not.toContain('instances_ready-vs-instances');
  });

  it('labels the first point with rejections with the exhausted resource', () => {
    const { manifest, summary } = scaleStudy();
    const runs = summary
      .filter((r) => r.metric === 'instances_rejected' && r.mean > 0)
      .map((r) => ({ point: r.point, replication: 0, limit_resource: 'vfs' }));
    const chart = chooseCharts(manifest, summary, runs).charts.find((c) => c.name === 'instances-ready');
    if (chart === undefined) throw new Error('no instances chart');
    const values = (chart.spec as { data: { values: Record<string, unknown>[] } }).data.values;
    const labelled = values.filter((v) => v.limit_resource !== null);
    expect(labelled).toEqual([
      expect.objectContaining({ instances: 10000, strategy_transport: 'per-vf', limit_resource: 'vfs' }),
    ]);
  });

  it('draws bars with the category on x when nothing numeric is swept', () => {
    const { manifest, summary } = studyOf(
      { 'adminq.policy': ['fifo', 'priority', 'drr'] },
      {
        ctrl_latency_p99_us: (p) => ({ fifo: 900, priority: 300, drr: 400 })[String(p['adminq.policy'])] ?? 0,
      },
    );
    const [chart] = chooseCharts(manifest, summary).charts;
    const spec = chart?.spec as {
      encoding: Record<string, { field: string; type: string }>;
      layer: { mark: { type: string } }[];
    };
    expect(spec.encoding.x).toMatchObject({ field: 'adminq_policy', type: 'nominal' });
    expect(spec.layer.map((l) => l.mark.type)).toEqual(['bar', 'errorbar']);
  });

  it(`draws at most ${MAX_CHARTS} charts and says which it left out`, () => {
    const metrics = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [
        `metric_${i}_us`,
        (p: Record<string, unknown>) => Number(p.workers) * (i + 1),
      ]),
    );
    const { manifest, summary } = studyOf({ workers: [1, 2, 4] }, metrics);
    const { charts, notCharted } = chooseCharts(manifest, summary);
    expect(charts).toHaveLength(MAX_CHARTS);
    expect(notCharted).toHaveLength(12 - MAX_CHARTS);
  });

  it('follows the declared charts of a scenario and reports the ones it cannot draw', () => {
    const { manifest, summary } = scaleStudy();
    manifest.charts = [
      { name: 'Control latency', x: 'instances', y: 'ctrl_latency_p99_us', color: 'strategy.transport' },
      { name: 'Per tenant', x: 'strategy.transport', y: 'ctrl_latency_p99_us', color: 'group' },
      { name: 'Bad', x: 'adminq.workers', y: 'throughput_pps' },
      { name: 'tails', x: 'quantile', y: 'latency_p99_us' },
    ];
    const { charts, skipped } = chooseCharts(manifest, summary);
    expect(charts.map((c) => c.name)).toEqual(['control-latency', 'per-tenant', 'tails']);
    expect(fieldNames(charts[2]?.spec)).toContain('quantile');
    expect(skipped).toEqual([expect.stringMatching(/^Bad: x: 'adminq.workers' is not a swept parameter/)]);
    const perTenant = charts[1]?.spec as {
      facet: { field: string };
      spec: { encoding: Record<string, { field: string }> };
    };
    // The undeclared but varying parameter (instances) goes to the facet rather than overplotting.
    expect(perTenant.facet.field).toBe('instances');
    expect(perTenant.spec.encoding.xOffset?.field).toBe('group');
  });
});

describe('metricLabel', () => {
  it('says a known metric in the words of the metric table', () => {
    expect(metricLabel('latency_p999_us')).toBe('packet latency p99.9 (µs)');
    expect(metricLabel('throughput_pps')).toBe('throughput (packets/s)');
    expect(metricLabel('ctrl_latency_p99_us')).toBe('control latency p99 (µs)');
    expect(metricLabel('iotlb_hit_rate')).toBe('IOTLB hit rate (fraction)');
    expect(metricLabel('vectors_used')).toBe('interrupt vectors used');
  });

  it('turns the unit suffix of any other name into a unit', () => {
    expect(metricLabel('queue_wait_p999_us')).toBe('queue wait p99.9 (µs)');
    expect(metricLabel('walk_ns_per_packet')).toBe('walk (ns per packet)');
    expect(metricLabel('slot_util')).toBe('slot util (fraction)');
  });
});

describe('renderChart', () => {
  it('renders SVG with text and a non-trivial PNG, byte-identical on a second render', async () => {
    const { manifest, summary } = scaleStudy();
    const chart = chooseCharts(manifest, summary).charts.find((c) => c.name === 'latency-quantiles');
    if (chart === undefined) throw new Error('no latency chart');
    const first = await renderChart(chart.spec);
    const second = await renderChart(chart.spec);
    expect(first.svg).toMatch(/^<svg/);
    expect(first.svg).toContain('<text');
    expect(first.svg).toContain('latency (µs)');
    expect(second.svg).toBe(first.svg);
    expect(first.warnings).toEqual([]);
    const png = Buffer.from(first.png);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // Width and height from the IHDR chunk: the 2× zoom of a chart several hundred px wide.
    expect(png.readUInt32BE(16)).toBeGreaterThan(600);
    expect(png.readUInt32BE(20)).toBeGreaterThan(300);
    // A PNG with text and lines; an empty white canvas of this size compresses to ~2 kB.
    expect(png.length).toBeGreaterThan(20_000);
  });
});
