/**
 * Finds where a bad value was written. A value in a merged scenario may come from the file,
 * a base file it extends, a sweep list, or a `--set` option; the error names that place —
 * file:line:column and key path, or the option — so the user edits the right line.
 */
import { InputError } from '../util/errors.js';
import { formatKeyPath } from './key-path.js';
import type { FileLayer } from './load-layers.js';
import type { DataPath, Problem } from './zod-issues.js';

/** A `--set` (or --seed/--replications) applied at a concrete path. */
export interface AppliedSet {
  text: string;
  path: DataPath;
}

/** A swept value in force at one point, and where its list element is written. */
export interface Assignment {
  path: DataPath;
  param: string;
  value: unknown;
  layer: FileLayer | undefined;
  nodePath: DataPath;
}

export interface PointContext {
  id: string;
  /** `a=1, b=x`, shown when a problem at a point is not in a swept value itself. */
  label: string;
  assignments: readonly Assignment[];
}

const startsWith = (path: DataPath, prefix: DataPath): boolean =>
  prefix.length <= path.length && prefix.every((s, i) => s === path[i]);

export class ScenarioLocator {
  private readonly layers: readonly FileLayer[];
  private readonly sets: AppliedSet[] = [];

  constructor(layers: readonly FileLayer[]) {
    this.layers = layers;
  }

  get mainFile(): string {
    return this.layers[this.layers.length - 1]?.file ?? '';
  }

  addSet(set: AppliedSet): void {
    this.sets.push(set);
  }

  /** The file layer (last one wins) whose YAML writes `path`. */
  layerWriting(path: DataPath): FileLayer | undefined {
    return [...this.layers].reverse().find((l) => l.source.has(path));
  }

  /**
   * The error to report among several: the first in file order, a missing required key last
   * (it is often the echo of a mistyped one), problems without a position after those with one.
   */
  first(problems: readonly Problem[], point?: PointContext): InputError {
    const errors = problems.map((p) => ({ p, e: this.error(p, point) }));
    const rank = ({ p, e }: { p: Problem; e: InputError }) => [
      p.missing ? 1 : 0,
      e.location.line ?? Number.MAX_SAFE_INTEGER,
      e.location.column ?? 0,
    ];
    errors.sort((a, b) => {
      const ra = rank(a);
      const rb = rank(b);
      return (
        (ra[0] as number) - (rb[0] as number) ||
        (ra[1] as number) - (rb[1] as number) ||
        (ra[2] as number) - (rb[2] as number)
      );
    });
    const best = errors[0];
    if (best === undefined) throw new Error('internal: no problem to report');
    return best.e;
  }

  /** An InputError for `problem`, placed at the value's origin. */
  error(problem: Problem, point?: PointContext): InputError {
    const full = problem.key === undefined ? problem.path : [...problem.path, problem.key];
    const path = formatKeyPath(full);
    const swept = point?.assignments.find((a) => startsWith(problem.path, a.path));
    if (swept !== undefined) return this.atSweepValue(problem, swept, path);
    const set = [...this.sets]
      .reverse()
      .find((s) => startsWith(full, s.path) || (full.length > 0 && startsWith(s.path, full)));
    if (set !== undefined) {
      return new InputError(`${problem.message} (from ${set.text})`, { path }, problem.allowed);
    }
    const suffix =
      point !== undefined && point.label !== '' ? ` (at sweep point ${point.id}: ${point.label})` : '';
    return new InputError(problem.message + suffix, { ...this.position(problem), path }, problem.allowed);
  }

  private atSweepValue(problem: Problem, a: Assignment, path: string): InputError {
    const message = `sweep value for ${a.param}: ${problem.message}`;
    const inner = [...a.nodePath, ...problem.path.slice(a.path.length)];
    const pos = a.layer?.source.positionOf(inner, problem.key) ?? a.layer?.source.positionOf(a.nodePath);
    return new InputError(message, { file: a.layer?.file ?? this.mainFile, ...pos, path }, problem.allowed);
  }

  /** file:line:column of the value, else of its nearest written ancestor, else just the main file. */
  private position(problem: Problem): { file: string; line?: number; column?: number } {
    for (const layer of [...this.layers].reverse()) {
      const pos = layer.source.positionOf(problem.path, problem.key);
      if (pos !== undefined) return { file: layer.file, ...pos };
    }
    let best: { file: string; depth: number; line: number; column: number } | undefined;
    for (const layer of [...this.layers].reverse()) {
      const found = layer.source.deepestPosition(problem.path);
      if (found !== undefined && (best === undefined || found.depth > best.depth)) {
        best = { file: layer.file, depth: found.depth, ...found.position };
      }
    }
    if (best === undefined) return { file: this.mainFile };
    return { file: best.file, line: best.line, column: best.column };
  }
}
