/**
 * Drives one fuzz case through `main(argv)` in process and checks the properties every input
 * must keep:
 * - the exit status is 0 or 2, never 1 (no internal error, whatever the file holds);
 * - an exit 2 names the file and line (or, for a bad `--set`, the flag) and, unless the YAML
 *   itself is broken, the key path;
 * - nothing is written outside `--out`, and an exit 2 leaves no result folder;
 * - a case that runs (shrunk: one replication, no warm-up, 200 µs, ≤ 64 instances, ≤ 8
 *   points) finishes within its budget (a hang or blow-up detector, not a speed target).
 * The scenario corpus is copied into a scratch tree, so `extends` chains resolve as shipped
 * and the whole tree can be compared before and after, together with the working directory's
 * top level and its `results/` (where a run without `--out` would write).
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { main } from '../../src/cli/main.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { YAML_OPTIONS } from '../../src/scenario/yaml-source.js';
import { InputError } from '../../src/util/errors.js';

const REPO = join(import.meta.dirname, '..', '..');
/** Where the corpus comes from, and where its copy goes in the scratch tree. */
const SOURCES: Array<[from: string, to: string]> = [
  ['scenarios', 'scenarios'],
  [join('test', 'fixtures', 'bad'), 'bad'],
  [join('test', 'scenario', 'fixtures'), 'scenario-fixtures'],
];
export const RUN_BUDGET_MS = 60_000;
const MAX_RUN_POINTS = 8;
const MAX_RUN_INSTANCES = 64;

export interface Scratch {
  root: string;
  /** Corpus files, relative to `root` (e.g. `scenarios/quickstart.yaml`), sorted. */
  corpus: string[];
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(path);
    return e.name.endsWith('.yaml') ? [path] : [];
  });
}

export function prepareScratch(): Scratch {
  const root = mkdtempSync(join(tmpdir(), 'vdpascale-fuzz-'));
  for (const [from, to] of SOURCES) cpSync(join(REPO, from), join(root, to), { recursive: true });
  const corpus = SOURCES.flatMap(([, to]) => yamlFiles(join(root, to)))
    .map((f) => relative(root, f))
    .sort();
  return { root, corpus };
}

/**
 * path → size of every file and folder under `dir`, and of the working directory's top level
 * and `results/` (the "was anything written" snapshot); `skip` is the case file itself.
 */
function snapshot(dir: string, skip: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (d: string, deep: boolean) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, e.name);
      if (path === skip || e.name.startsWith('.vitest')) continue;
      out.set(path, e.isDirectory() ? -1 : statSync(path).size);
      if (e.isDirectory() && deep) walk(path, true);
    }
  };
  walk(dir, true);
  walk(process.cwd(), false);
  walk(join(process.cwd(), 'results'), false);
  return out;
}

function changes(before: Map<string, number>, after: Map<string, number>): string[] {
  const diff: string[] = [];
  for (const [p, size] of after) if (before.get(p) !== size) diff.push(`written: ${p}`);
  for (const p of before.keys()) if (!after.has(p)) diff.push(`removed: ${p}`);
  return diff;
}

/** A CliIO that keeps what the command printed. */
function capture() {
  const text = { out: '', err: '' };
  const cli = {
    out: (t: string) => {
      text.out += `${t}\n`;
    },
    err: (t: string) => {
      text.err += `${t}\n`;
    },
    isTTY: false,
  };
  return { text, cli };
}

class PropertyViolation extends Error {}

function violated(what: string, detail: string): never {
  throw new PropertyViolation(`${what}\n${detail}`);
}

/** True when the YAML itself is broken, so no key path can be named. */
function yamlBroken(content: string | Buffer): boolean {
  const doc = parseDocument(content.toString(), YAML_OPTIONS);
  if (doc.errors.length > 0 || doc.warnings.length > 0) return true;
  try {
    const top = doc.toJS({ maxAliasCount: 1000 }) as unknown;
    return top === null || typeof top !== 'object' || Array.isArray(top);
  } catch {
    return true; // an alias that does not resolve, or expands too far
  }
}

/** `FILE:LINE[:COL]: ` then, when the message names one, a key path and `: `. */
const LOCATED = /^vdpascale: (\S+?):(\d+)(?::\d+)?: (?:([A-Za-z$_][\w$-]*(?:\[[^\]]*\]|\.[^\s.:[]+)*): )?/m;

/**
 * The exit-2 message names file and line (or the flag) and the key path. Read off stderr; only
 * a message without a path is looked at again, through the loader's InputError.
 */
async function checkInputError(
  root: string,
  file: string,
  sets: string[],
  content: string | Buffer,
  stderr: string,
) {
  const m = LOCATED.exec(stderr);
  if (m) {
    const named = m[1] as string;
    if (!(named === file || !relative(root, named).startsWith('..')))
      violated('the message names a file outside the case', stderr);
    if (Number(m[2]) < 1) violated('the message names no line', stderr);
    if (m[3] !== undefined) return;
  }
  const error = await loadScenario(file, { sets }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof InputError))
    violated('exit 2, but loading again gives no InputError', String(error));
  const { location } = error;
  if (location.file === undefined) {
    if (!/--set/.test(error.message)) violated('an exit-2 message names no file and no flag', error.format());
    return;
  }
  if (!m) violated('stderr lacks file:line', stderr);
  const fromSet = /\(from --set /.test(error.message);
  if (!location.path && !fromSet && !yamlBroken(content))
    violated('the message names no key path although the YAML parses', error.format());
}

