/**
 * The JSON Schema of scenario files (`vdpascale schema`, committed as
 * scenarios/scenario.schema.json for editor completion). Generated from the zod schema's
 * input side, then annotated with the defaults of defaults.ts (as a scenario writes them)
 * and, for hardware keys, where their default comes from.
 */
import { z } from 'zod';
import { CHOICE_DEFAULTS, DEFAULT_GROUP, GROUP_DEFAULTS, RUN_DEFAULTS } from './defaults.js';
import { settablePaths } from './model-paths.js';
import { isPlainObject } from './plain-data.js';
import { scenarioSchema } from './scenario-schema.js';

type JsonNode = Record<string, unknown>;

export function scenarioJsonSchema(): JsonNode {
  const schema = z.toJSONSchema(scenarioSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as JsonNode;
  const annotated: JsonNode = { $schema: schema.$schema, title: 'vdpascale scenario', ...schema };
  addDefaults(annotated, [], { ...RUN_DEFAULTS, ...CHOICE_DEFAULTS, workload: { groups: [DEFAULT_GROUP] } });
  const group = propertyAt(annotated, ['workload', 'groups']);
  if (group && isPlainObject(group.items)) addDefaults(group.items, [], GROUP_DEFAULTS);
  for (const { path, hardware } of settablePaths()) {
    const node = propertyAt(annotated, path.split('.'));
    if (hardware && node)
      node.description =
        `${node.description ?? ''} Default: from the parent profile (vdpascale profiles NAME).`.trim();
  }
  return annotated;
}

/** The schema as committed: two-space JSON with a final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

/** The schema of property `path`, looking into `anyOf` alternatives that are objects. */
function propertyAt(node: JsonNode, path: readonly string[]): JsonNode | undefined {
  let current: JsonNode | undefined = node;
  for (const key of path) {
    if (current === undefined) return undefined;
    const holder: JsonNode | undefined = isPlainObject(current.properties)
      ? current
      : (current.anyOf as JsonNode[] | undefined)?.find((alt) => isPlainObject(alt.properties));
    const props = holder?.properties as Record<string, JsonNode> | undefined;
    current = props?.[key];
  }
  return current;
}

/** Sets `default` on each property a defaults fragment gives a value for. */
function addDefaults(root: JsonNode, path: string[], defaults: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(defaults)) {
    const node = propertyAt(root, [...path, key]);
    if (node === undefined)
      throw new Error(`internal: default for unknown scenario key ${[...path, key].join('.')}`);
    if (isPlainObject(value) && isPlainObject(node.properties)) addDefaults(root, [...path, key], value);
    else node.default = value;
  }
}
