/**
 * One run of one sweep point in this process's main thread, for the long-run tests: prints
 * the peak resident set size (the kernel's maxrss) before and after the run, its wall time and
 * its metrics, as one JSON line. Each measurement gets a process of its own, so one run's peak
 * cannot hide in another's.
 *   node --import tsx test/long-run/measure-run.ts FILE POINT [PATH=VALUE…]
 */
import { runOne } from '../../src/runner/run-one.js';
import { runSpecFor } from '../../src/runner/study.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';

const [file, point, ...sets] = process.argv.slice(2);
if (file === undefined || point === undefined) throw new Error('usage: FILE POINT [PATH=VALUE…]');
const study = await loadScenario(file, { sets: [...sets, 'replications=1'] });
const spec = runSpecFor(study, { index: 0, point: Number(point), replication: 0 });
const rssBeforeKiB = process.resourceUsage().maxRSS;
const t0 = performance.now();
const output = runOne(spec);
const wallMs = performance.now() - t0;
const peakRssKiB = process.resourceUsage().maxRSS;
console.log(
  JSON.stringify({
    rssBeforeKiB,
    peakRssKiB,
    wallMs,
    spec: { warmupNs: spec.warmupNs, durationNs: spec.durationNs },
    metrics: output.metrics,
  }),
);
