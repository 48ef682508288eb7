import type { ResultManifest } from '../charts/result-data.js';
import { escapeHtml, formatNumber } from './html.js';

/** The result files a reader may want next to the page (relative links work from file://). */
const RESULT_FILES = [
  'scenario.yaml',
  'manifest.json',
  'runs.csv',
  'groups.csv',
  'summary.csv',
  'calibration.yaml',
  'calibration.csv',
  'resources.csv',
];

/**
 * "What was run": enough to reproduce the study and to tell two reports apart — scenario,
 * seed and replications, the sweep, code version and commit, the scenario hash and the result
 * fingerprint, and the wall-clock timings.
 */
export function runInfoSection(manifest: ResultManifest, present: ReadonlySet<string>): string {
  const rows: [string, string][] = [
    ['scenario', code(manifest.name)],
    ['seed', shown(manifest.seed)],
    ['replications', shown(manifest.replications)],
    ['points', String(manifest.points.length)],
    ['swept', manifest.swept.length === 0 ? 'nothing (one point)' : manifest.swept.map(code).join(', ')],
    ['random numbers', shown(manifest.rng)],
    ['vdpascale version', shown(manifest.version)],
    ['git commit', shown(manifest.git_commit)],
    ['scenario hash', shown(manifest.scenario_hash)],
    ['result fingerprint', shown(manifest.fingerprint)],
    ...Object.entries(manifest.timings ?? {}).map(([k, v]): [string, string] => [
      `timing: ${escapeHtml(k)}`,
      shown(v, true),
    ]),
  ];
  const links = RESULT_FILES.filter((f) => present.has(f))
    .map((f) => `<a href="${escapeHtml(f)}">${escapeHtml(f)}</a>`)
    .join(' · ');
  return [
    '<section id="run"><h2>What was run</h2>',
    `<table class="info"><tbody>\n${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('\n')}\n</tbody></table>`,
    links === '' ? '' : `<p class="files">Files: ${links}</p>`,
    '</section>',
  ].join('\n');
}

function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}

/** A manifest value as text: strings and numbers as they are, objects as compact JSON. */
function shown(value: unknown, rounded = false): string {
  if (value === undefined || value === null || value === '') return '<span class="none">—</span>';
  // Timings are rounded for reading; a seed must be shown exactly, whatever its size.
  if (typeof value === 'number') return code(rounded ? formatNumber(value) : String(value));
  if (typeof value === 'string' || typeof value === 'boolean') return code(String(value));
  return code(JSON.stringify(value));
}
