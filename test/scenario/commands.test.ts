/** `vdpascale validate` and `vdpascale schema`, driven through yargs as main() does. */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { schemaCommand } from '../../src/cli/commands/schema.js';
import { validateCommand } from '../../src/cli/commands/validate.js';
import type { CliIO } from '../../src/cli/io.js';
import { InputError } from '../../src/util/errors.js';

const ROOT = relative(process.cwd(), join(import.meta.dirname, '..', '..'));
const TINY = join(ROOT, 'scenarios', 'examples', 'tiny.yaml');
const QOS = join(ROOT, 'scenarios', 'examples', 'admin-vq-qos.yaml');
const BAD = join(ROOT, 'test', 'fixtures', 'bad', 'unknown-key-nested.yaml');

function capture(): CliIO & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (t) => lines.push(t), err: (t) => lines.push(`ERR ${t}`), isTTY: false };
}

async function run(argv: string[], io: CliIO): Promise<unknown> {
  const parser = yargs(argv)
    .command(validateCommand(io))
    .command(schemaCommand(io))
    .strict()
    .exitProcess(false)
    .fail((msg, err) => {
      throw err ?? new Error(msg);
    });
  try {
    await parser.parseAsync();
    return undefined;
  } catch (e) {
    return e;
  }
}

describe('vdpascale validate', () => {
  it('prints points and runs per file, and warnings', async () => {
    const io = capture();
    expect(await run(['validate', TINY, QOS], io)).toBeUndefined();
    expect(io.lines[0]).toBe(
      `${TINY}: tiny ok — 4 points × 1 replication = 4 runs; swept: instances, iommu.iotlb.pageSize`,
    );
    expect(io.lines[1]).toBe(
      `${QOS}: admin-vq-qos ok — 12 points × 5 replications = 60 runs; swept: instances, adminq.policy, adminq.workers, adminq.depth`,
    );
    expect(io.lines[2]).toMatch(/^ {2}warning: adminq.weights is ignored: adminq.policy is fifo/);
  });

  it('takes --set and --replications like run', async () => {
    const io = capture();
    expect(
      await run(['validate', TINY, '--set', 'sweep.grid.instances=[1, 2, 3]', '--replications', '3'], io),
    ).toBeUndefined();
    expect(io.lines[0]).toContain('6 points × 3 replications = 18 runs');
  });

  it('stops at the first bad file with its InputError, after reporting the good ones', async () => {
    const io = capture();
    const error = await run(['validate', TINY, BAD, QOS], io);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).format()).toBe(
      `${BAD}:6:3: adminq.wrokers: unknown key 'wrokers'; did you mean 'workers'? (allowed: queues, depth, workers, policy, weights, quantum, service, mode, driverWait, retryBackoff, retryBackoffFactor, retryBackoffMax, deviceInflightLimit, heavyLimit, refusal, submit)`,
    );
    expect(io.lines).toHaveLength(1);
  });
});

describe('vdpascale schema', () => {
  it('prints the JSON Schema', async () => {
    const io = capture();
    expect(await run(['schema'], io)).toBeUndefined();
    const schema = JSON.parse(io.lines.join('\n')) as Record<string, unknown>;
    expect(schema.title).toBe('vdpascale scenario');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });
});
