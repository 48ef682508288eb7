/**
 * `vdpascale --help` and `--version` without loading yargs or any command module: yargs and
 * its text layout (string-width, wrap-ansi) cost ≈ 140 ms of CPU before the first line, so the
 * two answers that need only the command index are written here, in yargs' own layout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { COMMAND_INDEX } from './command-index.js';

export const USAGE =
  '$0 <command> [options]\n\nDeterministic discrete-event simulator for hyperscale virtio/vDPA studies.';

/** The package's version. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Words of `text` in lines of at most `width` characters (a longer word gets a line of its own). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines;
}

/** Rows of a left column and a wrapped right column, the right one starting at the same place. */
function table(rows: [string, string, string?][], width: number): string[] {
  const left = Math.max(...rows.map(([l]) => l.length)) + 2;
  return rows.flatMap(([l, r, tag]) => {
    const room = Math.max(20, width - left - (tag === undefined ? 0 : tag.length + 1));
    const lines = wrap(r, room);
    if (tag !== undefined) {
      const last = lines.length - 1;
      lines[last] = `${(lines[last] as string).padEnd(room)} ${tag}`;
    }
    return lines.map((text, i) => (i === 0 ? l.padEnd(left) : ' '.repeat(left)) + text);
  });
}

/** The top-level help text for a terminal `columns` wide. */
export function topLevelHelp(columns: number | undefined): string {
  const width = Math.min(110, columns ?? 110);
  const commands = table(
    Object.values(COMMAND_INDEX).map((e) => [`  vdpascale ${e.usage}`, e.describe]),
    width,
  );
  const options = table(
    [
      ['      --version', 'Show version number', '[boolean]'],
      ['  -h, --help', 'Show help', '[boolean]'],
    ],
    width,
  );
  return [USAGE.replace('$0', 'vdpascale'), '', 'Commands:', ...commands, '', 'Options:', ...options].join(
    '\n',
  );
}

/** The answer to argv when it needs no command module and no parser (`--help`, `-h`, `--version`). */
export function quickAnswer(argv: readonly string[], columns: number | undefined): string | undefined {
  if (argv.length !== 1) return undefined;
  if (argv[0] === '--help' || argv[0] === '-h') return topLevelHelp(columns);
  if (argv[0] === '--version') return packageVersion();
  return undefined;
}
