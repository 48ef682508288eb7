/**
 * `--set PATH=VALUE`: a dotted key path and a YAML 1.2 value (scalar or flow collection),
 * checked and parsed like the same key in a file: `--set adminq.workers=8`,
 * `--set 'adminq.service={dist: exponential, mean: 50us}'`, `--set strategy.transport=admin-vq`.
 * `null` removes the key (back to the default). Sweep lists are set as
 * `--set 'sweep.grid.adminq.workers=[1, 4]'`: everything after `sweep.grid.` is one key.
 */
import { parseDocument } from 'yaml';
import { InputError } from '../util/errors.js';
import { formatKeyPath, parseKeyPath, type Segment } from './key-path.js';
import { getIn } from './plain-data.js';
import { YAML_OPTIONS } from './yaml-source.js';

export interface SetOverride {
  /** The option as given, for messages. */
  text: string;
  segments: Segment[];
  value: unknown;
}

const EXAMPLES =
  'e.g. adminq.workers=8, strategy.transport=admin-vq, adminq.service={dist: exponential, mean: 50us}';

export function parseSet(text: string): SetOverride {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new InputError(`--set '${text}': expected PATH=VALUE`, {}, EXAMPLES);
  const pathText = text.slice(0, eq).trim();
  let segments: Segment[];
  try {
    segments = parseSetPath(pathText);
  } catch (e) {
    // The key-path parser does not know the text came from a flag; the message must say so.
    if (!(e instanceof InputError)) throw e;
    throw new InputError(`--set '${text}': ${e.message}`, e.location, e.allowed);
  }
  return { text, segments, value: parseSetValue(text.slice(eq + 1), pathText) };
}

function parseSetPath(pathText: string): Segment[] {
  const sweep = /^sweep\.(grid|zip)\.(.+)$/.exec(pathText);
  if (sweep) {
    parseKeyPath(sweep[2] as string); // the swept key itself must be a well-formed path
    return ['sweep', sweep[1] as string, sweep[2] as string];
  }
  return parseKeyPath(pathText);
}

function parseSetValue(valueText: string, pathText: string): unknown {
  if (valueText.trim() === '') {
    throw new InputError(
      `--set ${pathText}= has no value`,
      { path: pathText },
      `a YAML value (${EXAMPLES}); null resets the key`,
    );
  }
  const doc = parseDocument(valueText, YAML_OPTIONS);
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem !== undefined) {
    throw new InputError(
      `--set ${pathText}: the value is not valid YAML 1.2: ${problem.message.split('\n')[0]}`,
      { path: pathText },
      EXAMPLES,
    );
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // The parser accepts an alias (`*x`) without its anchor; only building the value finds it
    // missing. A --set value is its own document, so no anchor elsewhere can resolve it.
    throw new InputError(
      `--set ${pathText}: the value cannot be built: ${(e as Error).message.split('\n')[0]}`,
      { path: pathText },
      `${EXAMPLES}; quote text that starts with * or &`,
    );
  }
}

/**
 * The path with group names (`workload.groups[noisy]`) replaced by their positions in `data`;
 * throws InputError naming the groups that exist.
 */
export function concretePath(data: unknown, segments: readonly Segment[], what: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const segment of segments) {
    if (typeof segment !== 'object') {
      out.push(segment);
      continue;
    }
    const list = getIn(data, out);
    const names = Array.isArray(list) ? list.map((g) => (g as { name?: unknown })?.name) : [];
    const index = names.indexOf(segment.name);
    if (index < 0) {
      throw new InputError(
        `${what ? `${what}: ` : ''}no element named '${segment.name}' in ${formatKeyPath(out)}`,
        { path: formatKeyPath(segments) },
        names.length > 0 ? names.map(String).join(', ') : 'none: the list is empty or missing',
      );
    }
    out.push(index);
  }
  return out;
}
