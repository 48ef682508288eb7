/**
 * The translation path of one DMA access (docs/model.md, "Data path"): optional device MMU (stage one, in the
 * device), optional device TLB (PCIe ATS), then the platform IOTLB with a page walk on a miss,
 * optionally shortened by a paging-structure cache. Returns the stall the access adds to the
 * engine's service time. Keys come from `AddressLayout` (context × span + page).
 *
 * With `iommu.walk.concurrency` = k > 0 the IOMMU walks at most k misses at once: a miss that
 * finds k walks under way waits for a walker (walkers.ts), so misses cannot complete faster than
 * k / walk time however many DMA requests are outstanding. pcie-bench's window sweep shows such
 * a ceiling (≈ 20 M misses/s on a Broadwell host [[pcie-bench-data]]). A caller passing the time
 * of its access gets the wait included; no event.
 *
 * Before it walks, an IOTLB miss needs the context entry of the request's requester ID and, in
 * scalable mode, the PASID-table entry of its PASID; VT-d keeps both in caches (the context
 * cache and the PASID cache [[intel-vtd-spec]]), so the root/context reads
 * (`contextTableAccesses`) and the PASID directory/table reads (`pasidTableAccesses`) are paid
 * only when those caches miss. Legacy (RID-tagged) and scalable (PASID-tagged) modes are
 * charged alike: a mode costs what its caches miss.
 *
 * The device MMU (mlx5 memory keys) holds guest memory mapped once (vhost-vdpa's set_map builds
 * the keys, provisioning charges it): it exists only with static mappings and is never flushed
 * per page. With dynamic mappings mlx5_vdpa runs under virtio_vdpa, whose DMA goes through one
 * PA-mode memory key (create_dma_mr in drivers/vdpa/mlx5/core/mr.c [[linux-mlx5-vdpa-mr]]): the
 * device translates nothing and the platform IOMMU maps each buffer.
 */
import type { ResourceMeter, ResourceUsage } from '../../stats/resource-usage.js';
import type { Resettable, StatsSet } from '../../stats/stats-set.js';
import type { IommuConfig } from '../config.js';
import { Iotlb } from './iotlb.js';
import type { IsolationMode } from './isolation-mode.js';
import { missCostNs } from './walk.js';
import { Walkers } from './walkers.js';

/** Pages covered by one paging-structure-cache entry (one upper-level table: 512 entries, x86/VT-d). */
export const PWC_REACH_PAGES = 512;

export interface TranslatorOptions {
  /** Use a device TLB (ATS) when `iommu.devtlb.entries` > 0. False for software data paths. */
  allowDevtlb: boolean;
  /** Use the device MMU of `device-mmu` isolation. False for software data paths. */
  allowDeviceMmu: boolean;
  /** Pages per translation context in a key (AddressLayout.span); 0: every key is its own context. */
  span?: number;
  /** Translation contexts per instance (1, or its virtqueue groups), to find a context's instance. */
  contextsPerInstance?: number;
  /**
   * The owner's statistics: every cache's and walker's counts and the stall sum are registered
   * here as they are built, so the owner's one warm-up reset restarts them all.
   */
  stats: StatsSet;
}

export class Translator implements Resettable {
  readonly platform: Iotlb;
  readonly pwc: Iotlb | undefined;
  readonly devtlb: Iotlb | undefined;
  readonly deviceMmu: Iotlb | undefined;
  /** Context entries by requester ID, and (scalable mode) PASID entries by context. */
  readonly contextCache: Iotlb;
  readonly pasidCache: Iotlb | undefined;
  /** Sum of stalls returned by `translate` since the last reset (ns; see `reset`). */
  stallNs = 0;
  private readonly missNs: number;
  private readonly missPwcHitNs: number;
  private readonly contextMissNs: number;
  private readonly pasidMissNs: number;
  private readonly span: number;
  private readonly contextsPerInstance: number;
  private readonly requesterPerInstance: boolean;
  /** Bypass the context and PASID caches: a fixed missPenalty stands for the whole miss. */
  private readonly fixedMiss: boolean;
  private readonly atsRttNs: number;
  private readonly fetchNs: number;
  /** The IOMMU's page walkers (`iommu.walk.concurrency` > 0), undefined when unlimited. */
  readonly walkers: Walkers | undefined;

  constructor(iommu: IommuConfig, behaviour: IsolationMode, options: TranslatorOptions) {
    this.platform = new Iotlb(iommu.iotlb.entries, iommu.iotlb.ways);
    const usePwc = iommu.walk.pwcEntries > 0 && iommu.missPenalty === undefined;
    this.pwc = usePwc ? new Iotlb(iommu.walk.pwcEntries, 0) : undefined;
    this.devtlb =
      options.allowDevtlb && iommu.devtlb.entries > 0
        ? new Iotlb(iommu.devtlb.entries, iommu.devtlb.ways)
        : undefined;
    this.deviceMmu =
      options.allowDeviceMmu && behaviour.deviceMmu && iommu.mappings === 'static'
        ? new Iotlb(iommu.deviceMmu.entries, iommu.deviceMmu.ways)
        : undefined;
    this.missNs = missCostNs(iommu, false);
    this.missPwcHitNs = missCostNs(iommu, true);
    this.fixedMiss = iommu.missPenalty !== undefined;
    this.contextCache = new Iotlb(iommu.contextCache, 0);
    this.pasidCache = behaviour.scalableMode ? new Iotlb(iommu.pasidCache, 0) : undefined;
    this.contextMissNs = iommu.contextTableAccesses * iommu.walk.memAccess;
    this.pasidMissNs = iommu.pasidTableAccesses * iommu.walk.memAccess;
    this.span = options.span ?? 0;
    this.contextsPerInstance = Math.max(1, options.contextsPerInstance ?? 1);
    this.requesterPerInstance = behaviour.requester === 'instance';
    this.atsRttNs = iommu.atsRtt;
    this.fetchNs = iommu.deviceMmu.fetch;
    this.walkers = iommu.walk.concurrency > 0 ? new Walkers(iommu.walk.concurrency) : undefined;
    const stats = options.stats;
    stats.add('iommu/stall', this);
    stats.add('iommu/iotlb', this.platform);
    if (this.pwc !== undefined) stats.add('iommu/pwc', this.pwc);
    if (this.devtlb !== undefined) stats.add('iommu/devtlb', this.devtlb);
    if (this.deviceMmu !== undefined) stats.add('iommu/device-mmu', this.deviceMmu);
    stats.add('iommu/context-cache', this.contextCache);
    if (this.pasidCache !== undefined) stats.add('iommu/pasid-cache', this.pasidCache);
    if (this.walkers !== undefined) stats.add('iommu/walkers', this.walkers);
  }

