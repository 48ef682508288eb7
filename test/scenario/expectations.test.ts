/** A scenario's `expect`: checked before time zero, errors at the file:line of the bad entry. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { InputError } from '../../src/util/errors.js';

const HEAD = `name: expecting
duration: 1ms
instances: 10
strategy: { transport: admin-vq }
adminq: { queues: 2, policy: drr }
workload:
  groups:
    - { name: victim, share: 0.8, control: { rate: 50/s } }
    - { name: noisy, share: 0.2, adminQueue: 1, control: { rate: 2k/s } }
sweep:
  grid:
    adminq.policy: [fifo, drr]
    workload.groups[1].control.limit: [none, { rate: 1k/s, burst: 16 }]
`;
/** Line of the first `expect` entry in a file made of HEAD + `expect:` + entries. */
const FIRST_ENTRY_LINE = HEAD.split('\n').length + 1;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vdpascale-expect-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(entries: string) {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, `${HEAD}expect:\n${entries}`);
  return { file, load: () => loadScenario(file) };
}

async function errorOf(entries: string): Promise<InputError> {
  const { load: run } = await load(entries);
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof InputError)) throw new Error(`expected an InputError, got ${String(error)}`);
  return error;
}

describe('expect', () => {
  it('keeps prose and checkable clauses per point selector, in their checked form', async () => {
    const { load: run } = await load(
      [
        '  - victims are protected once the noisy tenant is limited',
        '  - text: drr keeps the victims fast',
        "    where: { adminq.policy: drr, 'workload.groups[1].control.limit': [none] }",
        '    group: victim',
        '    check: [ctrl_latency_p99_us < 3000, ctrl_ops_per_s >= 1]',
        '  - { check: [bottleneck == data-engines, limit_resource == none] }',
        '  - { check: instances_rejected == 0 }',
        '',
      ].join('\n'),
    );
    const s = await run();
    expect(s.expect).toEqual([
      { text: 'victims are protected once the noisy tenant is limited', where: {}, group: 'all', checks: [] },
      {
        text: 'drr keeps the victims fast',
        where: { 'adminq.policy': ['drr'], 'workload.groups[1].control.limit': ['none'] },
        group: 'victim',
        checks: [
          { metric: 'ctrl_latency_p99_us', op: '<', value: 3000, text: 'ctrl_latency_p99_us < 3000' },
          { metric: 'ctrl_ops_per_s', op: '>=', value: 1, text: 'ctrl_ops_per_s >= 1' },
        ],
      },
      {
        text: undefined,
        where: {},
        group: 'all',
        checks: [
          { column: 'bottleneck', op: '==', value: 'data-engines', text: 'bottleneck == data-engines' },
          { column: 'limit_resource', op: '==', value: '', text: 'limit_resource == none' },
        ],
      },
      {
        text: undefined,
        where: {},
        group: 'all',
        checks: [{ metric: 'instances_rejected', op: '==', value: 0, text: 'instances_rejected == 0' }],
      },
    ]);
    // A selector may name a mapping value as the sweep writes it.
    const { load: again } = await load(
      "  - { where: { 'workload.groups[1].control.limit': { rate: 1k/s, burst: 16 } }, check: 'ctrl_ops_per_s > 0' }\n",
    );
    expect((await again()).expect[0]?.where).toEqual({
      'workload.groups[1].control.limit': ['{ rate: 1k/s, burst: 16 }'],
    });
  });

  it.each([
    [
      'an unknown metric',
      "  - { check: 'ctrl_latncy_p99_us < 3' }\n",
      /unknown metric 'ctrl_latncy_p99_us'.*did you mean/,
    ],
    ['a clause without an operator', "  - { check: 'ctrl_latency_p99_us 3' }\n", /is not METRIC OP VALUE/],
    ['a value that is no number', "  - { check: 'ctrl_latency_p99_us < 3ms' }\n", /'3ms' is not a number/],
    [
      'a selector key that names no parameter',
      '  - { where: { adminq.wrkers: 4 }, check: "events > 0" }\n',
      /'adminq.wrkers' is not a swept parameter/,
    ],
    [
      'an unknown tenant',
      '  - { group: victims, check: "ctrl_ops_per_s > 0" }\n',
      /'victims' is not a workload group.*did you mean/,
    ],
    [
      'an aggregate-only metric for a tenant',
      '  - { group: victim, check: "engine_util > 0" }\n',
      /unknown per-tenant metric \(group victim\) 'engine_util'/,
    ],
    ['an entry without text or check', '  - { group: victim }\n', /needs text, check, or both/],
    [
      'an unknown resource',
      '  - { check: "bottleneck == data-engine" }\n',
      /unknown resource 'data-engine'.*did you mean/,
    ],
    [
      "a tenant's bottleneck",
      '  - { group: victim, check: "bottleneck == host-cores" }\n',
      /property of the whole run/,
    ],
  ])('refuses %s at its file and line', async (_what, entry, message) => {
    const e = await errorOf(entry);
    expect(e.message).toMatch(message);
    expect(e.location.file).toMatch(/\.yaml$/);
    expect(e.location.line).toBe(FIRST_ENTRY_LINE);
    expect(e.format()).toMatch(new RegExp(`\\.yaml:${FIRST_ENTRY_LINE}:\\d+: expect\\[0\\]`));
  });

  it('only warns about a selector the sweep cannot meet, and leaves that entry unchecked', async () => {
    // A --set that pins a swept key (a shrunk test, a capacity probe) must keep the scenario loadable.
    const { load: run } = await load(
      [
        '  - { text: unswept, where: { adminq.workers: 4 }, check: "events > 0" }',
        '  - { text: absent value, where: { adminq.policy: priority }, check: "events > 0" }',
        '',
      ].join('\n'),
    );
    const s = await run();
    expect(s.expect.map((e) => [e.text, e.checks.length, e.unchecked])).toEqual([
      ['unswept', 0, "'adminq.workers' is not swept"],
      ['absent value', 0, 'no point has adminq.policy = priority (it takes fifo, drr)'],
    ]);
    expect(s.warnings).toEqual([
      "expect[0].where: 'adminq.workers' is not swept, so this expectation is not checked",
      'expect[1].where: no point has adminq.policy = priority (it takes fifo, drr), so this expectation is not checked',
    ]);
  });

  it('points at the failing clause of a list, on its own line', async () => {
    const e = await errorOf(['  - check:', '      - events > 0', '      - nope < 1', ''].join('\n'));
    expect(e.location.path).toBe('expect[0].check[1]');
    expect(e.location.line).toBe(FIRST_ENTRY_LINE + 2);
  });
});
