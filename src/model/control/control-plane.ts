/**
 * The control plane (docs/model.md, "Control plane"): control operations as
 * sequences of transport transactions, the five transports, admin-queue QoS, provisioning and
 * churn, and resource accounting. It meets the data path only through `DataPathPort`
 * (activate at DRIVER_OK, deactivate when teardown begins) and the shared instance table.
 *
 * Wiring: workload / provisioner → OpRunner (programs) → Transport (rules, channels, admin
 * queue) → OpRunner → workload stats / provisioner. Random streams, by stable name:
 * `control/ops/<group>`, `control/churn/{create,destroy}`, `control/transport/<name>`,
 * `control/provisioning`, `control/hw-cvq`, `control/sw-cvq`.
 */
import { CONTROL_OPS, type ControlOp } from '../config.js';
import { InstanceState } from '../instance-table.js';
import { LIMIT_RESOURCE_COLUMN } from '../metrics.js';
import type { DataPathPort, MetricSink, ModelComponent, ModelContext, QueueProbe } from '../ports.js';
import { CommandTable, OpTable } from './command-table.js';
import { ControlStats } from './control-stats.js';
import { ControlWorkload } from './control-workload.js';
import { buildProgramTables, OpKind, opKindOf } from './op-programs.js';
import { OpRunner } from './op-runner.js';
import { Provisioner } from './provisioner.js';
import { ResourceLedger } from './resource-ledger.js';
import {
  type ControlStrategies,
  type QueueSelector,
  type TransportModel,
  WINDOW_BYTES,
} from './strategy-ports.js';
import { Transport } from './transport.js';

const NS_PER_US = 1e3;
const NS_PER_MS = 1e6;

export class ControlPlane implements ModelComponent {
  readonly ledger: ResourceLedger;
  readonly stats: ControlStats;
  readonly transport: Transport;
  readonly provisioner: Provisioner;
  readonly cmds = new CommandTable();
  readonly ops = new OpTable();
  private readonly ctx: ModelContext;
  private readonly selector: QueueSelector;
  private readonly qosName: string;
  private readonly runner: OpRunner;
  private readonly workload: ControlWorkload;
  private readonly carriesCvq: boolean;
  /** Told when the start burst is over (system.ts measures the resources over the burst). */
  burstObserver: ((nowNs: number) => void) | undefined;

  constructor(ctx: ModelContext, dataPath: DataPathPort, strategies: ControlStrategies) {
    this.ctx = ctx;
    const { config, streams } = ctx;
    const groups = config.workload.groups;
    this.ledger = new ResourceLedger(config, strategies);
    this.stats = new ControlStats(groups.length);
    this.selector = strategies.qos.create(config.adminq);
    this.qosName = strategies.qos.name;
    const provisioning = strategies.provisioning.build(config, streams.stream('control/provisioning'));
    const { transport, createTransport } = strategies;
    const main = transport.build(config, streams.stream(`control/transport/${transport.name}`));
    const create: TransportModel =
      createTransport === transport
        ? main
        : createTransport.build(config, streams.stream(`control/transport/${createTransport.name}`));
    this.transport = new Transport(ctx, this.cmds, this.stats, main, create, this.selector, (cmd) =>
      this.runner.commandDone(cmd),
    );
    this.provisioner = new Provisioner(ctx, {
      ledger: this.ledger,
      stats: this.stats,
      dataPath,
      startOp: (kind, instance) => this.runner.start(kind, instance),
      onBurstDone: (nowNs) => this.burstObserver?.(nowNs),
    });
    this.runner = new OpRunner(ctx, {
      programs: buildProgramTables(config, provisioning, strategies),
      cmds: this.cmds,
      ops: this.ops,
      provisioning,
      submitCommand: (cmd) => this.transport.submit(cmd),
      existingInstances: () => this.provisioner.ready.size,
      opDone: (op) => this.opDone(op),
    });
    this.carriesCvq = strategies.cvq.carriesCommands;
    this.workload = new ControlWorkload(ctx, this.carriesCvq, (kind, instance) => {
      this.stats.opIssued(ctx.instances.group[instance] as number, ctx.sim.now);
      this.runner.start(kind, instance);
    });
    this.warnIgnoredSettings();
  }

