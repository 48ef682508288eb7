/**
 * Section `fidelity`: how much detail a run simulates. A choice of the study, not hardware.
 */
import { byDefault, choice, count, duration, section, when } from '../params/param.js';

export const FIDELITY = section('fidelity', 'Simulation detail: per-packet events or per-batch events.', {
  mode: choice(['packet', 'batch'], {
    description:
      'packet: one event chain per packet; batch: a NAPI-like budget of packets per service event, arrivals and coalescing timers in one event per window, for very large instance counts.',
    origin: byDefault('packet'),
  }),
  budget: count(
    { min: 1, max: 65_536 },
    {
      unit: 'packets',
      description:
        'Batch mode: at most this many packets of an engine turn (device.descPrefetch) in one service event.',
      // 64 = the Linux NAPI budget: whole turns at every prefetch up to 64. Per-packet results
      // never read it (the turn is the device's descriptor prefetch).
      origin: byDefault(64),
      appliesWhen: [
        when('fidelity.mode', ['batch'], 'fidelity.mode is packet (the budget applies to batch mode)'),
      ],
    },
  ),
  window: duration({
    min: 1,
    description:
      'Batch mode: arrivals and coalescing timers are handled in one event at the end of each window this long.',
    // A 1 µs window delays an arrival by 0.5 µs on average (timers fire at the nearest boundary,
    // unbiased): ≈ 10% of an uncoalesced packet's ≈ 4–9 µs at light load, under 5% of a
    // coalesced or saturated path's latency (docs/model.md, "Fidelity", measures it).
    origin: byDefault('1us'),
    appliesWhen: [
      when('fidelity.mode', ['batch'], 'fidelity.mode is packet (the window applies to batch mode)'),
    ],
  }),
});
