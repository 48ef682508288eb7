/**
 * The binding resource of a run: the exhausted admission limit when admission rejected
 * instances (whatever else was busy, the fleet stopped there), otherwise the resource with the
 * highest utilisation over the measured window — a full buffer, such as an admin queue's ring,
 * is what a saturated server leaves behind, not a cause; accounted time counts up to
 * BINDING and yields to a queueing server at least that busy. None when nothing was used at all.
 */
import type { ResourceUse } from '../stats/resource-usage.js';
import type { ResourceLedgerPort, ResourceName } from './ports.js';

export interface Bottleneck {
  /** A stable resource name (resources.csv `resource`, or a ledger limit), '' for none. */
  name: string;
  /** Its utilisation: the held fraction, or used / capacity of the exhausted limit. */
  utilisation: number;
}

export function bottleneckOf(
  resources: readonly ResourceUse[],
  limit: ResourceName | '',
  ledger: ResourceLedgerPort,
): Bottleneck {
  if (limit !== '') return { name: limit, utilisation: ledger.used(limit) / ledger.capacity(limit) };
  let top: ResourceUse | undefined;
  let topScore = 0;
  for (const r of resources) {
    const score = scoreOf(r);
    // Registration order breaks ties, so equal scores always name the same resource.
    if (score > topScore || (score === topScore && top !== undefined && outranks(r, top))) {
      top = r;
      topScore = score;
    }
  }
  return top === undefined || topScore === 0
    ? { name: '', utilisation: Number.NaN }
    : { name: top.resource, utilisation: top.utilisation };
}

/**
 * A server at least this busy binds before accounted time or a population: over a finite window
 * a server that is never idle measures a hair under 1, and one with a little per-request
 * overhead outside it (a lock re-taken after each hand-over) measures ≈ 98% while it alone sets
 * the rate; 95% leaves room for both and is still far above an unsaturated server.
 */
const BINDING = 0.95;

/**
 * How busy a candidate is. A buffer never binds. Time accounted to a resource that nothing
 * queues for (spinning submitters charged to 4 host cores) is capped at BINDING: it says the
 * host is overcommitted, but the model's figures are set by the busy server the submitters wait
 * for, so that server is named; the accounted resource binds only when no server is that busy.
 */
function scoreOf(r: ResourceUse): number {
  if (r.role === 'buffer' || !(r.utilisation > 0)) return 0;
  // A population (callers holding their slot through every downstream wait) is full whenever
  // a downstream server is saturated: it too yields to that server.
  return r.role === 'accounted' || r.role === 'population' ? Math.min(BINDING, r.utilisation) : r.utilisation;
}

/** At equal scores a queueing server is the cause, and time accounted elsewhere its cost. */
function outranks(r: ResourceUse, top: ResourceUse): boolean {
  return r.role === 'server' && (top.role === 'accounted' || top.role === 'population');
}
