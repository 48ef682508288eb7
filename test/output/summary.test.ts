import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/model/metrics.js';
import type { RunRecord, StudyInfo } from '../../src/output/records.js';
import { pointLabels, summarizeRuns, summarizeValues } from '../../src/output/summary.js';
import { summaryCsv } from '../../src/output/tables.js';

function record(
  point: number,
  replication: number,
  metrics: Record<string, number | string>,
  groups: RunRecord['output']['groups'] = [],
): RunRecord {
  return {
    index: point * 10 + replication,
    point,
    replication,
    wallMs: 1,
    output: { metrics, groups, fingerprint: 'f', streamNames: [], warnings: [] },
  };
}

describe('summary statistics', () => {
  it('computes mean and the Student-t 95% half-width', () => {
    // values 1..5: mean 3, s = sqrt(2.5), t(0.975, 4) = 2.776445105 (scipy) ⇒ half = 2.776445105·sqrt(2.5)/sqrt(5)
    const s = summarizeValues([1, 2, 3, 4, 5]);
    expect(s.n).toBe(5);
    expect(s.mean).toBe(3);
    expect(s.ci95Half).toBeCloseTo((2.776445105 * Math.sqrt(2.5)) / Math.sqrt(5), 8);
    expect(s.ci95Half).toBeCloseTo(1.963243161, 8);
    expect([s.min, s.max]).toEqual([1, 5]);
  });

  it('ignores empty cells (NaN, missing, strings) and counts what is left', () => {
    const s = summarizeValues([2, Number.NaN, undefined, 'x', 4]);
    expect(s.n).toBe(2);
    expect(s.mean).toBe(3);
    // two values: t(0.975, 1) = 12.7062047, s = sqrt(2) ⇒ half = 12.7062047·sqrt(2)/sqrt(2)
    expect(s.ci95Half).toBeCloseTo(12.7062047, 6);
  });

  it('gives no CI (NaN, an empty cell) for fewer than two values', () => {
    expect(summarizeValues([7]).ci95Half).toBeNaN();
    const empty = summarizeValues([Number.NaN]);
    expect(empty.n).toBe(0);
    expect(empty.mean).toBeNaN();
  });

  it('summarizes per point x group x metric with stable order', () => {
    const g = (group: string, metric: string, value: number) => ({ group, metric, value });
    const records = [
      record(0, 0, { offered_pps: 10 }, [
        g('victim', 'extra_metric', 1),
        g('victim', 'offered_pps', 5),
        g('noisy', 'offered_pps', 1),
      ]),
      record(0, 1, { offered_pps: 20 }, [g('victim', 'offered_pps', 7), g('noisy', 'offered_pps', 3)]),
      record(1, 0, { offered_pps: 30 }, []),
    ];
    const rows = summarizeRuns(records);
    const p0 = rows.filter((r) => r.point === 0);
    expect(p0.filter((r) => r.group === 'all').map((r) => r.metric)).toEqual([...METRICS]);
    expect(p0.filter((r) => r.group !== 'all').map((r) => `${r.group}/${r.metric}`)).toEqual([
      'victim/offered_pps',
      'victim/extra_metric',
      'noisy/offered_pps',
    ]);
    const victim = p0.find((r) => r.group === 'victim' && r.metric === 'offered_pps');
    expect(victim?.mean).toBe(6);
    expect(victim?.n).toBe(2);
    const info = {
      swept: ['adminq.workers'],
      points: [{ index: 0, id: 'a', params: { 'adminq.workers': 4 } }],
    } as unknown as StudyInfo;
    const labels = new Map([[0, { limit_resource: 'msix-vectors', bottleneck: 'msix-vectors' }]]);
    const csv = summaryCsv(
      info,
      rows.filter((r) => r.point === 0),
      labels,
    );
    const lines = csv.split('\n');
    expect(lines[0]).toBe(
      'point,adminq_workers,group,metric,n,mean,ci95_half,min,max,limit_resource,bottleneck',
    );
    expect(lines[1]).toMatch(/^0,4,all,offered_pps,2,15,[0-9.]+,10,20,msix-vectors,msix-vectors$/);
    expect(lines[2]).toBe('0,4,all,throughput_pps,0,,,,,msix-vectors,msix-vectors');
  });

  it("summarizes each resource after the metrics, and names each point's usual limit and bottleneck", () => {
    const use = (resource: string, utilisation: number) => ({
      resource,
      role: 'server' as const,
      capacity: 4,
      utilisation,
      queueMean: 2 * utilisation,
      queueMax: 3,
      queueCapacity: Number.NaN,
      waitMeanUs: 10,
    });
    const withUse = (
      r: RunRecord,
      bottleneck: string,
      ...resources: ReturnType<typeof use>[]
    ): RunRecord => ({
      ...r,
      output: { ...r.output, metrics: { ...r.output.metrics, bottleneck }, resources },
    });
    const records = [
      withUse(
        record(0, 0, { limit_resource: '' }),
        'data-engines',
        use('data-engines', 0.9),
        use('host-cores', 0.1),
      ),
      withUse(
        record(0, 1, { limit_resource: '' }),
        'data-engines',
        use('data-engines', 0.7),
        use('host-cores', 0.3),
      ),
      withUse(
        record(0, 2, { limit_resource: '' }),
        'host-cores',
        use('data-engines', 0.2),
        use('host-cores', 0.8),
      ),
    ];
    const rows = summarizeRuns(records).filter((r) => !(METRICS as readonly string[]).includes(r.metric));
    expect(rows.map((r) => [r.metric, r.n])).toEqual([
      ['data_engines_util', 3],
      ['data_engines_queue_mean', 3],
      ['data_engines_wait_mean_us', 3],
      ['host_cores_util', 3],
      ['host_cores_queue_mean', 3],
      ['host_cores_wait_mean_us', 3],
    ]);
    expect(rows[0]?.mean).toBeCloseTo(0.6, 12);
    // Two of three replications bind on the engines; no replication was admission-bound.
    expect(pointLabels(records).get(0)).toEqual({ limit_resource: '', bottleneck: 'data-engines' });
  });
});
