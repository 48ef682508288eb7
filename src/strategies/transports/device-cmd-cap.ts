import { transportEntry, transports } from './transports.js';

transports.register(
  transportEntry('device-cmd-cap', {
    summary: 'one command slot',
    cite: ['wang-hyperscale-vdpa', 'intel-forum-uc-writes'],
    uses: [
      'transport.deviceCmdService',
      'transport.deviceCmdData',
      'transport.ucStore',
      'transport.pollInterval',
    ],
  }),
);
