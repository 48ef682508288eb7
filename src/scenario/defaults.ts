/**
 * Every default of a scenario, in one place. Hardware and platform-software values come from
 * the platform profile (`PLATFORM_PROFILE`, each with its source); a parent profile then
 * overrides what its hardware changes. The rest — run control, the design choices a study
 * compares, the workload — is below, written exactly as a scenario file would write it, so
 * the same parser checks these values and `vdpascale schema` can show them as JSON Schema
 * `default`s.
 *
 * Resolution order of a run's ModelConfig:
 *   these defaults + PLATFORM_PROFILE ← parent profile ← scenario (after extends) ← sweep point ← --set
 */
export { PLATFORM_PROFILE } from '../profiles/platform.js';

/** Run control. */
export const RUN_DEFAULTS = {
  description: '',
  seed: 1,
  warmup: '0s',
  // One replication runs what was asked; confidence intervals need `replications: 2` or more.
  replications: 1,
  // The standard virtio-pci device as parent: no vendor specifics on top of the platform.
  parent: 'vp_vdpa',
  instances: 1,
} as const;

/** Design choices (the non-hardware ModelConfig fields), as a scenario fragment. */
export const CHOICE_DEFAULTS = {
  // Today's deployed baseline: SR-IOV VFs, hardware CVQ, RID isolation, dedicated MSI-X, `vdpa dev add`.
  strategy: {
    transport: 'per-vf',
    cvq: 'hardware',
    isolation: 'rid-per-vf',
    interrupts: 'msix',
    provisioning: 'netlink',
  },
  // adminq.weights defaults to 1 per queue (derived from adminq.queues, so not listed here).
  adminq: { policy: 'fifo', quantum: 1 },
  host: { cores: 4 },
  provisioning: { start: 'ready', churn: { create: '0/s', destroy: '0/s' } },
  // 64 = the Linux NAPI budget, the natural batch of a per-batch data path.
  fidelity: { mode: 'packet', budget: 64 },
} as const;

/** The group a scenario without `workload` gets: every instance, no traffic, no control. */
export const DEFAULT_GROUP = { name: 'default', share: 1 } as const;

/** What a group leaves out, as a scenario fragment. */
export const GROUP_DEFAULTS = {
  traffic: {
    rate: '0pps',
    arrival: 'poisson',
    onMean: '1ms',
    offMean: '1ms',
    packetSize: '1500B',
    direction: 'both',
    // 256 KiB = the pcie-bench window where a 64-entry IOTLB of 4 KiB pages starts to miss [[neugebauer-pcie-2018]].
    workingSet: '256KiB',
    locality: 'uniform',
  },
  // A bare control rate means config reads (README, "Scenario files").
  control: { rate: '0/s', ops: { 'config-read': 1 } },
  adminQueue: 0,
} as const;

/** Adaptive coalescing without a profile uses net_dim's EQE tables (the Linux default mode). */
export const DEFAULT_DIM_PROFILE = 'eqe';
