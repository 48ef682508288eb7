/**
 * The sensitivity and merge commands on the real scenario layer and model (through the runner's
 * CLI harness), the report left out; and a control-only scenario small enough for a Morris design to run in seconds.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunDeps } from '../../src/cli/commands/run.js';
import { type CliResult, captureIO, runCli } from '../runner/cli-harness.js';

/** The real scenario layer and model (no injected loader or worker), the report left out. */
export function deps(root: string): Partial<RunDeps> {
  return {
    resultsRoot: root,
    writeReport: async (dir) => ({ reportPath: join(dir, 'report.html'), charts: [] }),
  };
}

export function sensitivityCli(argv: string[], root: string, io = captureIO()): Promise<CliResult> {
  return runCli(argv, deps(root), io);
}

/**
 * Control plane only (no data traffic): 20 instances created through the admin queue at t = 0,
 * then 20 control operations per second each for 1 s. A data-path parameter has nothing to act
 * on here; the admin command service times decide the makespan.
 */
export const CONTROL_ONLY = `name: sens-control
seed: 1
duration: 1s
replications: 1
parent: mlx5
instances: 20
strategy: { transport: admin-vq, provisioning: admin-vq, cvq: software, isolation: rid-per-vf, interrupts: msix }
provisioning: { start: burst }
workload:
  groups:
    - name: tenants
      share: 1
      control: { rate: 20/s, ops: { config-read: 2, mac-set: 1, mq-set: 1 } }
`;

export function tempRoot(): string {
  return mkdtempSync(join(tmpdir(), 'vdpascale-sensitivity-'));
}

export function writeFile(root: string, name: string, text: string): string {
  const file = join(root, name);
  writeFileSync(file, text);
  return file;
}

/** The result and analysis files a sensitivity folder must reproduce byte for byte. */
export const SENSITIVITY_OUTPUTS = [
  'runs.csv',
  'groups.csv',
  'summary.csv',
  'sensitivity.csv',
  'design.csv',
  'samples.csv',
  'sensitivity.json',
] as const;

export function outputs(dir: string): Record<string, string> {
  return Object.fromEntries(SENSITIVITY_OUTPUTS.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

/** The varied parameters of the control-only tests: two admin-queue costs, a host cost, and one of the data path. */
export const CONTROL_PARAMS = [
  '--params',
  'adminq.service.CREATE',
  '--params',
  'iommu.iotlb.entries=64..4096',
  '--params',
  'adminq.submit',
  '--params',
  'host.swCvqDecode',
];
