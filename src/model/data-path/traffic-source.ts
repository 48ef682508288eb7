/**
 * One workload group's packet source: its merged arrival process (arrivals.ts) and the draws
 * that describe each packet — queue pair, direction, size, buffer page, engine service — each
 * from its own named stream (`data/<what>/<group>`). Every attribute is drawn for every
 * arrival, ready instance or not, so the offered load is the same whatever the strategy
 * (common random numbers). `draw` fills the `last*` fields: no object per packet.
 */
import type { Distribution } from '../../random/distribution.js';
import { makeDistribution } from '../../random/distribution.js';
import type { RandomStream } from '../../random/random-stream.js';
import type { StreamFactory } from '../../random/stream-factory.js';
import type { GroupConfig } from '../config.js';
import { type ArrivalProcess, makeArrivalProcess } from './arrivals.js';
import { makePageSampler, type PageSampler } from './locality.js';

export class TrafficSource {
  /** Attributes of the packet drawn last. */
  pair = 0;
  tx = false;
  size = 0;
  page = 0;
  serviceNs = 0;
  private readonly queueRng: RandomStream;
  private readonly directionRng: RandomStream;
  private readonly sizeRng: RandomStream;
  private readonly pageRng: RandomStream;
  private readonly serviceRng: RandomStream;
  private readonly sizes: Distribution;
  private readonly pages: PageSampler;
  /** 0 rx, 1 tx, 2 both. */
  private readonly direction: number;

  private constructor(
    readonly process: ArrivalProcess,
    group: GroupConfig,
    streams: StreamFactory,
    bufferPages: number,
    private readonly pairs: number,
    private readonly service: Distribution,
  ) {
    const name = group.name;
    this.queueRng = streams.stream(`data/queue/${name}`);
    this.directionRng = streams.stream(`data/direction/${name}`);
    this.sizeRng = streams.stream(`data/size/${name}`);
    this.pageRng = streams.stream(`data/page/${name}`);
    this.serviceRng = streams.stream(`data/service/${name}`);
    this.sizes = makeDistribution(group.traffic.packetSize);
    this.pages = makePageSampler(group.traffic.locality, bufferPages);
    const d = group.traffic.direction;
    this.direction = d === 'rx' ? 0 : d === 'tx' ? 1 : 2;
  }

  /** The group's source, or undefined when it offers no data traffic. */
  static create(
    group: GroupConfig,
    firstInstance: number,
    count: number,
    streams: StreamFactory,
    bufferPages: number,
    pairs: number,
    service: Distribution,
  ): TrafficSource | undefined {
    const process = makeArrivalProcess(
      group.traffic,
      firstInstance,
      count,
      streams.stream(`data/arrivals/${group.name}`),
    );
    return process === undefined
      ? undefined
      : new TrafficSource(process, group, streams, bufferPages, pairs, service);
  }

  /** Draws the attributes of one packet into the `last*` fields. */
  draw(): void {
    this.pair = this.pairs > 1 ? this.queueRng.below(this.pairs) : 0;
    this.tx = this.direction === 2 ? this.directionRng.random() >= 0.5 : this.direction === 1;
    this.size = Math.max(1, Math.round(this.sizes.sample(this.sizeRng)));
    this.page = this.pages.sample(this.pageRng);
    this.serviceNs = this.service.sample(this.serviceRng);
  }
}
