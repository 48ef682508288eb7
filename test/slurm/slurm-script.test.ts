import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  arrayScript,
  isSlurmPartition,
  isSlurmTime,
  mergeScript,
  parseJobId,
  type SlurmPlan,
  shellQuote,
  slurmScripts,
  submitCommands,
} from '../../src/output/slurm-script.js';

const plan: SlurmPlan = {
  name: 'tiny',
  scenarioFile: '/home/u/vdpascale/scenarios/examples/tiny.yaml',
  tasks: 8,
  outDir: '/home/u/vdpascale/results/tiny',
  submitDir: '/home/u/vdpascale',
  node: '/usr/bin/node',
  cli: '/home/u/vdpascale/bin/vdpascale.js',
  slurmDir: '/home/u/vdpascale/results/tiny/slurm',
  cpusPerTask: 2,
  report: true,
};

describe('arrayScript', () => {
  const s = arrayScript(plan);

  it('is an array of N tasks, requeueable, appending to per-task logs', () => {
    expect(s.startsWith('#!/bin/bash\n')).toBe(true);
    expect(s).toContain('#SBATCH --array=0-7\n');
    expect(s).toContain('#SBATCH --requeue\n');
    expect(s).toContain('#SBATCH --open-mode=append\n');
    expect(s).toContain('#SBATCH --cpus-per-task=2\n');
    expect(s).toContain('#SBATCH --output=/home/u/vdpascale/results/tiny/slurm/logs/%A_%a.out\n');
    expect(s).toContain('#SBATCH --job-name=vdpascale-tiny\n');
  });

  it('runs shard i/N into OUT/shards/i with --resume, through this checkout with this node', () => {
    expect(s).toContain('NODE=/usr/bin/node\n');
    expect(s).toContain('VDPASCALE=/home/u/vdpascale/bin/vdpascale.js\n');
    expect(s).toContain('cd /home/u/vdpascale\n');
    expect(s).toContain('i="${SLURM_ARRAY_TASK_ID:?');
    expect(s).toContain(
      'exec "$NODE" "$VDPASCALE" run "$SCENARIO" --shard "$i/8" --out "$OUT/shards/$i" \\\n' +
        '  --resume --no-report --quiet --jobs 2\n',
    );
  });

  it('puts every #SBATCH line before the first command (sbatch stops reading there)', () => {
    const lines = s.split('\n');
    const firstCommand = lines.findIndex((l, k) => k > 0 && l !== '' && !l.startsWith('#'));
    const lastSbatch = lines.map((l) => l.startsWith('#SBATCH')).lastIndexOf(true);
    expect(lastSbatch).toBeLessThan(firstCommand);
  });

  it('adds partition and time only when given', () => {
    expect(s).not.toContain('--partition');
    expect(s).not.toContain('--time');
    const t = arrayScript({ ...plan, partition: 'batch', time: '1-12:00' });
    expect(t).toContain('#SBATCH --partition=batch\n');
    expect(t).toContain('#SBATCH --time=1-12:00\n');
  });

  it('is valid bash', () => {
    const r = spawnSync('bash', ['-n'], { input: s, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  it('quotes paths with blanks and quotes', () => {
    const odd = arrayScript({ ...plan, submitDir: "/home/u/my study's", slurmDir: '/r/a b/slurm' });
    expect(odd).toContain(`cd '/home/u/my study'\\''s'\n`);
    expect(odd).toContain('#SBATCH --output="/r/a b/slurm/logs/%A_%a.out"\n');
  });
});

describe('mergeScript', () => {
  it('merges OUT/shards/* into OUT, then builds the report', () => {
    const s = mergeScript(plan);
    expect(s).toContain('"$NODE" "$VDPASCALE" merge "$OUT"/shards/* --out "$OUT" --no-report\n');
    expect(s).toContain('"$NODE" "$VDPASCALE" report "$OUT"\n');
    expect(s).toContain('#SBATCH --job-name=vdpascale-tiny-merge\n');
    expect(s).not.toContain('--array');
    expect(spawnSync('bash', ['-n'], { input: s }).status).toBe(0);
  });

  it('skips the report with report: false', () => {
    expect(mergeScript({ ...plan, report: false })).not.toContain(' report ');
  });
});

describe('slurmScripts and submitCommands', () => {
  it('places scripts and logs under OUT/slurm and chains the merge on afterok', () => {
    const sc = slurmScripts(plan);
    expect(sc.arrayPath).toBe('/home/u/vdpascale/results/tiny/slurm/array.sbatch');
    expect(sc.mergePath).toBe('/home/u/vdpascale/results/tiny/slurm/merge.sbatch');
    expect(sc.logDir).toBe('/home/u/vdpascale/results/tiny/slurm/logs');
    expect(submitCommands(sc)).toEqual([
      'jid=$(sbatch --parsable /home/u/vdpascale/results/tiny/slurm/array.sbatch)',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash expansion, not a template
      'sbatch --parsable --dependency=afterok:${jid%%;*} /home/u/vdpascale/results/tiny/slurm/merge.sbatch',
    ]);
  });
});

describe('helpers', () => {
  it('shellQuote leaves plain words alone and single-quotes the rest', () => {
    expect(shellQuote('/a/b-c_d.e')).toBe('/a/b-c_d.e');
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('$HOME')).toBe("'$HOME'");
  });

  it('isSlurmTime accepts sbatch --time forms only', () => {
    for (const t of ['30', '30:00', '2:00:00', '1-12', '1-12:30', '1-12:30:00', 'UNLIMITED']) {
      expect(isSlurmTime(t), t).toBe(true);
    }
    for (const t of ['', '1h', '2:00:00:00', '1-', '30; rm -rf /', '-5'])
      expect(isSlurmTime(t), t).toBe(false);
  });

  it('isSlurmPartition accepts names and comma lists', () => {
    expect(isSlurmPartition('batch')).toBe(true);
    expect(isSlurmPartition('short,long')).toBe(true);
    expect(isSlurmPartition('a b')).toBe(false);
    expect(isSlurmPartition('x\n#SBATCH --exclusive')).toBe(false);
  });

  it('parseJobId reads sbatch --parsable output', () => {
    expect(parseJobId('123\n')).toBe('123');
    expect(parseJobId('123;cluster\n')).toBe('123');
    expect(parseJobId('sbatch: error\n')).toBeUndefined();
  });
});
