/**
 * Reads a scenario file and, through `extends`, the chain of base files under it. Bases are
 * resolved relative to the file that names them; a cycle or a missing base is an input error
 * at the `extends` line.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../util/errors.js';
import { isPlainObject } from './plain-data.js';
import { YamlSource } from './yaml-source.js';

/** One file of the chain, base files first. */
export interface FileLayer {
  /** The path as shown in messages (as given, or joined onto the child's directory). */
  file: string;
  source: YamlSource;
  /** The file's top-level mapping. */
  data: Record<string, unknown>;
}

const MAX_DEPTH = 16;

/** The files of the chain, the deepest base first and `file` last. */
export async function loadLayers(file: string): Promise<FileLayer[]> {
  return loadChain(file, []);
}

async function loadChain(file: string, chain: FileLayer[]): Promise<FileLayer[]> {
  const layer = await readLayer(file, chain.at(-1));
  const base = layer.data.extends;
  if (base === undefined) return [layer];
  const child = [...chain, layer];
  if (typeof base !== 'string' || base.trim() === '') {
    throw errorAtExtends(layer, 'extends takes the path of a base scenario file, e.g. extends: base.yaml');
  }
  const baseFile = join(dirname(file), base);
  const seen = child.map((l) => resolve(l.file));
  if (seen.includes(resolve(baseFile))) {
    const cycle = [...child.map((l) => l.file), baseFile].join(' → ');
    throw errorAtExtends(layer, `extends cycle: ${cycle}`);
  }
  if (child.length >= MAX_DEPTH) throw errorAtExtends(layer, `extends chain deeper than ${MAX_DEPTH} files`);
  return [...(await loadChain(baseFile, child)), layer];
}

async function readLayer(file: string, child: FileLayer | undefined): Promise<FileLayer> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    if (child === undefined) throw new InputError(`cannot read scenario file: ${reason}`, { file });
    throw errorAtExtends(child, `cannot read base file '${file}': ${reason}`);
  }
  const source = YamlSource.parse(text, file);
  if (source.data === null || source.data === undefined) {
    throw new InputError('the file is empty: a scenario needs at least name and duration', { file, line: 1 });
  }
  if (!isPlainObject(source.data)) {
    throw new InputError(
      'a scenario file is a mapping of keys (name: …, duration: …), not a list or a value',
      {
        file,
        line: 1,
        column: 1,
      },
    );
  }
  return { file, source, data: source.data };
}

function errorAtExtends(layer: FileLayer, message: string): InputError {
  const pos = layer.source.positionOf(['extends']);
  return new InputError(message, { file: layer.file, ...pos, path: 'extends' });
}