/** The `--set` overrides that shrink a valid case to a cheap run; undefined when too big to run. */
async function shrinkSets(file: string, sets: string[]): Promise<string[] | undefined> {
  const s = await loadScenario(file, {
    sets: [...sets, 'replications=1', 'warmup=0s', 'duration=200us'],
  }).catch(() => undefined);
  if (s === undefined || s.points.length > MAX_RUN_POINTS) return undefined;
  const groups =
    (s.document.workload as { groups?: Array<Record<string, unknown>> } | undefined)?.groups ?? [];
  const byCount = groups.some((g) => g.count !== undefined);
  const big = s.points.some((p) => p.config.instances > MAX_RUN_INSTANCES);
  if (big && byCount) return undefined;
  return ['warmup=0s', 'duration=200us', ...(big ? [`instances=${MAX_RUN_INSTANCES}`] : [])];
}

let counter = 0;

/** What the cases did (printed by the fuzz test): exit statuses of validate, runs made, time spent. */
export const stats = { cases: 0, valid: 0, invalid: 0, runs: 0, runMs: 0, validateMs: 0 };

/**
 * Checks one case: `content` written beside the corpus file `base` (so `extends` resolves),
 * validated, and, when `run` and it validates, run shrunk. Throws a PropertyViolation.
 */
export async function checkCase(
  scratch: Scratch,
  base: string,
  content: string | Buffer,
  sets: string[],
  run: boolean,
): Promise<void> {
  const file = join(scratch.root, dirname(base), `fuzz-case-${counter++}.yaml`);
  writeFileSync(file, content);
  const out = join(scratch.root, 'out', `case-${counter}`);
  const setArgs = sets.flatMap((s) => ['--set', s]);
  try {
    const before = snapshot(scratch.root, file);
    const v = capture();
    const t0 = performance.now();
    const code = await main(['validate', file, ...setArgs], v.cli);
    stats.cases++;
    stats.validateMs += performance.now() - t0;
    if (code === 0) stats.valid++;
    else stats.invalid++;
    const report = `validate ${relative(scratch.root, file)} ${setArgs.join(' ')}\n${v.text.err}`;
    if (code !== 0 && code !== 2) violated(`exit ${code} (expected 0 or 2)`, report);
    if (code === 2) await checkInputError(scratch.root, file, sets, content, v.text.err);
    const written = changes(before, snapshot(scratch.root, file));
    if (written.length > 0) violated('validate wrote files', written.join('\n'));
    if (code !== 0 || !run) return;
    const shrink = await shrinkSets(file, sets);
    if (shrink === undefined) return;
    const t1 = performance.now();
    stats.runs++;
    await checkRun(
      scratch,
      file,
      out,
      [...setArgs, ...shrink.flatMap((s) => ['--set', s])],
      before,
      content,
      sets,
    );
    stats.runMs += performance.now() - t1;
  } finally {
    rmSync(file, { force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

async function checkRun(
  scratch: Scratch,
  file: string,
  out: string,
  args: string[],
  before: Map<string, number>,
  content: string | Buffer,
  sets: string[],
): Promise<void> {
  const r = capture();
  const argv = ['run', file, '--out', out, '--quiet', '--no-report', '--replications', '1', ...args];
  // No --jobs: a shrunk study is small, so it runs in this thread (no worker start-up); a run
  // that outgrows that still goes to a pool, where the budget timer can stop it.
  const t0 = performance.now();
  let overrun = false;
  const timer = setTimeout(() => {
    overrun = true;
    // Stops the run the way Ctrl-C does (the command's own signal watch hears it).
    process.emit('SIGINT' as never);
  }, RUN_BUDGET_MS);
  const code = await main(argv, r.cli).finally(() => clearTimeout(timer));
  const report = `${argv.join(' ')}\n${r.text.err}`;
  overrun ||= performance.now() - t0 > RUN_BUDGET_MS;
  if (overrun) violated(`the run took longer than its ${RUN_BUDGET_MS / 1000} s budget`, report);
  if (code !== 0 && code !== 2) violated(`run: exit ${code} (expected 0 or 2)`, report);
  if (code === 2) {
    if (existsSync(out)) violated('an exit 2 left a result folder', report);
    await checkInputError(scratch.root, file, sets, content, r.text.err);
  } else if (!existsSync(join(out, 'manifest.json'))) {
    violated('exit 0 without a finished result folder', report);
  }
  const after = snapshot(scratch.root, file);
  const outside = changes(before, after).filter(
    (c) => !c.slice(c.indexOf(' ') + 1).startsWith(out) && !c.endsWith(dirname(out)),
  );
  if (outside.length > 0) violated('the run wrote outside --out', outside.join('\n'));
}

/** A fuzz case that once failed, kept as a fixture: its file content and how it is invoked. */
export interface RegressionFixture {
  /** The corpus file it was made from (it is written beside it), e.g. `scenarios/quickstart.yaml`. */
  base: string;
  sets: string[];
  run: boolean;
  /** What the fuzzer found, and what fixed it. */
  found: string;
  fixed: string;
}

export function readRegression(dir: string, name: string): { fixture: RegressionFixture; content: Buffer } {
  const fixture = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as RegressionFixture;
  return { fixture, content: readFileSync(join(dir, `${name}.case`)) };
}
