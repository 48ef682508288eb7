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
  hardwareQueues: 1,
  carriesCommands: true,
  // One command on the instance's own hardware CVQ (device.hwCvqService).
  program: () => [special(StepKind.HW_CVQ)],
});
