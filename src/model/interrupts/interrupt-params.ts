/**
 * Section `interrupts`: notification coalescing, delivery to the guest, and the costs of
 * sharing and polling. Values come from the parent profile.
 */
import { choice, count, derived, duration, group, section, when } from '../params/param.js';

/** Adaptive coalescing without a profile uses net_dim's EQE tables (the Linux default mode). */
export const DEFAULT_DIM_PROFILE = 'eqe';

const EXIT = when('interrupts.delivery', ['exit'], 'interrupts.delivery is posted (no VM exits)');

export const INTERRUPTS = section(
  'interrupts',
  'Interrupt coalescing, delivery and the costs of sharing and polling.',
  {
    coalescing: group(
      'Notification coalescing per queue: off (notify every packet), {maxPackets, maxUsecs} (NOTF_COAL: notify after maxPackets completions or maxUsecs, 0 = every packet), or adaptive (DIM-like; {kind: adaptive, profile: cqe} picks the table).',
      {
        kind: choice(['static', 'adaptive'], {
          description: 'static thresholds or adaptive (DIM-like).',
          cite: ['virtio-net', 'linux-net-dim'],
        }),
        maxPackets: count(
          { min: 0, max: 1_000_000 },
          {
            unit: 'packets',
            description: 'Notify when this many completions are pending (0 = notify every packet).',
          },
        ),
        // Kept in µs, as virtio-net's max_usecs; the scenario takes any duration.
        maxUsecs: duration({
          max: 1_000_000_000,
          inUs: true,
          description:
            '…or when this long has passed since the first pending completion, e.g. 16us (0 = every packet).',
        }),
        profile: choice(['eqe', 'cqe'], {
          description: 'Adaptive mode: the net_dim profile table (EQE or CQE based).',
          origin: derived(
            `${DEFAULT_DIM_PROFILE} when adaptive (net_dim's EQE tables, the Linux default mode)`,
          ),
          cite: ['linux-net-dim'],
        }),
      },
      { shorthand: 'coalescing', title: 'interrupt coalescing' },
    ),
    delivery: choice(['posted', 'exit'], {
      description: 'Delivery to the guest: posted interrupts, or VM exits (exitsPerInterrupt × exit each).',
    }),
    exit: duration({ description: 'Cost of one VM exit (≈ 0.71us on Skylake).', appliesWhen: [EXIT] }),
    exitsPerInterrupt: count(
      { min: 0, max: 16 },
      { unit: 'exits', description: 'VM exits per interrupt under exit delivery.', appliesWhen: [EXIT] },
    ),
    posted: duration({
      description: 'Posted-interrupt delivery latency.',
      appliesWhen: [when('interrupts.delivery', ['posted'], 'interrupts.delivery is exit, not posted')],
    }),
    guestIrq: duration({ description: 'Guest handler CPU per interrupt.' }),
    guestPerPacket: duration({ description: 'Guest CPU per packet completion.' }),
    sharerCheck: duration({
      description: "Shared vectors: cost to check one sharer's used ring.",
    }),
    pollInterval: duration({
      min: 0,
      exclusiveMin: true,
      description: 'Polling: interval between sweeps of the rings a core owns.',
    }),
    pollPerRing: duration({ description: 'Polling: cost per ring checked.' }),
  },
  { title: 'interrupt' },
);
