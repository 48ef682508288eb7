/**
 * docs/sources.md, generated from the bibliography: every public document the model cites,
 * grouped by kind, each with what the model takes from it and which profile parameters rest
 * on it. A test keeps the committed file equal to this text.
 */

import { BIBLIOGRAPHY, formatCitation, type SourceKey, sourceKeys } from '../bibliography/bibliography.js';
import type { SourceKind } from '../bibliography/source.js';
import { allStrategies } from '../strategies/catalogue.js';
import { listProfiles, PLATFORM_PROFILE } from './index.js';

const KIND_TITLES: ReadonlyArray<[SourceKind, string]> = [
  ['spec', 'Specifications'],
  ['kernel', 'Linux sources'],
  ['code', 'Other source code and tools'],
  ['paper', 'Papers'],
  ['patch', 'Patch series and commits'],
  ['vendor', 'Vendor documents'],
  ['report', 'Public reports (forums, issue trackers): ranges, not truths'],
  ['talk', 'The talk'],
];

/** Which profile parameters and strategies cite each key: 'platform: limits.msixPerFunction', 'isolation pasid-per-vq'. */
function citedBy(): Map<SourceKey, string[]> {
  const by = new Map<SourceKey, string[]>();
  for (const s of allStrategies()) {
    for (const key of s.cite) by.set(key, [...(by.get(key) ?? []), `${s.kind} ${s.name}`]);
  }
  for (const profile of [PLATFORM_PROFILE, ...listProfiles()]) {
    for (const key of profile.cite) by.set(key, [...(by.get(key) ?? []), `${profile.name} (the parent)`]);
    for (const p of profile.params) {
      for (const key of p.cite) by.set(key, [...(by.get(key) ?? []), `${profile.name}: ${p.path}`]);
    }
  }
  return by;
}

export function sourcesDocument(): string {
  const by = citedBy();
  const lines = [
    '# Sources',
    '',
    '<!-- Generated from src/bibliography/ by `UPDATE_SOURCES=1 npx vitest run test/bibliography/sources.test.ts`; do not edit by hand. -->',
    '',
    'Every number in vdpascale that stands for real hardware or software rests on the public documents',
    'below. Profiles cite them by key (`vdpascale profiles NAME` prints the citations), source comments',
    'write `[[key]]`, and each entry says in this project’s words what the model takes from it. A',
    'value with no document behind it is marked `estimate` in its profile, with the reasoning beside it.',
    '',
  ];
  for (const [kind, title] of KIND_TITLES) {
    const keys = sourceKeys().filter((k) => BIBLIOGRAPHY[k].kind === kind);
    if (keys.length === 0) continue;
    lines.push(`## ${title}`, '');
    for (const key of keys) {
      lines.push(`### ${key}`, '', formatCitation(key), '', BIBLIOGRAPHY[key].about, '');
      const users = by.get(key) ?? [];
      if (users.length > 0) lines.push(`Cited by: ${users.map((u) => `\`${u}\``).join(', ')}.`, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
