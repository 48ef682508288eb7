/** Strict YAML: 1.2 core schema, positions for key paths, anchors without merge keys or blow-ups. */
import { describe, expect, it } from 'vitest';
import { YamlSource } from '../../src/scenario/yaml-source.js';
import { InputError } from '../../src/util/errors.js';

const TEXT = `name: x
adminq:
  workers: 4
workload:
  groups:
    - name: a
    - name: b
      traffic: { rate: 20kpps }
`;

describe('YamlSource', () => {
  it('reads YAML 1.2 core: no, on and y stay strings, 0x1f is a number', () => {
    const s = YamlSource.parse('a: no\nb: on\nc: y\nd: 0x1f\ne: 1e3\nf: true\n', 'f.yaml');
    expect(s.data).toEqual({ a: 'no', b: 'on', c: 'y', d: 31, e: 1000, f: true });
  });

  it('finds the line and column of a key path, into lists and flow maps', () => {
    const s = YamlSource.parse(TEXT, 'f.yaml');
    expect(s.positionOf(['adminq', 'workers'])).toEqual({ line: 3, column: 12 });
    expect(s.positionOf(['adminq'], 'workers')).toEqual({ line: 3, column: 3 });
    expect(s.positionOf(['workload', 'groups', 1, 'traffic', 'rate'])).toEqual({ line: 8, column: 24 });
    expect(s.positionOf(['workload', 'groups', 5])).toBeUndefined();
    expect(s.deepestPosition(['workload', 'groups', 1, 'control', 'rate'])).toEqual({
      depth: 3,
      position: { line: 7, column: 7 },
    });
  });

  it('follows aliases; anchors are fine', () => {
    const s = YamlSource.parse('common: &c { workers: 4 }\nadminq: *c\n', 'f.yaml');
    expect(s.data).toEqual({ common: { workers: 4 }, adminq: { workers: 4 } });
    expect(s.positionOf(['adminq', 'workers'])).toEqual({ line: 1, column: 23 });
  });

  it('refuses duplicate keys, tags, merge keys and several documents at their line', () => {
    const cases: Array<[string, string, number]> = [
      ['a: 1\na: 2\n', 'duplicate key', 2],
      ['a: !include other.yaml\n', 'custom YAML tags are not supported', 1],
      ['x: &x { a: 1 }\ny:\n  <<: *x\n', 'merge keys (<<) are not supported', 3],
      ['a: 1\n---\nb: 2\n', 'one scenario per file', 2],
      ['a: 1\nb: c: 2\n', 'YAML syntax error', 2],
      ['a: "unterminated\n', 'YAML syntax error', 2],
    ];
    for (const [text, fragment, line] of cases) {
      const error = (() => {
        try {
          YamlSource.parse(text, 'f.yaml');
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error, text).toBeInstanceOf(InputError);
      expect((error as InputError).message).toContain(fragment);
      expect((error as InputError).location).toMatchObject({ file: 'f.yaml', line });
    }
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const rows = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      rows.push(`${name}: &${name} [${new Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    expect(() => YamlSource.parse(`${rows.join('\n')}\n`, 'bomb.yaml')).toThrow(InputError);
  });
});
