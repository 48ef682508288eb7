import type { Argv } from 'yargs';
import { BIBLIOGRAPHY, formatCitation, type SourceKey } from '../../bibliography/bibliography.js';
import { PARENTS } from '../../model/config.js';
import {
  formatParamRange,
  formatParamValue,
  getProfile,
  listProfiles,
  type ParentProfile,
  PLATFORM_PROFILE,
  type ResolvedParam,
  resolveProfile,
} from '../../profiles/index.js';
import { InputError } from '../../util/errors.js';
import type { CliIO } from '../io.js';

const PLATFORM = PLATFORM_PROFILE.name;

/** Left-aligned columns separated by two spaces; the last column is not padded. */
function alignRows(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) =>
        i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length),
      )
      .join('  ')
      .trimEnd(),
  );
}

/** The platform's own parameters, shaped like a parent's resolved list. */
function platformParams(): ResolvedParam[] {
  return PLATFORM_PROFILE.params.map((p) => ({ ...p, from: PLATFORM }));
}

function printList(io: CliIO, json: boolean): void {
  const all = [...listProfiles(), PLATFORM_PROFILE];
  if (json) {
    io.out(JSON.stringify(all.map(({ name, description }) => ({ name, description }))));
    return;
  }
  const rows = all.map((p) => [p.name, p.name === PLATFORM ? `${p.description} (base)` : p.description]);
  io.out(alignRows([['PROFILE', 'DESCRIPTION'], ...rows]).join('\n'));
  io.out(`\nRun 'vdpascale profiles NAME' for a profile's parameters, values, ranges and sources.`);
}

function printProfile(io: CliIO, profile: ParentProfile, params: ResolvedParam[], json: boolean): void {
  const cited = citedKeys(profile, params);
  if (json) {
    const { name, description, behaviour, cite } = profile;
    const out = params.map(({ from, ...p }) => ({
      ...p,
      key: p.path,
      inherited: from !== name,
    }));
    const sources = Object.fromEntries(cited.map((k) => [k, BIBLIOGRAPHY[k]]));
    io.out(JSON.stringify({ name, description, behaviour, cite, params: out, sources }));
    return;
  }
  const own = params.filter((p) => p.from === profile.name).length;
  const lines = [
    `${profile.name}: ${profile.description}`,
    '',
    ...profile.behaviour.map((b) => `- ${b}`),
    '',
  ];
  if (profile.cite.length > 0)
    lines.push(`About ${profile.name}: ${profile.cite.map((k) => `[${k}]`).join(' ')}`, '');
  if (profile.name !== PLATFORM) {
    lines.push(
      `${own} parameters set by ${profile.name}; ${params.length - own} inherited from ${PLATFORM} (marked ${PLATFORM}).`,
      '',
    );
  }
  const header = ['PATH', 'VALUE', 'FROM', 'RANGE', 'BASIS', 'NOTE [SOURCES]'];
  const rows = params.map((p) => [
    p.path,
    formatParamValue(p),
    p.from,
    formatParamRange(p) || '—',
    p.basis,
    [p.note, ...p.cite.map((k) => `[${k}]`)].join(' '),
  ]);
  const sources = cited.map((k) => `  [${k}] ${formatCitation(k)}`);
  io.out(
    [...lines, ...alignRows([header, ...rows]), '', 'Sources (docs/sources.md):', ...sources].join('\n'),
  );
}

/** The bibliography keys a listing cites, the profile's own first, each once. */
function citedKeys(profile: ParentProfile, params: readonly ResolvedParam[]): SourceKey[] {
  return [...new Set([...profile.cite, ...params.flatMap((p) => p.cite)])];
}

export function profilesCommand(io: CliIO) {
  return {
    command: 'profiles [name]',
    describe:
      'List vDPA parent profiles, or one profile’s parameters with units, ranges, basis and cited sources',
    builder: (y: Argv) =>
      y
        .positional('name', {
          type: 'string',
          describe: 'profile to show: ifcvf | mlx5 | vp_vdpa | vduse | vdpa_sim | platform',
        })
        .option('json', {
          type: 'boolean',
          default: false,
          describe: 'print JSON (values in canonical units)',
        })
        .example('$0 profiles', 'list the profiles')
        .example('$0 profiles mlx5', 'every mlx5 parameter, the platform values it inherits marked'),
    handler: (args: { name?: string; json: boolean }) => {
      if (args.name === undefined) {
        printList(io, args.json);
      } else if (args.name === PLATFORM) {
        printProfile(io, PLATFORM_PROFILE, platformParams(), args.json);
      } else if ((PARENTS as readonly string[]).includes(args.name)) {
        printProfile(io, getProfile(args.name), resolveProfile(args.name), args.json);
      } else {
        throw new InputError(`unknown profile '${args.name}'`, {}, [...PARENTS, PLATFORM].join(', '));
      }
    },
  };
}
