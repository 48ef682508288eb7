/**
 * The committed JSON Schema (scenarios/scenario.schema.json) must equal what `vdpascale schema`
 * prints. Refresh it with:  UPDATE_SCHEMA=1 npx vitest run test/scenario/json-schema.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/scenario/index.js';

const FILE = join(import.meta.dirname, '..', '..', 'scenarios', 'scenario.schema.json');
const REFRESH = 'UPDATE_SCHEMA=1 npx vitest run test/scenario/json-schema.test.ts';

type Node = Record<string, unknown>;
const prop = (node: Node, ...path: string[]): Node =>
  path.reduce<Node>((n, key) => (n.properties as Record<string, Node>)[key] as Node, node);

describe('scenarios/scenario.schema.json', () => {
  it('is current', () => {
    const fresh = scenarioJsonSchemaText();
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(FILE, fresh);
    const committed = readFileSync(FILE, 'utf8');
    expect(committed === fresh, `scenarios/scenario.schema.json is stale; refresh it with: ${REFRESH}`).toBe(
      true,
    );
  });

  it('documents every key and forbids unknown ones', () => {
    const schema = scenarioJsonSchema();
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['name', 'duration']);
    const undocumented: string[] = [];
    const walk = (node: Node, path: string): void => {
      for (const [key, child] of Object.entries(
        (node.properties as Record<string, Node> | undefined) ?? {},
      )) {
        if (typeof child.description !== 'string' || child.description === '')
          undocumented.push(`${path}${key}`);
        walk(child, `${path}${key}.`);
        for (const alt of (child.anyOf as Node[] | undefined) ?? []) walk(alt, `${path}${key}.`);
        if (child.items) walk(child.items as Node, `${path}${key}[].`);
      }
    };
    walk(schema, '');
    expect(undocumented).toEqual([]);
  });

  it('shows defaults as a scenario writes them, and where hardware defaults come from', () => {
    const schema = scenarioJsonSchema();
    expect(prop(schema, 'warmup').default).toBe('0s');
    expect(prop(schema, 'strategy', 'transport').default).toBe('per-vf');
    expect(prop(schema, 'adminq', 'policy').default).toBe('fifo');
    expect(prop(schema, 'adminq', 'workers').description).toContain('Default: from the parent profile');
    const group = prop(schema, 'workload', 'groups').items as Node;
    expect(prop(group, 'traffic', 'workingSet').default).toBe('256KiB');
    expect(prop(schema, 'duration').pattern).toBeDefined();
  });
});
