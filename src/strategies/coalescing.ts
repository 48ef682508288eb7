/**
 * Notification coalescing policies (docs/model.md, "Data path"), registered by name with a description and
 * sources. The mechanism lives beside the model (src/model/interrupts/coalescer.ts, dim.ts),
 * which may not import this layer.
 */
import { DIM_DEFAULT_PROFILE, DIM_NEVENTS, DIM_PROFILES } from '../model/interrupts/dim.js';
import { Registry, type StrategyInfo } from './registry.js';

export interface CoalescingPolicy extends StrategyInfo {
  readonly name: 'static' | 'adaptive-eqe' | 'adaptive-cqe';
  /** (max_usecs, max_packets) steps of an adaptive policy, RX and TX. */
  readonly profiles?: (typeof DIM_PROFILES)['eqe'];
}

export const coalescingPolicies = new Registry<CoalescingPolicy>('coalescing policy');

coalescingPolicies.register({
  name: 'static',
  description:
    'virtio-net NOTF_COAL per queue: notify when maxPackets completions are pending or maxUsecs after the first pending one, whichever first; 0 in either notifies every packet.',
  sources: [
    'VIRTIO_NET_F_VQ_NOTF_COAL semantics [[virtio-net]]',
    'mlx5e default moderation, 16 µs / 32 packets [[linux-mlx5e-moderation]]',
  ],
});
for (const profile of ['eqe', 'cqe'] as const) {
  coalescingPolicies.register({
    name: `adaptive-${profile}`,
    description:
      `Linux net_dim with the ${profile.toUpperCase()} profiles: every ${DIM_NEVENTS} interrupts compares bytes, packets and ` +
      `events per ms with the previous sample and steps through 5 (max_usecs, max_packets) levels, starting at ` +
      `${DIM_DEFAULT_PROFILE}, parking at the top.`,
    sources: ['Linux net_dim profiles [[linux-net-dim]]'],
    profiles: DIM_PROFILES[profile],
  });
}
