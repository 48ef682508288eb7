import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../src/cli/commands/report.js';
import type { CliIO } from '../../src/cli/io.js';
import { parseCsv, readResultFolder, writeReport } from '../../src/output/report/index.js';
import { InputError } from '../../src/util/errors.js';
import { syntheticResultFiles, writeSyntheticResult } from './synthetic-result.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vdpascale-report-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, embedded newlines and CRLF', () => {
    const text = 'a,b,c\r\n1,"x, ""y""",\r\n2,"line\nbreak",z';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, "y"', ''],
      ['2', 'line\nbreak', 'z'],
    ]);
  });
});

describe('readResultFolder', () => {
  it('types swept columns: numbers stay numbers, strategies stay strings', async () => {
    const dir = await writeSyntheticResult(root, 'scale-transports');
    const folder = await readResultFolder(dir);
    expect(folder.paramColumns).toEqual(['instances', 'strategy_transport']);
    expect(folder.summary[0]?.params).toEqual({ instances: 1000, strategy_transport: 'per-vf' });
    expect(folder.runs.find((r) => r.limit_resource === 'vfs')).toBeDefined();
    expect(folder.groups.length).toBeGreaterThan(0);
  });

  it('rejects a missing folder, a folder without manifest, and a bad manifest as bad input', async () => {
    await expect(readResultFolder(join(root, 'nope'))).rejects.toThrow(InputError);
    const bare = await mkdtemp(join(root, 'bare-'));
    await expect(readResultFolder(bare)).rejects.toThrow(
      /missing; is this a folder written by `vdpascale run`/,
    );
    const bad = await writeSyntheticResult(join(root, 'bad'), 'adminq-qos');
    await writeFile(join(bad, 'manifest.json'), '{"points": 3}');
    await expect(readResultFolder(bad)).rejects.toThrow(/not a vdpascale manifest/);
  });
});

describe('writeReport', () => {
  it('writes every chart three ways, the assets and a self-contained report.html', async () => {
    const dir = await writeSyntheticResult(join(root, 'full'), 'adminq-qos');
    const { reportPath, charts } = await writeReport(dir);
    expect(charts.length).toBeGreaterThanOrEqual(4);
    const files = await readdir(join(dir, 'charts'));
    for (const name of charts) {
      expect(files).toEqual(expect.arrayContaining([`${name}.vl.json`, `${name}.svg`, `${name}.png`]));
    }
    expect((await readdir(join(dir, 'assets'))).sort()).toEqual([
      'vega-embed.min.js',
      'vega-lite.min.js',
      'vega.min.js',
    ]);
    const html = await readFile(reportPath, 'utf8');
    expect(html).toContain('adminq-qos');
    expect(html).toContain('synthetic warning');
    expect(html).toContain('sha256:a1');
    expect(html).not.toMatch(/https?:\/\/(?!vega\.github\.io\/schema)/); // nothing to fetch from the network
    const specs = JSON.parse(/id="vdpascale-specs">(.*?)<\/script>/s.exec(html)?.[1] ?? '[]') as unknown[];
    expect(specs).toHaveLength(charts.length);
    // No temporary files left behind by the atomic writes.
    const all = [...(await readdir(dir)), ...files];
    expect(all.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('gives the same SVG bytes on a rebuild and removes charts it no longer draws', async () => {
    const dir = await writeSyntheticResult(join(root, 'rebuild'), 'scale-transports');
    const first = await writeReport(dir);
    const name = first.charts[0] ?? '';
    const svg = await readFile(join(dir, 'charts', `${name}.svg`), 'utf8');
    await writeFile(join(dir, 'charts', 'stale-chart.svg'), '<svg/>');
    await writeReport(dir);
    expect(await readFile(join(dir, 'charts', `${name}.svg`), 'utf8')).toBe(svg);
    expect(await readdir(join(dir, 'charts'))).not.toContain('stale-chart.svg');
  });

  it('derives per-tenant rows from groups.csv when summary.csv has only the aggregate', async () => {
    const dir = await writeSyntheticResult(join(root, 'aggregate-only'), 'adminq-qos');
    const summary = syntheticResultFiles('adminq-qos')['summary.csv'] ?? '';
    const aggregateOnly = summary
      .split('\n')
      .filter((line, i) => i === 0 || line === '' || line.includes(',all,'));
    await writeFile(join(dir, 'summary.csv'), aggregateOnly.join('\n'));
    const { charts } = await writeReport(dir);
    expect(charts).toContain('ctrl_latency_p99_us-per-group');
  });
});

describe('vdpascale report', () => {
  const io = (): CliIO & { lines: string[] } => {
    const lines: string[] = [];
    return { lines, out: (t) => lines.push(t), err: (t) => lines.push(t), isTTY: false };
  };

  it('builds the report of a folder and says where it is', async () => {
    const dir = await writeSyntheticResult(join(root, 'cli'), 'adminq-qos');
    const out = io();
    await reportCommand(out).handler({ dir });
    expect(out.lines.join('\n')).toMatch(/report: .*report\.html \(\d+ charts in charts\/\)/);
  });

  it('throws InputError (exit 2) for a missing folder', async () => {
    await expect(reportCommand(io()).handler({ dir: join(root, 'missing') })).rejects.toBeInstanceOf(
      InputError,
    );
  });
});
