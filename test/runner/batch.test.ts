import { describe, expect, it } from 'vitest';
import type { RunSpec } from '../../src/model/config.js';
import { RunFailedError, runBatch } from '../../src/runner/batch.js';
import { createExecutor, type Executor } from '../../src/runner/executor.js';
import type { RunTask, RunTaskResult } from '../../src/runner/run-task.js';
import { planRuns } from '../../src/runner/study.js';
import { FAKE_WORKER } from './cli-harness.js';

const output = (index: number) => ({
  metrics: { events: index },
  groups: [],
  fingerprint: `${index}`,
  streamNames: [],
  warnings: [],
});

/** An executor whose tasks finish after a per-task delay, so completion order differs from submission order. */
function delayedExecutor(jobs: number, delayMs: (index: number) => number, failOn?: number): Executor {
  return {
    jobs,
    concurrency: jobs,
    run: (task: RunTask) =>
      new Promise<RunTaskResult>((resolve, reject) =>
        setTimeout(() => {
          if (task.index === failOn) reject(new Error('model exploded'));
          else resolve({ index: task.index, output: output(task.index), wallMs: 0 });
        }, delayMs(task.index)),
      ),
    close: async () => {},
  };
}

const jobs = planRuns({
  points: Array.from({ length: 5 }, (_, index) => ({ index, id: '', params: {}, config: {} as never })),
  replications: 4,
});
const specFor = () => ({}) as RunSpec;

describe('runBatch', () => {
  it('delivers every run once, whatever the completion order', async () => {
    const seen: number[] = [];
    await runBatch(jobs, {
      executor: delayedExecutor(3, (i) => (i * 7) % 5),
      specFor,
      onResult: (job, r) => {
        expect(r.index).toBe(job.index);
        seen.push(job.index);
      },
    });
    expect(seen).not.toEqual([...seen].sort((a, b) => a - b));
    expect([...seen].sort((a, b) => a - b)).toEqual(jobs.map((j) => j.index));
  });

  it('stops on a failure, still delivers the runs in flight, and names the failed run', async () => {
    const seen: number[] = [];
    const err = await runBatch(jobs, {
      // runs 0..3 start together; run 1 fails at once, 0, 2 and 3 finish later
      executor: delayedExecutor(2, (i) => (i === 1 ? 1 : 30), 1),
      specFor,
      concurrency: 4,
      onResult: (job) => seen.push(job.index),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunFailedError);
    expect((err as RunFailedError).job).toEqual({ index: 1, point: 0, replication: 1 });
    expect((err as RunFailedError).message).toMatch(
      /run 1 \(point 0, replication 1\) failed: model exploded/,
    );
    expect((err as RunFailedError).completed).toBe(3);
    expect([...seen].sort((a, b) => a - b)).toEqual([0, 2, 3]);
  });

  it('runs tasks on reused worker threads (piscina) and in process, with equal results', async () => {
    const spec = {
      config: { fake: { strategy: 'a', load: 1, instances: 10, spinMs: 0, inf: false } },
      seed: 1,
      replication: 0,
      warmupNs: 0,
      durationNs: 1,
    } as unknown as RunSpec;
    const pool = await createExecutor({ jobs: 2, workerUrl: FAKE_WORKER });
    const local = await createExecutor({ jobs: 1, workerUrl: FAKE_WORKER });
    try {
      const results = (await Promise.all(
        Array.from({ length: 8 }, (_, i) => pool.run({ index: i, spec: { ...spec, replication: i } })),
      )) as RunTaskResult[];
      expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      const inProc = (await local.run({ index: 3, spec: { ...spec, replication: 3 } })) as RunTaskResult;
      expect(results[3]?.output).toEqual(inProc.output);
      expect(pool.jobs).toBe(2);
    } finally {
      await pool.close();
      await local.close();
    }
  });
});
