import { COMMAND_CLASSES, type CommandClass } from '../config.js';

/** Numeric code of each command class (its index in COMMAND_CLASSES), for typed arrays. */
export const CLASS_CODE = Object.fromEntries(COMMAND_CLASSES.map((c, i) => [c, i])) as Record<
  CommandClass,
  number
>;

export function className(code: number): CommandClass {
  const name = COMMAND_CLASSES[code];
  if (name === undefined) throw new RangeError(`no command class with code ${code}`);
  return name;
}

/**
 * Commands the mlx5 firmware throttles ([[linux-mlx5-cmd]]: cmd.c's throttle semaphore covers the
 * object create/destroy/modify commands): creating or destroying a managed device and every
 * per-VQ object command.
 */
const HEAVY: ReadonlySet<CommandClass> = new Set<CommandClass>([
  'CREATE',
  'DESTROY',
  'VQ_ADDR',
  'VQ_SIZE',
  'VQ_NOTIFY',
  'VQ_ENABLE',
]);

export const HEAVY_CODES: ReadonlySet<number> = new Set([...HEAVY].map((c) => CLASS_CODE[c]));
