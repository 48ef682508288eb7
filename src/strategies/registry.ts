import { InputError } from '../util/errors.js';
import type { Strategy } from './strategy.js';

/**
 * Named, described alternatives of one kind (transports, QoS policies, isolation modes…).
 * Lookups of unknown names fail with an input error that lists the valid names, so a typo in
 * a scenario is answered with the choices rather than a stack trace.
 */
export class Registry<T extends Strategy> {
  readonly kind: string;
  private readonly entries = new Map<string, T>();

  constructor(kind: string) {
    this.kind = kind;
  }

  register(entry: T): T {
    if (this.entries.has(entry.name)) throw new Error(`${this.kind} '${entry.name}' registered twice`);
    this.entries.set(entry.name, entry);
    return entry;
  }

  get(name: string): T {
    const entry = this.entries.get(name);
    if (entry === undefined) {
      throw new InputError(`unknown ${this.kind} '${name}'`, {}, this.names().join(', '));
    }
    return entry;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Names in registration order (the order documentation lists them). */
  names(): string[] {
    return [...this.entries.keys()];
  }

  all(): T[] {
    return [...this.entries.values()];
  }
}
