/**
 * The resources of the model by their stable names (resources.csv `resource`, runs.csv
 * `bottleneck`), and what they are in words: the queueing resources components register for
 * attribution (stats/resource-usage.ts) and the admission limits of the resource ledger.
 */
import type { ResourceName } from './ports.js';

export interface ResourceWords {
  /** A few words, e.g. "admin-queue workers". */
  label: string;
  /** What the capacity counts, e.g. "workers". */
  unit: string;
  /** What waits for it, e.g. "commands" (queueing resources). */
  waiting?: string;
}

/**
 * Queueing resources: something requests hold for a while and wait for when it is busy. The
 * order is the reading order of reports: the data path from the device inward, then the host.
 */
export const QUEUEING_RESOURCES = {
  'data-engines': { label: 'data-path engines', unit: 'engines', waiting: 'virtqueues' },
  // A hardware engine's outstanding DMA requests (PCIe tags): each holds one for its round trip.
  'dma-tags': { label: 'DMA tags (outstanding requests)', unit: 'tags', waiting: 'DMA requests' },
  // Unbounded walks have no pool: a walk stalls the request that issued it (a host thread, or a
  // hardware DMA request holding its tag), so that is the walks' capacity.
  'iommu-walkers': { label: 'IOMMU page walks (in stalled requests)', unit: 'requests' },
  // With iommu.walk.concurrency > 0 the IOMMU walks at most that many misses at once.
  'iommu-walker-pool': { label: 'IOMMU page walkers', unit: 'walkers', waiting: 'misses' },
  // One invalidation queue per IOMMU unit (limits.iommuUnits).
  'invalidation-queue': { label: 'IOTLB invalidation queues', unit: 'IOMMU units', waiting: 'invalidations' },
  // Block devices: the backend's workers (device engines, vdpa_sim's kthread, VDUSE's daemon threads).
  'blk-workers': { label: 'block backend workers', unit: 'workers', waiting: 'requests' },
  'interrupt-handlers': { label: 'interrupt handlers', unit: 'vectors' },
  // The control plane: the orchestrator's callers, the transports' channels, the admin queue.
  'provisioning-callers': { label: 'orchestrator build slots', unit: 'slots', waiting: 'creations' },
  'netlink-lock': { label: 'vDPA management lock (netlink)', unit: 'lock', waiting: 'requests' },
  'per-vf-pf-vf-create': { label: 'PF VF-creation lock', unit: 'lock', waiting: 'creations' },
  'managed-cap-lock': { label: 'managed-cap lock', unit: 'lock', waiting: 'commands' },
  'device-cmd-cap-slot': { label: 'device-command slot', unit: 'slot', waiting: 'commands' },
  'vendor-fw-cmd': { label: 'vendor firmware command slots', unit: 'slots', waiting: 'commands' },
  'adminq-workers': { label: 'admin-queue workers', unit: 'workers', waiting: 'commands' },
  'sw-cvq-decode': { label: 'software CVQ decode cores', unit: 'cores', waiting: 'commands' },
  'host-cores': { label: 'host mediation cores', unit: 'cores' },
} as const satisfies Record<string, ResourceWords>;
export type QueueingResource = keyof typeof QUEUEING_RESOURCES;

/** Admission limits of the resource ledger (ports.ts RESOURCE_NAMES) in words. */
export const LIMIT_WORDS: Readonly<Record<ResourceName, ResourceWords>> = {
  vfs: { label: 'SR-IOV virtual functions', unit: 'VFs' },
  'hw-vqs': { label: 'hardware virtqueues', unit: 'virtqueues' },
  'queues-per-instance': { label: 'virtqueues per instance', unit: 'virtqueues' },
  'msix-vectors': { label: 'MSI-X vectors', unit: 'vectors' },
  'ims-entries': { label: 'IMS message-store entries', unit: 'entries' },
  irte: { label: 'interrupt-remapping entries', unit: 'entries' },
  'cpu-vectors': { label: 'host CPU interrupt vectors', unit: 'vectors' },
  pasid: { label: 'PASIDs', unit: 'PASIDs' },
  'iommu-domains': { label: 'IOMMU domains', unit: 'domains' },
  'device-mmu-contexts': { label: 'device MMU contexts', unit: 'contexts' },
  'device-memory': { label: 'device memory', unit: 'bytes' },
  'notify-bar': { label: 'doorbell BAR space', unit: 'bytes' },
};

/**
 * Indexed resources, one per instance of a part: `adminq-queue-1` is admin queue 1. In reading
 * order they follow the resource named `after`.
 */
const INDEXED: readonly { prefix: string; after: QueueingResource; words: (i: string) => ResourceWords }[] = [
  {
    prefix: 'adminq-queue-',
    after: 'adminq-workers',
    words: (i) => ({ label: `admin queue ${i}`, unit: 'entries', waiting: 'submitters' }),
  },
  {
    prefix: 'adminq-mutex-',
    after: 'adminq-workers',
    words: (i) => ({ label: `admin queue ${i}'s driver mutex`, unit: 'lock', waiting: 'commands' }),
  },
];

/** Reading order of resource names: the table's order, indexed ones after their anchor by index. */
export function resourceOrder(a: string, b: string): number {
  const keys = Object.keys(QUEUEING_RESOURCES);
  const rank = (n: string): [number, number, number] => {
    const i = keys.indexOf(n);
    if (i >= 0) return [i, 0, 0];
    const j = INDEXED.findIndex((r) => n.startsWith(r.prefix));
    const r = INDEXED[j];
    if (r === undefined) return [keys.length, 0, 0];
    return [keys.indexOf(r.after), 1 + j, Number(n.slice(r.prefix.length))];
  };
  const [a0, a1, a2] = rank(a);
  const [b0, b1, b2] = rank(b);
  return a0 - b0 || a1 - b1 || a2 - b2 || (a < b ? -1 : a > b ? 1 : 0);
}

/** Whether `name` names a resource of the model (a queueing resource or an admission limit). */
export function isResourceName(name: string): boolean {
  return (
    Object.hasOwn(QUEUEING_RESOURCES, name) ||
    Object.hasOwn(LIMIT_WORDS, name) ||
    INDEXED.some((r) => name.startsWith(r.prefix) && /^\d+$/.test(name.slice(r.prefix.length)))
  );
}

/** Every resource name, indexed ones as a pattern (`adminq-queue-N`), for error messages. */
export function resourceNameList(): string[] {
  return [
    ...Object.keys(QUEUEING_RESOURCES),
    ...INDEXED.map((r) => `${r.prefix}N`),
    ...Object.keys(LIMIT_WORDS),
  ];
}

/** A resource's words by its name; an unknown name reads as written. */
export function resourceWords(name: string): ResourceWords {
  if (Object.hasOwn(QUEUEING_RESOURCES, name)) return QUEUEING_RESOURCES[name as QueueingResource];
  if (Object.hasOwn(LIMIT_WORDS, name)) return LIMIT_WORDS[name as ResourceName];
  for (const { prefix, words } of INDEXED)
    if (name.startsWith(prefix)) return words(name.slice(prefix.length));
  return { label: name, unit: '' };
}
