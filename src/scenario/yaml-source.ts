/**
 * One YAML file read the strict way: YAML 1.2 core schema (so `no`, `on`, `y` stay strings),
 * duplicate keys rejected, no custom tags, no `<<` merge keys (anchors and aliases are fine).
 * It keeps the parsed Document and a LineCounter so that a key path found bad later —
 * by the schema or a cross-field rule — can be reported at its file:line:column.
 */
import {
  type Document,
  type DocumentOptions,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type ParseOptions,
  parseDocument,
  type SchemaOptions,
  visit,
} from 'yaml';
import { InputError } from '../util/errors.js';
import { formatKeyPath } from './key-path.js';

/** Key path inside the YAML data: map keys and sequence positions. */
export type DataPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

/** YAML parse options shared by files and `--set` values. */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  customTags: [],
  merge: false,
  prettyErrors: false,
};

/** Aliases may repeat a subtree a few times, not explode it (the "billion laughs" file). */
const MAX_ALIAS_COUNT = 1000;

export class YamlSource {
  readonly file: string;
  readonly data: unknown;
  private readonly doc: Document;
  private readonly lines: LineCounter;

  private constructor(file: string, doc: Document, lines: LineCounter, data: unknown) {
    this.file = file;
    this.doc = doc;
    this.lines = lines;
    this.data = data;
  }

  /** Parses `text`; throws InputError at the first syntax error, duplicate key, tag or merge key. */
  static parse(text: string, file: string): YamlSource {
    const lines = new LineCounter();
    const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: lines });
    const at = (offset: number | undefined): Position => toPosition(lines, offset ?? 0);
    const first = doc.errors[0] ?? doc.warnings[0];
    if (first !== undefined) {
      throw new InputError(yamlMessage(first.code, first.message), { file, ...positionOf(at(first.pos[0])) });
    }
    rejectMergeKeys(doc, file, at);
    const firstAlias = checkAliases(doc, file, at);
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      throw new InputError(`YAML aliases expand too far: ${(e as Error).message}`, {
        file,
        ...positionOf(firstAlias ?? { line: 1, column: 1 }),
      });
    }
    return new YamlSource(file, doc, lines, data);
  }

  /** Where the value at `path` (or, with `key`, that key of the map at `path`) is written. */
  positionOf(path: DataPath, key?: string): Position | undefined {
    const found = this.nodeAt(key === undefined ? path : [...path, key]);
    if (found === undefined) return undefined;
    const node = key !== undefined ? (found.key ?? found.node) : found.node;
    return node?.range ? toPosition(this.lines, node.range[0]) : undefined;
  }

  /** The longest prefix of `path` that exists in this file, with its position. */
  deepestPosition(path: DataPath): { depth: number; position: Position } | undefined {
    for (let depth = path.length; depth >= 0; depth--) {
      const pos = this.positionOf(path.slice(0, depth));
      if (pos !== undefined) return { depth, position: pos };
    }
    return undefined;
  }

  /** Whether the file itself writes a value at `path`. */
  has(path: DataPath): boolean {
    return this.nodeAt(path) !== undefined;
  }

  private nodeAt(path: DataPath): { node: Node | null; key?: Node } | undefined {
    let node: Node | null = this.doc.contents;
    let key: Node | undefined;
    for (const segment of path) {
      if (node !== null && isAlias(node)) node = node.resolve(this.doc) ?? null;
      if (node !== null && isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
        if (pair === undefined) return undefined;
        key = isScalar(pair.key) ? pair.key : undefined;
        node = (pair.value as Node | null) ?? null;
      } else if (node !== null && isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) return undefined;
        key = undefined;
        node = item as Node;
      } else {
        return undefined;
      }
    }
    return key === undefined ? { node } : { node, key };
  }
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

function toPosition(lines: LineCounter, offset: number): Position {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

function positionOf(p: Position): { line: number; column: number } {
  return { line: p.line, column: p.column };
}

function yamlMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'duplicate key: each key may appear once in a mapping';
  if (code === 'TAG_RESOLVE_FAILED')
    return `${message}: custom YAML tags are not supported (plain values only)`;
  if (code === 'MULTIPLE_DOCS') return 'one scenario per file: remove the extra `---` documents';
  return `YAML syntax error: ${message.split('\n')[0]}`;
}

function rejectMergeKeys(doc: Document, file: string, at: (offset: number | undefined) => Position): void {
  visit(doc, {
    Pair(_key, pair, ancestors) {
      if (isScalar(pair.key) && pair.key.value === '<<') {
        throw new InputError(
          'YAML merge keys (<<) are not supported: use `extends: base.yaml`, or repeat the keys',
          {
            file,
            ...positionOf(at(pair.key.range?.[0])),
            path: formatKeyPath([...dataPathOf(ancestors), '<<']),
          },
        );
      }
    },
  });
}

/**
 * Refuses an alias whose anchor is not defined before it (the YAML library would only fail
 * later, without a position); returns where the first alias is, for the expansion limit.
 */
function checkAliases(
  doc: Document,
  file: string,
  at: (offset: number | undefined) => Position,
): Position | undefined {
  let first: Position | undefined;
  visit(doc, {
    Alias(_key, alias, ancestors) {
      const where = at(alias.range?.[0]);
      first ??= where;
      if (alias.resolve(doc) === undefined) {
        throw new InputError(
          `alias *${alias.source} has no anchor &${alias.source} before it`,
          { file, ...positionOf(where), path: formatKeyPath(dataPathOf(ancestors)) },
          'an alias after its anchor, e.g. `x: &name {…}` then `y: *name`',
        );
      }
    },
  });
  return first;
}

/** The data path of the node below `ancestors` (visit's chain: document, maps, pairs, sequences). */
function dataPathOf(ancestors: readonly unknown[]): (string | number)[] {
  const path: (string | number)[] = [];
  ancestors.forEach((node, i) => {
    if (isPair(node) && isScalar(node.key)) path.push(String(node.key.value));
    else if (isSeq(node)) path.push(node.items.indexOf(ancestors[i + 1] as never));
  });
  return path;
}
