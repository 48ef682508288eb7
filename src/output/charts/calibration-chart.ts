/**
 * The chart of a calibration's result folder: the measured curve and the best fit's simulated
 * one (mean ± 95% CI over replications) against the curve's x, from calibration.csv
 * (output/calibration-study.ts). Log x when the values span more than a decade (window sweeps).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { NamedChart } from './named-chart.js';

export function calibrationChart(dir: string, metric: string): NamedChart | undefined {
  const file = join(dir, 'calibration.csv');
  if (!existsSync(file)) return undefined;
  const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
  const xName = (header ?? 'x').split(',')[0] as string;
  const values = rows.flatMap((line) => {
    const [x, measured, simulated, half] = line.split(',').map(Number) as [number, number, number, number];
    const ci = Number.isFinite(half) ? half : 0;
    return [
      { x, series: 'measured', value: measured, lo: measured, hi: measured },
      { x, series: 'simulated', value: simulated, lo: simulated - ci, hi: simulated + ci },
    ];
  });
  const xs = values.map((v) => v.x).filter((x) => x > 0);
  const log = xs.length > 1 && Math.max(...xs) / Math.min(...xs) > 10;
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    title: xName,
    scale: log ? { type: 'log' as const } : {},
  };
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `${metric}: measured vs simulated (best fit)`,
    width: 480,
    height: 280,
    data: { values },
    layer: [
      {
        mark: { type: 'line', point: true },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: metric },
          color: { field: 'series', type: 'nominal', title: null },
        },
      },
      {
        mark: 'rule',
        encoding: {
          x,
          y: { field: 'lo', type: 'quantitative' },
          y2: { field: 'hi' },
          color: { field: 'series', type: 'nominal' },
        },
      },
    ],
  };
  return { name: 'measured-vs-simulated', title: `${metric}: measured vs simulated`, spec };
}
