import { describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { profilesCommand } from '../../src/cli/commands/profiles.js';
import type { CliIO } from '../../src/cli/io.js';
import { PARENTS } from '../../src/model/config.js';
import { InputError } from '../../src/util/errors.js';

function capture(): CliIO & { text(): string } {
  const out: string[] = [];
  return {
    out: (t) => {
      out.push(t);
    },
    err: (t) => {
      out.push(t);
    },
    isTTY: false,
    text: () => out.join('\n'),
  };
}

/** Parses argv through the command's own builder, as main.ts will once it registers it. */
async function run(argv: string[]): Promise<string> {
  const io = capture();
  await yargs(argv)
    .command(profilesCommand(io))
    .strict()
    .exitProcess(false)
    .fail((msg, err) => {
      throw err ?? new Error(msg);
    })
    .parseAsync();
  return io.text();
}

describe('vdpascale profiles', () => {
  it('lists every parent with its description', async () => {
    const text = await run(['profiles']);
    for (const name of [...PARENTS, 'platform']) expect(text).toContain(name);
    expect(text).toContain('device MMU');
  });

  it('prints every mlx5 parameter with value, range, basis and resolvable sources', async () => {
    const text = await run(['profiles', 'mlx5']);
    expect(text).toMatch(/^PATH\s+VALUE\s+FROM\s+RANGE\s+BASIS\s+NOTE \[SOURCES\]$/m);
    expect(text).toMatch(
      /limits\.totalVfs\s+127 VFs\s+mlx5\s+63–127 VFs; firmware-dependent\s+spec\s+.*\[nvidia-cx6dx-firmware\]/,
    );
    expect(text).toMatch(/transport\.vendorSlots\s+31 slots\s+platform\s+.*\[linux-mlx5-cmd\]/);
    expect(text).toMatch(/iommu\.deviceMmu\.keyBuild\s+1 s\s+mlx5\s+250 ms–3\.6 s \(log\)/);
    expect(text).toContain('empirical {1.1 ms, 500 µs}');
    // Every cited key is spelled out below the table, with where to find the document.
    const cited = new Set([...text.matchAll(/\[([a-z0-9]+(?:-[a-z0-9]+)+)\]/g)].map((m) => m[1]));
    const listed = text.slice(text.indexOf('Sources (docs/sources.md):'));
    for (const key of cited) expect(listed, key).toContain(`[${key}] `);
    expect(listed).toMatch(
      /\[linux-mlx5-cmd\] "mlx5 firmware command interface", Linux v6\.12, drivers\/net\/ethernet\/mellanox\/mlx5\/core\/cmd\.c/,
    );
    expect(listed).toMatch(/\[mlx5-vdpa-suspend-2024\] Dragos Tatulea .*2024/);
  });

  it('handles the handler directly with a capturing io', () => {
    const io = capture();
    profilesCommand(io).handler({ name: 'vduse', json: false });
    expect(io.text()).toMatch(/limits\.instanceMemory\s+64 MiB\s+vduse/);
  });

  it('prints JSON in canonical units with inheritance marked', async () => {
    const parsed = JSON.parse(await run(['profiles', 'mlx5', '--json'])) as {
      name: string;
      params: Array<{ path: string; value: unknown; inherited: boolean; cite: string[]; basis: string }>;
      sources: Record<string, { title: string }>;
    };
    expect(parsed.name).toBe('mlx5');
    const byPath = new Map(parsed.params.map((p) => [p.path, p]));
    expect(byPath.get('transport.vendorSlots')).toMatchObject({ value: 31, inherited: true });
    expect(byPath.get('iommu.deviceMmu.keyBuild')).toMatchObject({
      value: 1_000_000_000,
      inherited: false,
    });
    expect(parsed.params.every((p) => p.basis !== '')).toBe(true);
    for (const key of parsed.params.flatMap((p) => p.cite))
      expect(parsed.sources[key]?.title, key).toBeDefined();
  });

  it('shows the platform base itself', async () => {
    const text = await run(['profiles', 'platform']);
    expect(text).toMatch(/iommu\.iotlb\.entries\s+64 entries\s+platform/);
  });

  it('rejects an unknown name with the valid ones', () => {
    const io = capture();
    expect(() => profilesCommand(io).handler({ name: 'mlx4', json: false })).toThrow(InputError);
    try {
      profilesCommand(io).handler({ name: 'mlx4', json: false });
    } catch (e) {
      expect((e as InputError).format()).toContain('vdpa_sim, platform');
    }
  });
});
