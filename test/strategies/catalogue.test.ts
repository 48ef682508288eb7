/**
 * Every registered strategy describes itself, cites public documents, and names only
 * parameters the scenario schema has in `uses` and `ignores`; the ignored-option rules it
 * implies fire exactly when it is not (or is) chosen.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSourceKey } from '../../src/bibliography/bibliography.js';
import { parseKeyPath } from '../../src/scenario/key-path.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { scenarioSchema } from '../../src/scenario/scenario-schema.js';
import { checkSchemaPath } from '../../src/scenario/schema-walk.js';
import { allStrategies, REGISTRIES, strategyNames } from '../../src/strategies/catalogue.js';

describe('strategy catalogue', () => {
  it('lists every kind in registration order', () => {
    expect(strategyNames('isolation')).toEqual([
      'none',
      'rid-per-vf',
      'pasid-per-instance',
      'pasid-per-vq',
      'device-mmu',
      'passthrough',
    ]);
    expect(strategyNames('interrupts')).toEqual(['msix', 'shared', 'msi-store', 'polling']);
    expect(strategyNames('cvq')).toEqual(['hardware', 'software', 'none']);
    expect(Object.keys(REGISTRIES)).toEqual([
      'transport',
      'cvq',
      'isolation',
      'interrupts',
      'provisioning',
      'blkBackend',
      'qos',
    ]);
    expect(strategyNames('blkBackend')).toEqual(['hardware', 'ramdisk', 'userspace', 'none']);
  });

  it('describes and sources every strategy', () => {
    for (const s of allStrategies()) {
      const who = `${s.kind} ${s.name}`;
      expect(s.summary.trim(), who).not.toBe('');
      expect(s.description.length, who).toBeGreaterThan(20);
      for (const key of s.cite) expect(isSourceKey(key), `${who}: ${key}`).toBe(true);
    }
  });

  it('names only scenario keys in uses and ignores', () => {
    for (const s of allStrategies()) {
      for (const path of [...s.uses, ...s.ignores.map((i) => i.path)]) {
        const check = checkSchemaPath(scenarioSchema, parseKeyPath(path.replaceAll('[*]', '[0]')));
        expect(check.ok, `${s.kind} ${s.name}: ${path}`).toBe(true);
      }
    }
  });

  it('warns when a parameter only another strategy uses is set, and when the chosen one ignores it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'vdpascale-strategies-')), 'strategies.yaml');
    writeFileSync(
      file,
      [
        'name: strategies',
        'duration: 1ms',
        'parent: mlx5 # the parent with a device MMU',
        'strategy: { cvq: software, isolation: device-mmu, interrupts: polling }',
        'interrupts: { sharerCheck: 100ns, coalescing: adaptive }',
        'iommu: { devtlb: { entries: 8 }, pasidTableAccesses: 1 }',
      ].join('\n'),
    );
    const s = await loadScenario(file);
    expect(s.warnings).toEqual(
      expect.arrayContaining([
        'interrupts.sharerCheck is ignored: strategy.interrupts is polling, not shared',
        'iommu.pasidTableAccesses is ignored: strategy.isolation is device-mmu, not pasid-per-instance or pasid-per-vq',
        'interrupts.coalescing is ignored: strategy.interrupts is polling: no data interrupts to coalesce',
        'iommu.devtlb.entries is ignored: strategy.isolation device-mmu translates in the device MMU, not through ATS',
      ]),
    );
  });
});
