import { StepKind, special } from '../../model/control/op-programs.js';
import { cvqModes } from './cvq-modes.js';

cvqModes.register({
  kind: 'cvq',
  name: 'hardware',
  summary: 'one more hardware VQ',
  description:
    "The instance's control virtqueue is one more hardware virtqueue: the device applies each command (device.hwCvqService).",
  cite: ['virtio-net'],
  uses: ['device.hwCvqService'],
  ignores: [],
  requires: [
    {
      path: 'limits.hwCvq',
      atLeast: 1,
      capability: 'a control virtqueue in the device',
      instead: 'limits.hwCvq: 1 (a CVQ in the device, as virtio-net defines it)',
    },
  ],
  hardwareQueues: 1,
  carriesCommands: true,
  // One command on the instance's own hardware CVQ (device.hwCvqService).
  program: () => [special(StepKind.HW_CVQ)],
});
