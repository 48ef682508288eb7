/** Section `host`: the host's mediation cores and what a software CVQ costs on them. */
import { byDefault, count, latency, section } from './params/param.js';

export const HOST = section(
  'host',
  'Host software resources.',
  {
    cores: count(
      { min: 1, max: 4096 },
      {
        unit: 'cores',
        description: 'Host mediation cores (software CVQ decode, netlink path, polling, interrupt handling).',
        origin: byDefault(4),
      },
    ),
    swCvqDecode: latency({ description: 'Software CVQ decode cost per command on a host core.' }),
  },
  { title: 'host' },
);