  /**
   * A CVQ command a READY instance's guest driver sends on its own — virtio_net's RX DIM sends
   * one NOTF_COAL_VQ_SET per profile step [[linux-virtio-net-cvq]] — run and counted like the
   * tenants' operations. Without a CVQ there is none to send (virtio_net then has no
   * VIRTIO_NET_F_VQ_NOTF_COAL and no DIM), said once.
   */
  issueDriverCommand(op: ControlOp, instance: number): void {
    if (!this.carriesCvq) {
      this.ctx.warn(`cvq: none — the guest drivers' ${op} commands (adaptive coalescing) are not sent`);
      return;
    }
    if (this.ctx.instances.state[instance] !== InstanceState.READY) return;
    this.stats.opIssued(this.ctx.instances.group[instance] as number, this.ctx.sim.now);
    this.runner.start(opKindOf(op), instance);
  }

  start(): void {
    this.provisioner.start();
    this.workload.start();
  }

  resetStats(nowNs: number): void {
    this.stats.reset(nowNs);
  }

  readonly queue: QueueProbe = {
    what: 'control operations outstanding',
    utilisation: 'adminq_util',
    backlog: () => this.stats.backlog.value,
  };

  collect(sink: MetricSink, windowNs: number): void {
    const s = this.stats;
    const now = this.ctx.sim.now;
    const aq = this.transport.adminQueue;
    sink.set('ctrl_ops_per_s', s.ctrlOps.rate(windowNs));
    sink.set('ctrl_latency_mean_us', s.ctrlLatency.mean / NS_PER_US);
    sink.set('ctrl_latency_p99_us', s.ctrlLatency.quantile(0.99) / NS_PER_US);
    sink.set('ctrl_backlog_mean', s.backlog.mean(now));
    sink.set('ctrl_backlog_max', s.backlog.max);
    sink.set('adminq_wait_mean_us', s.adminqWait.mean / NS_PER_US);
    sink.set('adminq_wait_p99_us', s.adminqWait.quantile(0.99) / NS_PER_US);
    sink.set('adminq_util', aq === undefined ? 0 : s.adminqBusy.mean(now) / aq.config.workers);
    sink.set('adminq_retries_per_s', s.retries.rate(windowNs));
    sink.set(
      'adminq_fairness_jain',
      aq === undefined
        ? 1
        : s.fairness(
            (g) => aq.tenantQueue[g] as number,
            (q) => this.selector.weightOf(q),
            windowNs,
          ),
    );
    this.collectProvisioning(sink);
    this.collectGroups(sink, windowNs);
    // Spinning driver threads burned host CPU for as long as they spun (within the window).
    this.ctx.hostCpu.addBusy(this.spinNs(now));
  }

  /** Host time the spinning driver threads burned from the window's start to `nowNs` (ns). */
  spinNs(nowNs: number): number {
    return this.stats.driverSpin.integral(nowNs);
  }

  settleResources(nowNs: number): number {
    return this.spinNs(nowNs);
  }

  private collectProvisioning(sink: MetricSink): void {
    const s = this.stats;
    const instances = this.ctx.instances;
    sink.set('instances_ready', instances.countInState(InstanceState.READY));
    sink.set('instances_rejected', instances.countInState(InstanceState.REJECTED));
    if (s.burstReady < s.burstAdmitted) {
      this.ctx.warn(
        `provisioning burst incomplete at the end of the run: ${s.burstReady} of ${s.burstAdmitted} admitted instances ready; provision_makespan_ms is a lower bound`,
      );
    }
    const makespanNs = s.burstReady > 0 ? s.burstLastReadyNs : Number.NaN;
    sink.set('provision_makespan_ms', makespanNs / NS_PER_MS);
    sink.set('provision_latency_mean_ms', s.provisionLatency.mean / NS_PER_MS);
    sink.set('provision_latency_p99_ms', s.provisionLatency.quantile(0.99) / NS_PER_MS);
    sink.set('provision_rate_per_s', makespanNs > 0 ? (s.burstReady * 1e9) / makespanNs : Number.NaN);
    sink.set(LIMIT_RESOURCE_COLUMN, s.firstRejection ?? '');
  }

