export {
  constant,
  DIST_NAMES,
  type DistName,
  type Distribution,
  type DistSpec,
  makeDistribution,
} from './distribution.js';
export { RandomStream } from './random-stream.js';
export { RNG_ALGORITHM, StreamFactory, seedTextFor } from './stream-factory.js';
