import { ACCESS, fanOut, StepKind, special } from '../../model/control/op-programs.js';
import { cvqModes } from './cvq-modes.js';

cvqModes.register({
  kind: 'cvq',
  name: 'software',
  summary: 'decoded by a host core',
  description:
    'A host core traps each CVQ command, decodes it (host.swCvqDecode) and applies it through the transport; the device saves a hardware VQ per instance.',
  // Shadow CVQ in its own address space [[linux-vdpa-sim]]; mlx5 applies CVQ commands with firmware commands [[linux-mlx5-vdpa]].
  cite: ['linux-vdpa-sim', 'linux-mlx5-vdpa'],
  uses: ['host.swCvqDecode', 'transport.vqCommands'],
  ignores: [],
  hardwareQueues: 0,
  carriesCommands: true,
  // A host core decodes the command, then mac-set, rx-mode, vlan and coal-set write the
  // device's configuration once; mq-set enables or disables each data VQ, one after another or
  // all at once (transport.vqCommands: mlx5_vdpa's parallel suspend/resume [[mlx5-vdpa-suspend-2024]]).
  program(op, config) {
    const decode = special(StepKind.SW_DECODE);
    if (op !== 'mq-set') return [decode, ACCESS.configWrite];
    const vqs = 2 * config.device.queuePairs;
    if (config.transport.vqCommands === 'parallel') return [decode, fanOut(ACCESS.vqEnable, vqs)];
    return [decode, ...Array<typeof ACCESS.vqEnable>(vqs).fill(ACCESS.vqEnable)];
  },
});
