import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type SyntheticKind, syntheticResultFiles } from './synthetic-result.js';

/**
 * test/report/fixtures/ holds the synthetic result folders the notebooks are developed and
 * tested against. They are generated (by synthetic-result.ts); this fails when they are stale.
 * Regenerate: npx tsx -e "import('./test/report/synthetic-result.ts').then(m => Promise.all(
 *   ['scale-transports', 'adminq-qos'].map(k => m.writeSyntheticResult('test/report/fixtures', k))))"
 */
describe('fixture result folders', () => {
  for (const kind of ['scale-transports', 'adminq-qos'] as SyntheticKind[]) {
    it(`${kind} matches its generator`, async () => {
      for (const [file, text] of Object.entries(syntheticResultFiles(kind))) {
        const stored = await readFile(join('test/report/fixtures', kind, file), 'utf8');
        // JSON is compared as data: a formatter (biome) may re-indent the stored file.
        if (file.endsWith('.json')) expect(JSON.parse(stored), `${kind}/${file}`).toEqual(JSON.parse(text));
        else expect(stored, `${kind}/${file}`).toBe(text);
      }
    });
  }
});
