import { InputError } from '../util/errors.js';
import { formatKeyPath, type Segment } from './key-path.js';

/**
 * A cross-field rule broken by a resolved scenario, named by the scenario key path it
 * concerns. The loader turns it into an InputError at that key's file:line:column; callers
 * of `resolveConfig` get it as an InputError with the key path.
 */
export class ConfigProblem extends InputError {
  readonly segments: Segment[];

  constructor(segments: Segment[], message: string, allowed?: string) {
    super(message, { path: formatKeyPath(segments) }, allowed);
    this.segments = segments;
  }
}
