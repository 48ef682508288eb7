/**
 * Mutations of scenario files for the fuzzer, as fast-check arbitraries. A case is a corpus
 * file (a shipped scenario, an example, a bad-input fixture) and one to three mutations, each
 * plain data (so fast-check can shrink it and a failure prints as a readable plan):
 * key renames, type swaps, unit garbage, huge and negative numbers, deep nesting, long strings,
 * unicode, duplicate keys, deleted and unknown keys, truncation, random bytes, line damage, and
 * `--set` overrides with garbage values. Structural mutations edit the parsed YAML document and
 * print it again; on a file that does not parse they fall back to a textual edit.
 */
import fc from 'fast-check';
import { isMap, isPair, isScalar, isSeq, type Node, parseDocument } from 'yaml';

export type Mutation =
  | { kind: 'rename-key'; pick: number; variant: number; text: string }
  | { kind: 'swap-type'; pick: number; variant: number }
  | { kind: 'unit-garbage'; pick: number; number: number; unit: number }
  | { kind: 'huge-number'; pick: number; variant: number }
  | { kind: 'deep-nesting'; pick: number; depth: number; list: boolean }
  | { kind: 'long-string'; pick: number; length: number; key: boolean }
  | { kind: 'unicode'; pick: number; text: string; key: boolean }
  | { kind: 'duplicate-key'; pick: number }
  | { kind: 'delete-key'; pick: number }
  | { kind: 'unknown-key'; pick: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'random-bytes'; at: number; bytes: number[]; replace: boolean }
  | { kind: 'line-damage'; pick: number; variant: number }
  | { kind: 'set-override'; pick: number; value: number; text: string };

export interface FuzzCase {
  /** Index into the corpus. */
  base: number;
  mutations: Mutation[];
  /** Also run it (shrunk) when it validates. */
  run: boolean;
}

const NUMBERS = [
  '0',
  '-0',
  '-1',
  '1',
  '0.5',
  '.5',
  '5.',
  '1e3',
  '1e309',
  '-1e309',
  '1e-400',
  'NaN',
  '.nan',
  '.inf',
  '-.inf',
  'Infinity',
  '0x1F',
  '0o17',
  '1_000',
  '9007199254740993',
  '18446744073709551616',
  '123456789012345678901234567890',
  '4294967296',
  '-2147483649',
  '2.5e-7',
  '1e21',
  '007',
];
const UNITS = [
  '',
  's',
  'ms',
  'us',
  'µs',
  'μs',
  'ns',
  'ps',
  'min',
  'h',
  'd',
  'parsecs',
  'B',
  'KiB',
  'kib',
  'KB',
  'MiB',
  'GiB',
  'TiB',
  'bps',
  'Gbps',
  'gbps',
  'pps',
  'kpps',
  'Mpps',
  '/s',
  '/ms',
  '%',
  ' s',
  's s',
  'MiB/s',
  'x',
  '1',
];
const HUGE = [
  '1e308',
  '-1e308',
  '9007199254740992',
  '9007199254740993',
  '-9007199254740993',
  '2147483648',
  '4294967296',
  '1e21',
  '1e100',
  '-1',
  '-1000000',
  '0',
  '-0.0001',
  '1e-320',
  '99999999999999999999999999',
];
const SWAPS = [
  '42',
  '"42"',
  'true',
  'null',
  '~',
  '[]',
  '{}',
  '[1, 2]',
  '{a: 1}',
  '""',
  "'yes'",
  'no',
  '-1',
  '3.5',
];
const DEEP = '__fuzz_deep_value__';
const UNICODE = [
  'é',
  'ü',
  '名前',
  '😀',
  '‮rtl‬',
  'a​b',
  'ｆｕｌｌ',
  'Ω',
  '\u0000',
  '\uFFFD',
  'ﬁ',
  'İ',
  '\t',
  '\\',
];

/** Keys, and scalar/collection values, of a parsed document, in document order. */
function collect(text: string) {
  const doc = parseDocument(text, { version: '1.2', uniqueKeys: false, prettyErrors: false });
  const keys: Array<{ pair: { key: unknown; value: unknown } }> = [];
  const values: Array<{ pair: { key: unknown; value: unknown } }> = [];
  const paths: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (isMap(node)) {
      for (const item of node.items) {
        const k = isScalar(item.key) ? String(item.key.value) : '?';
        const p = path ? `${path}.${k}` : k;
        keys.push({ pair: item });
        values.push({ pair: item });
        paths.push(p);
        walk(item.value, p);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        walk(item, `${path}[${i}]`);
      });
    }
  };
  walk(doc.contents, '');
  return { doc, keys, values, paths, ok: doc.errors.length === 0 };
}

function at<T>(list: readonly T[], pick: number): T | undefined {
  return list.length === 0 ? undefined : list[pick % list.length];
}

