import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Executes every notebook with its project kernel (Deno for the TypeScript notebooks, Debian's
 * python3 with pandas for the Python one) against the fixture results (not the real ones,
 * which may not exist yet), writing executed copies to a temp dir so the committed notebooks
 * stay untouched. Skips when Jupyter is missing, unless REQUIRE_NOTEBOOKS=1 (CI).
 */
const run = promisify(execFile);
const SCRIPT = resolve('scripts/run-notebooks.sh');
const FIXTURES = resolve('test/report/fixtures');

interface Output {
  output_type: string;
  data?: Record<string, unknown>;
}
interface Notebook {
  metadata: { kernelspec: { name: string } };
  cells: { cell_type: string; outputs?: Output[] }[];
}

async function haveJupyter(): Promise<boolean> {
  return run('sh', ['-c', 'command -v jupyter-nbconvert']).then(
    () => true,
    () => false,
  );
}

let out: string | undefined;
afterAll(async () => {
  if (out !== undefined) await rm(out, { recursive: true, force: true });
});

describe('notebooks', () => {
  it('execute without errors and show their charts as PNG', async (ctx) => {
    if (!(await haveJupyter())) {
      const why = 'jupyter-nbconvert is missing: run scripts/install-jupyter.sh';
      if (process.env.REQUIRE_NOTEBOOKS === '1') throw new Error(`REQUIRE_NOTEBOOKS=1 but ${why}`);
      ctx.skip(why);
    }
    out = await mkdtemp(join(tmpdir(), 'vdpascale-notebooks-'));
    const env = { ...process.env, VDPASCALE_RESULTS: FIXTURES };
    await run(SCRIPT, ['--out', out], { env, timeout: 300_000 }).catch(
      (e: { stderr?: string; message: string }) => {
        throw new Error(`run-notebooks.sh failed: ${e.stderr ?? e.message}`);
      },
    );
    const executed = (await readdir(out)).filter((f) => f.endsWith('.ipynb')).sort();
    expect(executed).toEqual(['adminq-qos-pandas.ipynb', 'adminq-qos.ipynb', 'scale-transports.ipynb']);
    const kernels = new Map<string, string>();
    for (const file of executed) {
      const nb = JSON.parse(await readFile(join(out, file), 'utf8')) as Notebook;
      kernels.set(file, nb.metadata.kernelspec.name);
      const outputs = nb.cells.flatMap((c) => c.outputs ?? []);
      expect(
        outputs.filter((o) => o.output_type === 'error'),
        file,
      ).toEqual([]);
      const pngs = outputs.filter((o) => typeof o.data?.['image/png'] === 'string');
      expect(pngs.length, file).toBeGreaterThanOrEqual(2);
      for (const o of pngs) expect(String(o.data?.['image/png']).length, file).toBeGreaterThan(10_000);
    }
    // The pandas notebook ran in Python, the others in Deno.
    expect(kernels.get('adminq-qos-pandas.ipynb')).toBe('vdpascale-python');
    expect(kernels.get('adminq-qos.ipynb')).toBe('deno');
  });
});