  private collectGroups(sink: MetricSink, windowNs: number): void {
    const s = this.stats;
    const { instances, config, sim } = this.ctx;
    const now = sim.now;
    const groups = config.workload.groups;
    const ready = new Float64Array(groups.length);
    const rejected = new Float64Array(groups.length);
    for (let i = 0; i < instances.capacity; i++) {
      const g = instances.group[i] as number;
      if (instances.state[i] === InstanceState.READY) ready[g] = (ready[g] as number) + 1;
      else if (instances.state[i] === InstanceState.REJECTED) rejected[g] = (rejected[g] as number) + 1;
    }
    groups.forEach((group, g) => {
      const name = group.name;
      sink.setGroup(name, 'ctrl_ops_per_s', ((s.groupOps[g] as number) * 1e9) / windowNs);
      sink.setGroup(name, 'ctrl_latency_mean_us', s.groupLatency.mean(g) / NS_PER_US);
      sink.setGroup(name, 'ctrl_latency_p99_us', s.groupLatency.quantile(g, 0.99) / NS_PER_US);
      sink.setGroup(name, 'ctrl_backlog_mean', s.groupBacklog.mean(g, now));
      sink.setGroup(name, 'ctrl_backlog_max', s.groupBacklog.max(g));
      sink.setGroup(name, 'adminq_wait_mean_us', s.groupWait.mean(g) / NS_PER_US);
      sink.setGroup(name, 'adminq_wait_p99_us', s.groupWait.quantile(g, 0.99) / NS_PER_US);
      sink.setGroup(name, 'adminq_retries_per_s', ((s.groupRetries[g] as number) * 1e9) / windowNs);
      sink.setGroup(name, 'instances_ready', ready[g] as number);
      sink.setGroup(name, 'instances_rejected', rejected[g] as number);
      sink.setGroup(
        name,
        'provision_latency_mean_ms',
        (s.groupProvisionLatency[g]?.mean ?? Number.NaN) / NS_PER_MS,
      );
    });
  }

  private opDone(op: number): void {
    const ops = this.ops;
    const kind = ops.kind[op] as number;
    const instance = ops.instance[op] as number;
    if (kind === OpKind.PROVISION) this.provisioner.provisioned(instance);
    else if (kind === OpKind.TEARDOWN) this.provisioner.tornDown(instance);
    else if (kind < CONTROL_OPS.length) {
      const now = this.ctx.sim.now;
      this.stats.opDone(
        this.ctx.instances.group[instance] as number,
        now - (ops.issuedAt[op] as number),
        now,
      );
    }
  }

  /** One warning per setting that the chosen strategies ignore (a setting is never dropped silently). */
  private warnIgnoredSettings(): void {
    const { config } = this.ctx;
    const groups = config.workload.groups;
    if (this.transport.adminQueue !== undefined) {
      for (const g of groups) {
        // Only a policy that keeps one queue (fifo) serves a group elsewhere than it asked.
        const served = this.selector.queueOf(g.adminQueue);
        if (served !== g.adminQueue) {
          this.ctx.warn(
            `adminq.policy ${this.qosName} uses one admin queue: group '${g.name}' adminQueue ${g.adminQueue} is served by queue ${served}`,
          );
        }
      }
    }
    const t = config.transport;
    for (const [key, bytes] of [
      ['deviceCmdData', t.deviceCmdData],
      ['createConfig', t.createConfig],
    ] as const) {
      if (bytes > WINDOW_BYTES)
        this.ctx.warn(
          `transport.${key} ${bytes} exceeds the ${WINDOW_BYTES}-byte window; ${WINDOW_BYTES} are written`,
        );
    }
    if (this.transport.adminQueue === undefined && groups.some((g) => g.control.limit !== undefined)) {
      this.ctx.warn(
        'control.limit (token bucket) applies to admin-queue commands; no command uses an admin queue in this strategy',
      );
    }
  }
}
