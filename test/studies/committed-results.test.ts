/**
 * The reference results under results/ must belong to the scenarios beside them: a committed
 * result folder whose manifest's scenario hash no longer matches its scenario file is stale.
 * Refresh with `npm run studies` (or `bash scripts/run-studies.sh NAME` for one study).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const RESULTS = join(ROOT, 'results');
const folders = existsSync(RESULTS)
  ? readdirSync(RESULTS).filter((name) => existsSync(join(RESULTS, name, 'manifest.json')))
  : [];

describe('committed reference results', () => {
  it('exist for every study in scenarios/', () => {
    // Top-level scenarios are the studies; base.yaml only holds settings others extend.
    const studies = readdirSync(join(ROOT, 'scenarios')).filter(
      (f) => f.endsWith('.yaml') && f !== 'base.yaml',
    );
    const missing = studies.map((f) => f.replace(/\.yaml$/, '')).filter((name) => !folders.includes(name));
    expect(missing, 'regenerate with: npm run studies').toEqual([]);
  });

  it.each(folders)('results/%s matches its scenario (refresh: npm run studies)', async (name) => {
    const manifest = JSON.parse(readFileSync(join(RESULTS, name, 'manifest.json'), 'utf8')) as {
      scenario_hash: string;
      runs_done: number;
      runs_expected: number;
    };
    const scenario = await loadScenario(join(ROOT, 'scenarios', `${name}.yaml`));
    expect(manifest.scenario_hash, `results/${name} is stale: bash scripts/run-studies.sh ${name}`).toBe(
      scenario.hash,
    );
    expect(manifest.runs_done).toBe(manifest.runs_expected);
    // A sensitivity study commits its analysis instead of the per-sample summary (.gitignore).
    const sensitivity = existsSync(join(RESULTS, name, 'sensitivity.json'));
    const files = sensitivity
      ? ['runs.csv', 'sensitivity.csv', 'design.csv', 'samples.csv', 'scenario.yaml', 'report.html']
      : ['runs.csv', 'groups.csv', 'summary.csv', 'scenario.yaml', 'report.html'];
    for (const file of files) {
      expect(existsSync(join(RESULTS, name, file)), `results/${name}/${file}`).toBe(true);
    }
  });
});
