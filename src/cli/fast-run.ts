/**
 * `vdpascale run` without yargs for the plain command lines scripts and people type
 * (`run FILE… [--out DIR] [--jobs N] [--set P=V]… [--no-report] [--quiet] …`): loading yargs
 * and building its parser cost ≈ 35–45 ms of a trivial run's ≈ 350 ms (bench/cli-bench.ts).
 * Anything else — help, an unknown or repeated flag, a value that is not a plain decimal
 * integer where a number goes, a value starting with `-`, `--` — returns undefined and goes
 * through yargs as before, so errors and help text come from one place. For the lines it
 * takes, it yields the argv yargs yields for the keys the run handler reads
 * (test/runner/fast-run.test.ts compares the two).
 */

const STRINGS = new Set(['out', 'shard']);
const NUMBERS = new Set(['jobs', 'replications', 'seed']);
const BOOLEANS: Record<string, [key: string, value: boolean]> = {
  resume: ['resume', true],
  force: ['force', true],
  'dry-run': ['dryRun', true],
  report: ['report', true],
  'no-report': ['report', false],
  quiet: ['quiet', true],
};

/** The run handler's argv for `argv` (after `node vdpascale`), or undefined: let yargs parse it. */
export function fastRunArgv(argv: readonly string[]): Record<string, unknown> | undefined {
  if (argv[0] !== 'run') return undefined;
  const out: Record<string, unknown> = {
    files: [],
    resume: false,
    force: false,
    dryRun: false,
    report: true,
    quiet: false,
  };
  const files: string[] = [];
  const sets: string[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') return undefined;
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const flag = BOOLEANS[name];
    if (flag !== undefined) {
      if (eq >= 0 || seen.has(flag[0])) return undefined;
      seen.add(flag[0]);
      out[flag[0]] = flag[1];
      continue;
    }
    if (!STRINGS.has(name) && !NUMBERS.has(name) && name !== 'set') return undefined;
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else value = argv[++i];
    if (value === undefined || value === '' || value.startsWith('-')) return undefined;
    if (name === 'set') {
      sets.push(value);
      continue;
    }
    if (seen.has(name)) return undefined;
    seen.add(name);
    if (NUMBERS.has(name)) {
      if (!/^[0-9]{1,15}$/.test(value)) return undefined;
      out[name] = Number(value);
    } else {
      out[name] = value;
    }
  }
  if (files.length === 0) return undefined;
  out.files = files;
  if (sets.length > 0) out.set = sets;
  return out;
}
