/**
 * The transport family base: routes each command to the channel where it contends and keeps
 * the bookkeeping (stations, the admin queue, host-CPU accounting). The decisions — which
 * channel, how long a command holds it — are the transport strategy's (src/strategies/transports/).
 *
 * Two rules may be in play: the configured transport for every command, and the provisioning
 * method's create route for CREATE and DESTROY (managed-cap `create`, or an admin-queue
 * CREATE); channels with the same name are shared, so a managed-cap transport and
 * managed-cap-create provisioning contend for the one register-window lock.
 */
import { COMMAND_CLASSES } from '../config.js';
import type { ModelContext } from '../ports.js';
import { Station } from '../primitives/station.js';
import { AdminQueue } from './admin-queue.js';
import { CLASS_CODE } from './command-class.js';
import type { CommandTable } from './command-table.js';
import type { ControlStats } from './control-stats.js';
import type { QueueSelector, TransportModel } from './strategy-ports.js';

interface Channel {
  submit(cmd: number): void;
}

export class Transport {
  /** The admin queue, when some command class goes through one. */
  readonly adminQueue: AdminQueue | undefined;
  /** Slot stations by channel name (for inspection in tests). */
  readonly stations = new Map<string, Station>();

  private readonly ctx: ModelContext;
  private readonly cmds: CommandTable;
  private readonly modelOf: TransportModel[];
  private readonly channelOf: Channel[];
  private readonly onDone: (cmd: number) => void;

  /**
   * @param main the configured transport's model
   * @param create the model that serves CREATE and DESTROY (may be `main`)
   * @param selector the admin-queue policy, used if either model needs an admin queue
   */
  constructor(
    ctx: ModelContext,
    cmds: CommandTable,
    stats: ControlStats,
    main: TransportModel,
    create: TransportModel,
    selector: QueueSelector,
    onDone: (cmd: number) => void,
  ) {
    this.ctx = ctx;
    this.cmds = cmds;
    this.onDone = onDone;
    const createCodes = new Set([CLASS_CODE.CREATE, CLASS_CODE.DESTROY]);
    this.modelOf = COMMAND_CLASSES.map((_, cls) => (createCodes.has(cls) ? create : main));
    const channels = new Map<string, Channel>();
    let adminQueue: AdminQueue | undefined;
    this.channelOf = this.modelOf.map((model, cls) => {
      const spec = model.channels[model.channelOf(cls)];
      if (spec === undefined)
        throw new Error(`transport model routes class ${COMMAND_CLASSES[cls]} to no channel`);
      let channel = channels.get(spec.name);
      if (channel === undefined) {
        if (spec.kind === 'admin-queue') {
          adminQueue = new AdminQueue(ctx, cmds, selector, stats, {
            holdNs: (cmd) => this.holdNs(cmd),
            done: (cmd) => this.onDone(cmd),
          });
          channel = adminQueue;
        } else {
          // A channel of finitely many slots is a resource (`vendor/fw-cmd` → `vendor-fw-cmd`);
          // per-VF BARs (unlimited) never make anyone wait.
          const meter = Number.isFinite(spec.slots)
            ? ctx.resources.register({ name: spec.name.replace(/\//g, '-'), capacity: spec.slots })
            : undefined;
          const station = new Station(
            ctx.sim,
            `control/${spec.name}/done`,
            spec.slots,
            spec.throttledSlots,
            {
              holdNs: (cmd) => this.stationHoldNs(cmd),
              heavy: (cmd) => this.modelOf[cmds.cls[cmd] as number]?.heavy(cmds.cls[cmd] as number) === true,
              done: (cmd) => this.onDone(cmd),
            },
            meter,
          );
          this.stations.set(spec.name, station);
          channel = station;
        }
        channels.set(spec.name, channel);
      }
      return channel;
    });
    this.adminQueue = adminQueue;
  }

  submit(cmd: number): void {
    (this.channelOf[this.cmds.cls[cmd] as number] as Channel).submit(cmd);
  }

  private holdNs(cmd: number): number {
    const cmds = this.cmds;
    const cls = cmds.cls[cmd] as number;
    return (this.modelOf[cls] as TransportModel).holdNs(
      cls,
      cmds.writes[cmd] as number,
      cmds.reads[cmd] as number,
    );
  }

  /** A station's hold, charged to the host CPU when the driver is busy for it. */
  private stationHoldNs(cmd: number): number {
    // Rounded as the simulator rounds the delay, so CPU time and elapsed time agree.
    const hold = Math.round(this.holdNs(cmd));
    const cls = this.cmds.cls[cmd] as number;
    if ((this.modelOf[cls] as TransportModel).hostBusy(cls)) this.ctx.hostCpu.addBusy(hold);
    return hold;
  }
}
