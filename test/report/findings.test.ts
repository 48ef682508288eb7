/** The report's Findings: the scenario's expectations answered from the results, ✔ or ✘. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomesOf } from '../../src/output/report/expectation-outcomes.js';
import { readResultFolder, writeReport } from '../../src/output/report/index.js';
import type { Expectation } from '../../src/scenario/expectations.js';
import { writeSyntheticResult } from './synthetic-result.js';

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vdpascale-findings-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const EXPECT: Expectation[] = [
  { text: 'Victims <script>alert("x")</script> & friends stay fast', where: {}, group: 'all', checks: [] },
  {
    text: 'priority protects the victims',
    where: { 'adminq.policy': ['priority'] },
    group: 'victim',
    // Holds (the synthetic victim p99 under priority is a few hundred µs) …
    checks: [{ metric: 'ctrl_latency_p99_us', op: '<', value: 5000, text: 'ctrl_latency_p99_us < 5000' }],
  },
  {
    where: { 'adminq.policy': ['fifo'], 'adminq.workers': [1] },
    group: 'victim',
    // … and fails: under fifo with one worker it is ≈ 2 ms.
    checks: [{ metric: 'ctrl_latency_p99_us', op: '<', value: 100, text: 'ctrl_latency_p99_us < 100' }],
  },
  {
    text: 'admission never binds',
    where: {},
    group: 'all',
    // A label clause, on runs.csv: every point's usual limit_resource is empty.
    checks: [{ column: 'limit_resource', op: '==', value: '', text: 'limit_resource == none' }],
  },
];

async function folderWithExpect(name: string): Promise<string> {
  const dir = await writeSyntheticResult(join(root, name), 'adminq-qos');
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  await writeFile(file, JSON.stringify({ ...manifest, expect: EXPECT }));
  return dir;
}

describe('findings', () => {
  it('answers each clause at each selected point from the summary', async () => {
    const folder = await readResultFolder(await folderWithExpect('outcomes'));
    const summary = [...folder.summary];
    const [, holds, fails, admission] = (folder.manifest.expect ?? []).map((e) =>
      outcomesOf(e, folder.manifest, summary, folder.runs),
    );
    // adminq.policy priority × workers {1, 4}: two points; fifo × workers 1: one.
    expect(holds?.map((o) => [o.point.params['adminq.policy'], o.holds])).toEqual([
      ['priority', true],
      ['priority', true],
    ]);
    expect(fails).toHaveLength(1);
    expect(fails?.[0]?.holds).toBe(false);
    expect(fails?.[0]?.row?.group).toBe('victim');
    expect(admission?.map((o) => [o.holds, o.label])).toEqual(
      Array.from({ length: 6 }, () => [true, { value: '', runs: 3, of: 3 }]),
    );
  });

  it('shows ✔ and ✘ at the top of report.html, with the scenario text escaped', async () => {
    const { reportPath } = await writeReport(await folderWithExpect('page'));
    const html = await readFile(reportPath, 'utf8');
    const findings = html.indexOf('<section id="findings">');
    expect(findings).toBeGreaterThan(0);
    expect(findings).toBeLessThan(html.indexOf('<section id="charts">'));
    expect(html).toContain('8 of 9 checks hold; 1 ✘');
    expect(html).toMatch(/<tr class="fail"><td class="mark"><span class="fail" title="fails">✘<\/span>/);
    expect(html).toMatch(/<tr class="pass"><td class="mark"><span class="pass" title="holds">✔<\/span>/);
    expect(html).toContain(
      'Victims &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; friends stay fast',
    );
    expect(html).not.toContain('<script>alert');
    // The selector in words, the tenant named.
    expect(html).toContain('Where admin-queue policy priority; tenant victim');
  });

  it('answers a clause on a metric a resource also reports (adminq_util) in report.html', async () => {
    const dir = await writeSyntheticResult(join(root, 'resource-metric'), 'adminq-qos');
    const file = join(dir, 'manifest.json');
    const manifest = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const expect_: Expectation[] = [
      {
        where: {},
        group: 'all',
        checks: [{ metric: 'adminq_util', op: '>', value: 0, text: 'adminq_util > 0' }],
      },
    ];
    await writeFile(file, JSON.stringify({ ...manifest, expect: expect_ }));
    // A resource named `adminq` reports `adminq_util` too (as invalidation-queue does invalidation_queue_util).
    const resources = join(dir, 'resources.csv');
    await writeFile(
      resources,
      (await readFile(resources, 'utf8')).replaceAll(',adminq-workers,', ',adminq,'),
    );
    const html = await readFile((await writeReport(dir)).reportPath, 'utf8');
    expect(html).not.toContain('no value');
    expect(html).toContain('6 of 6 checks hold');
  });

  it('says so when the scenario states no expectation', async () => {
    const dir = await writeSyntheticResult(join(root, 'none'), 'adminq-qos');
    const html = await readFile((await writeReport(dir)).reportPath, 'utf8');
    expect(html).toContain('The scenario states no expectation');
  });
});