  /**
   * Stall (ns) of one DMA access to the page named by `key`; fills every cache on the way.
   * `atNs`, the time of the access, lets a miss queue for a walker (bounded concurrency);
   * without it the walk starts at once.
   */
  translate(key: number, atNs = -1): number {
    let stall = 0;
    const mmu = this.deviceMmu;
    if (mmu !== undefined && !mmu.access(key)) stall += this.fetchNs;
    const atc = this.devtlb;
    if (atc !== undefined) {
      if (atc.access(key)) {
        this.stallNs += stall;
        return stall;
      }
      stall += this.atsRttNs;
    }
    if (!this.platform.access(key)) {
      const pwc = this.pwc;
      let walkNs = pwc?.access(Math.floor(key / PWC_REACH_PAGES)) ? this.missPwcHitNs : this.missNs;
      if (!this.fixedMiss) walkNs += this.contextStall(key);
      const w = this.walkers;
      if (w !== undefined && atNs >= 0) stall += w.walk(atNs + stall, walkNs);
      stall += walkNs;
    }
    this.stallNs += stall;
    return stall;
  }

  /**
   * The walks as a resource: bounded walkers are a pool of their own (`iommu-walker-pool`,
   * misses queue for it); unbounded, a walk stalls the request that issued it, so the walks are
   * time accounted there, with the requests' capacity (`iommu-walkers`: host threads, or a
   * hardware engine's DMA tags).
   */
  registerWalks(resources: ResourceUsage, requests: number): ResourceMeter {
    const w = this.walkers;
    return resources.register(
      w !== undefined
        ? { name: 'iommu-walker-pool', capacity: w.count }
        : { name: 'iommu-walkers', capacity: requests, role: 'accounted' },
    );
  }

  /** Settles the meter `registerWalks` gave: walker time and waits, or the stall time. */
  settleWalks(meter: ResourceMeter): void {
    const w = this.walkers;
    if (w === undefined) {
      meter.heldNs = this.stallNs;
      return;
    }
    meter.heldNs = w.busyNs;
    meter.queuedNs = w.waitNs;
    meter.departures = w.walks;
  }

  /** Context (and PASID) entry reads an IOTLB miss on `key` needs beyond what the caches hold. */
  private contextStall(key: number): number {
    const context = this.span > 0 ? Math.floor(key / this.span) : key;
    const rid = this.requesterPerInstance ? Math.floor(context / this.contextsPerInstance) : 0;
    let ns = this.contextCache.access(rid) ? 0 : this.contextMissNs;
    const pasid = this.pasidCache;
    if (pasid !== undefined && !pasid.access(context)) ns += this.pasidMissNs;
    return ns;
  }

  /**
   * A strict unmap's page-selective invalidation: the IOTLB and (ATS) device-TLB entry of the
   * page. The device MMU, present only with static mappings, never holds an unmapped page.
   */
  invalidate(key: number): void {
    this.platform.invalidate(key);
    this.devtlb?.invalidate(key);
  }

  /**
   * A domain-selective flush (a lazy flush queue's flush_iotlb_all): every IOTLB, paging-structure
   * cache and device-TLB entry with a key in [lo, hi), the domain's contexts; `hi` = Infinity
   * flushes everything (one domain shared by all instances). The context and PASID caches stay:
   * an IOTLB flush does not invalidate them [[intel-vtd-spec]].
   */
  flushDomain(lo: number, hi: number): void {
    if (hi === Number.POSITIVE_INFINITY) {
      this.platform.clear();
      this.pwc?.clear();
      this.devtlb?.clear();
      return;
    }
    this.platform.invalidateRange(lo, hi);
    this.pwc?.invalidateRange(Math.floor(lo / PWC_REACH_PAGES), Math.ceil(hi / PWC_REACH_PAGES));
    this.devtlb?.invalidateRange(lo, hi);
  }

  /** Hits and lookups of the device-side caches (device MMU and ATS device TLB together). */
  deviceCounters(): { hits: number; lookups: number } | undefined {
    if (this.devtlb === undefined && this.deviceMmu === undefined) return undefined;
    const hits = (this.devtlb?.hits ?? 0) + (this.deviceMmu?.hits ?? 0);
    const lookups = (this.devtlb?.lookups ?? 0) + (this.deviceMmu?.lookups ?? 0);
    return { hits, lookups };
  }

  /** Restarts the stall sum (registered as `iommu/stall`; the caches and walkers are registered apart). */
  reset(): void {
    this.stallNs = 0;
  }
}
