/**
 * Cross-field rules on a resolved ModelConfig, checked before time zero (ns-3's CheckConfig
 * step). Single-field rules live in the schema; these need two or more fields, or a
 * value a profile supplied. Each failure names the scenario key to change.
 */
import type { ModelConfig } from '../model/config.js';
import { MAX_QUEUE_SIZE } from '../model/data-path/device-params.js';
import { PAGE_SIZE_TEXT, PAGE_SIZES } from '../model/iommu/iommu-params.js';
import { strategyConflict, unmetRequirement } from '../strategies/catalogue.js';
import { CHOICE_PATHS } from '../strategies/strategy.js';
import { checkBlk } from './check-blk.js';
import { ConfigProblem } from './config-problem.js';

export function checkConfig(c: ModelConfig): void {
  checkStrategySupport(c);
  checkStrategyConflicts(c);
  checkAdminQueues(c);
  checkBlk(c);
  checkCache(['iommu', 'iotlb'], c.iommu.iotlb);
  checkCache(['iommu', 'devtlb'], c.iommu.devtlb);
  checkCache(['iommu', 'deviceMmu'], c.iommu.deviceMmu);
  if (!PAGE_SIZES.includes(c.iommu.iotlb.pageSize)) {
    throw new ConfigProblem(
      ['iommu', 'iotlb', 'pageSize'],
      `page size ${c.iommu.iotlb.pageSize}B is not ${PAGE_SIZE_TEXT}`,
    );
  }
  checkDynamicPageSize(c);
  const q = c.device.queueSize;
  if (q < 1 || q > MAX_QUEUE_SIZE || (q & (q - 1)) !== 0) {
    throw new ConfigProblem(
      ['device', 'queueSize'],
      `queue size ${q} must be a power of two ≤ ${MAX_QUEUE_SIZE}`,
    );
  }
  if (c.transport.vendorThrottledSlots > c.transport.vendorSlots) {
    throw new ConfigProblem(
      ['transport', 'vendorThrottledSlots'],
      `${c.transport.vendorThrottledSlots} throttled slots exceed the ${c.transport.vendorSlots} vendor slots: they are a subset`,
    );
  }
}

/**
 * A strategy the parent cannot support is refused, not run: it would admit one instance (one
 * PASID) or none and report believable numbers for them.
 */
function checkStrategySupport(c: ModelConfig): void {
  const unmet = unmetRequirement(c);
  if (unmet === undefined) return;
  const { strategy, requirement: r, value, alternatives } = unmet;
  const key = CHOICE_PATHS[strategy.kind];
  const others = alternatives.length > 0 ? `choose ${key} ${alternatives.join(' or ')}, or ` : '';
  throw new ConfigProblem(
    key.split('.'),
    `'${strategy.name}' needs ${r.capability}, which parent ${c.parent} does not have (${r.path} is ${value})`,
    `${others}study the proposal with ${r.instead}`,
  );
}

/**
 * Dynamic mappings map each buffer on its own (dma_map_single, dma_map_page): the IOVA allocator
 * aligns a mapping to its own size and iommu_map picks a 2 MiB leaf only for a 2 MiB-aligned
 * range of at least 2 MiB (iommu_pgsize, drivers/iommu/iommu.c [[linux-iommu-core]]), which a
 * packet or block buffer never is: its entries are 4 KiB. Hugepages help only where memory is
 * mapped once in large aligned regions (static: vhost-vdpa's guest memory map).
 */
function checkDynamicPageSize(c: ModelConfig): void {
  const page = c.iommu.iotlb.pageSize;
  if (c.iommu.mappings !== 'dynamic' || page === 4096) return;
  const text = page >= 2 ** 30 ? '1GiB' : '2MiB';
  throw new ConfigProblem(
    ['iommu', 'iotlb', 'pageSize'],
    `page size ${text} with iommu.mappings dynamic: a per-buffer dma_map of a packet or block buffer (below 2 MiB) creates 4 KiB IOMMU entries, never ${text} ones`,
    'use iommu.iotlb.pageSize 4KiB with dynamic mappings, or iommu.mappings static (guest memory mapped once, where hugepages apply)',
  );
}

/** A chosen strategy that cannot go with another setting is refused, naming that setting. */
function checkStrategyConflicts(c: ModelConfig): void {
  const conflict = strategyConflict(c);
  if (conflict === undefined) return;
  const { strategy, path, problem, instead } = conflict;
  throw new ConfigProblem(
    path.split('.'),
    `${CHOICE_PATHS[strategy.kind]} '${strategy.name}': ${problem}`,
    instead,
  );
}

function checkAdminQueues(c: ModelConfig): void {
  const { queues, weights } = c.adminq;
  if (weights.length !== queues) {
    throw new ConfigProblem(
      ['adminq', 'weights'],
      `adminq.weights lists ${weights.length} weight${weights.length === 1 ? '' : 's'} but adminq.queues is ${queues}: give one weight per queue`,
    );
  }
  c.workload.groups.forEach((g, i) => {
    if (g.adminQueue >= queues) {
      throw new ConfigProblem(
        ['workload', 'groups', i, 'adminQueue'],
        `group '${g.name}' uses admin queue ${g.adminQueue}, but there ${queues === 1 ? 'is 1 queue' : `are ${queues} queues`} (numbered from 0): raise adminq.queues or pick a queue below ${queues}`,
      );
    }
  });
}

function checkCache(path: string[], cache: { entries: number; ways: number }): void {
  if (cache.ways === 0) return;
  if (cache.ways > cache.entries || cache.entries % cache.ways !== 0) {
    throw new ConfigProblem(
      [...path, 'ways'],
      `${cache.ways} ways do not divide ${cache.entries} entries: use a divisor of entries, or 0 for fully associative`,
    );
  }
}
