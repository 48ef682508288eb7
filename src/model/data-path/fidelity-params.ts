/**
 * Section `fidelity`: how much detail a run simulates. A choice of the study, not hardware.
 */
import { byDefault, choice, count, section, when } from '../params/param.js';

export const FIDELITY = section('fidelity', 'Simulation detail: per-packet events or per-batch events.', {
  mode: choice(['packet', 'batch'], {
    description:
      'packet: one event chain per packet; batch: a NAPI-like budget of packets per event, for very large instance counts.',
    origin: byDefault('packet'),
  }),
  budget: count(
    { min: 1, max: 65_536 },
    {
      unit: 'packets',
      description: 'Packets per event in batch mode (NAPI budget).',
      // 64 = the Linux NAPI budget, the natural batch of a per-batch data path.
      origin: byDefault(64),
      appliesWhen: [
        when('fidelity.mode', ['batch'], 'fidelity.mode is packet (the budget applies to batch mode)'),
      ],
    },
  ),
});
