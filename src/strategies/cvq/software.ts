import { ACCESS, StepKind, special } from '../../model/control/op-programs.js';
import { cvqModes } from './cvq-modes.js';

cvqModes.register({
  kind: 'cvq',
  name: 'software',
  summary: 'decoded by a host core',
  description:
    'A host core traps each CVQ command, decodes it (host.swCvqDecode) and applies it through the transport; the device saves a hardware VQ per instance.',
  // Shadow CVQ in its own address space [[linux-vdpa-sim]]; mlx5 applies CVQ commands with firmware commands [[linux-mlx5-vdpa]].
  cite: ['linux-vdpa-sim', 'linux-mlx5-vdpa'],
  uses: ['host.swCvqDecode'],
  ignores: [],
  hardwareQueues: 0,
  carriesCommands: true,
  // A host core decodes the command, then mac-set, rx-mode, vlan and coal-set write the
  // device's configuration once; mq-set enables or disables each data VQ.
  program(op, config) {
    const touched =
      op === 'mq-set' ? Array(2 * config.device.queuePairs).fill(ACCESS.vqEnable) : [ACCESS.configWrite];
    return [special(StepKind.SW_DECODE), ...touched];
  },
});