function nested(depth: number, list: boolean, leaf: string): string {
  return list
    ? `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`
    : `${'{a: '.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
}

function typo(key: string, variant: number, text: string): string {
  if (key.length === 0) return text || 'x';
  const i = variant % key.length;
  switch (variant % 8) {
    case 0:
      return key.slice(0, i) + key.slice(i + 1); // drop a character
    case 1:
      return key.slice(0, i) + (key[i + 1] ?? '') + (key[i] ?? '') + key.slice(i + 2); // swap two
    case 2:
      return key.toUpperCase();
    case 3:
      return `${key}_`;
    case 4:
      return `${key}Ns`;
    case 5:
      return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    case 6:
      return `${key}${text}`;
    default:
      return text || `${key}s`;
  }
}

/** Sets a pair's value (or key) to YAML source text, parsed as a node of the document. */
function setNode(
  doc: ReturnType<typeof parseDocument>,
  pair: { key: unknown; value: unknown },
  source: string,
  which: 'key' | 'value',
): void {
  const parsed = parseDocument(source, { version: '1.2', uniqueKeys: false });
  const node = (parsed.contents ?? doc.createNode(null)) as Node;
  if (which === 'key') pair.key = isScalar(node) ? node : doc.createNode(source);
  else pair.value = node;
}

/** Applies one mutation to a file's text (bytes for random-byte damage); returns text or bytes. */
export function mutate(input: string | Buffer, m: Mutation, sets: string[]): string | Buffer {
  try {
    return mutateOnce(input, m, sets);
  } catch {
    // The edit left a document the printer refuses (an alias whose anchor went): damage lines instead.
    const text = Buffer.isBuffer(input) ? input.toString('utf8') : input;
    return damageLines(text, { kind: 'line-damage', pick: 'pick' in m ? m.pick : 0, variant: 3 });
  }
}

function mutateOnce(input: string | Buffer, m: Mutation, sets: string[]): string | Buffer {
  if (m.kind === 'random-bytes') {
    const buf = Buffer.isBuffer(input) ? input : Buffer.from(input, 'utf8');
    const pos = buf.length === 0 ? 0 : m.at % (buf.length + 1);
    const bytes = Buffer.from(m.bytes);
    return m.replace
      ? Buffer.concat([buf.subarray(0, pos), bytes, buf.subarray(Math.min(buf.length, pos + bytes.length))])
      : Buffer.concat([buf.subarray(0, pos), bytes, buf.subarray(pos)]);
  }
  const text = Buffer.isBuffer(input) ? input.toString('utf8') : input;
  if (m.kind === 'truncate') return text.slice(0, text.length === 0 ? 0 : m.at % text.length);
  if (m.kind === 'line-damage' || m.kind === 'duplicate-key') return damageLines(text, m);
  const { doc, keys, values, paths, ok } = collect(text);
  if (m.kind === 'set-override') {
    const path = at(paths, m.pick) ?? 'instances';
    const value =
      m.value % 2 === 0
        ? `${at(NUMBERS, m.value) ?? '1'}${at(UNITS, m.pick) ?? ''}`
        : (at(SWAPS, m.value) ?? m.text);
    sets.push(`${path}=${m.value % 5 === 4 ? m.text : value}`);
    return text;
  }
  const target =
    m.kind === 'rename-key' || m.kind === 'delete-key' || m.kind === 'unknown-key' ? keys : values;
  const slot = at(target, m.pick);
  if (!ok || slot === undefined)
    return damageLines(text, { kind: 'line-damage', pick: m.pick, variant: m.pick });
  const { pair } = slot;
  const keyText = isScalar(pair.key) ? String(pair.key.value) : 'key';
  switch (m.kind) {
    case 'rename-key':
      setNode(doc, pair, JSON.stringify(typo(keyText, m.variant, m.text)), 'key');
      break;
    case 'swap-type':
      setNode(doc, pair, at(SWAPS, m.variant) ?? 'null', 'value');
      break;
    case 'unit-garbage':
      setNode(doc, pair, JSON.stringify(`${at(NUMBERS, m.number)}${at(UNITS, m.unit)}`), 'value');
      break;
    case 'huge-number':
      setNode(doc, pair, at(HUGE, m.variant) ?? '1e308', 'value');
      break;
    case 'deep-nesting':
      // Spliced into the printed text: the YAML printer itself recurses per level.
      setNode(doc, pair, DEEP, 'value');
      return doc.toString({ lineWidth: 0 }).replace(DEEP, nested(m.depth, m.list, '1'));
    case 'long-string':
      setNode(doc, pair, JSON.stringify('x'.repeat(m.length)), m.key ? 'key' : 'value');
      break;
    case 'unicode':
      setNode(doc, pair, JSON.stringify(m.key ? `${keyText}${m.text}` : m.text), m.key ? 'key' : 'value');
      break;
    case 'delete-key': {
      const parent = findParent(doc.contents, pair);
      if (parent) parent.items.splice(parent.items.indexOf(pair as never), 1);
      break;
    }
    case 'unknown-key': {
      const parent = findParent(doc.contents, pair);
      parent?.items.push(doc.createPair(m.text || 'extra', 1) as never);
      break;
    }
  }
  return doc.toString({ lineWidth: 0 });
}

function findParent(node: unknown, pair: unknown): { items: unknown[] } | undefined {
  if (isMap(node)) {
    if (node.items.includes(pair as never)) return node as unknown as { items: unknown[] };
    for (const item of node.items) {
      const found = findParent(item.value, pair);
      if (found) return found;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const found = findParent(item, pair);
      if (found) return found;
    }
  } else if (isPair(node)) {
    return findParent(node.value, pair);
  }
  return undefined;
}

/** Line-level damage: duplicated key lines, tabs, CRLF, a BOM, swapped or dropped lines. */
function damageLines(text: string, m: { kind: string; pick: number; variant?: number }): string {
  const lines = text.split('\n');
  const i = lines.length === 0 ? 0 : m.pick % lines.length;
  const line = lines[i] ?? '';
  if (m.kind === 'duplicate-key') {
    const keyLines = lines.map((l, n) => [l, n] as const).filter(([l]) => /^\s*[\w-]+:/.test(l));
    const [dup, n] = at(keyLines, m.pick) ?? [line, i];
    lines.splice(n + 1, 0, dup);
    return lines.join('\n');
  }
  switch ((m.variant ?? 0) % 7) {
    case 0:
      lines[i] = line.replace(/^( +)/, (s) => '\t'.repeat(Math.max(1, s.length / 2)));
      return lines.join('\n');
    case 1:
      return lines.join('\r\n');
    case 2:
      return `\uFEFF${text}`;
    case 3:
      lines.splice(i, 1);
      return lines.join('\n');
    case 4:
      lines.splice(i, 0, line);
      return lines.join('\n');
    case 5:
      lines[i] = `  ${line}`;
      return lines.join('\n');
    default:
      lines[i] = line.replace(':', '');
      return lines.join('\n');
  }
}

const pick = fc.nat({ max: 10_000 });
const word = fc.oneof(
  fc.constantFrom(...UNICODE, 'extra', 'rate', 'Workers', 'depth', '__proto__', 'constructor', 'toString'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('rename-key' as const), pick, variant: fc.nat(), text: word }),
  fc.record({ kind: fc.constant('swap-type' as const), pick, variant: fc.nat() }),
  fc.record({ kind: fc.constant('unit-garbage' as const), pick, number: fc.nat(), unit: fc.nat() }),
  fc.record({ kind: fc.constant('huge-number' as const), pick, variant: fc.nat() }),
  fc.record({
    kind: fc.constant('deep-nesting' as const),
    pick,
    // 20,000 levels is beyond any recursive descent's stack; it is rare because it is slow to parse.
    depth: fc.oneof({ arbitrary: fc.constantFrom(3, 30, 300, 3000), weight: 9 }, fc.constant(20_000)),
    list: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('long-string' as const),
    pick,
    length: fc.oneof({ arbitrary: fc.constantFrom(300, 10_000), weight: 9 }, fc.constant(200_000)),
    key: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('unicode' as const), pick, text: word, key: fc.boolean() }),
  fc.record({ kind: fc.constant('duplicate-key' as const), pick }),
  fc.record({ kind: fc.constant('delete-key' as const), pick }),
  fc.record({ kind: fc.constant('unknown-key' as const), pick, text: word }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('random-bytes' as const),
    at: fc.nat(),
    bytes: fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 16 }),
    replace: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('line-damage' as const), pick, variant: fc.nat() }),
  fc.record({ kind: fc.constant('set-override' as const), pick, value: fc.nat(), text: word }),
);

export function caseArb(corpusSize: number, runShare: number): fc.Arbitrary<FuzzCase> {
  return fc.record({
    base: fc.nat({ max: corpusSize - 1 }),
    mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
    // A run costs a worker-thread start and a shrunk simulation: only a share of the cases.
    run: fc.noBias(fc.integer({ min: 0, max: 9999 })).map((u) => u < runShare * 10_000),
  });
}

/** The case's file content (text or raw bytes) and its extra `--set` arguments. */
export function applyCase(source: string, c: FuzzCase): { content: string | Buffer; sets: string[] } {
  const sets: string[] = [];
  let content: string | Buffer = source;
  for (const m of c.mutations) content = mutate(content, m, sets);
  return { content, sets };
}
