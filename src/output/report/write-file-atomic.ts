import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let sequence = 0;

/**
 * Writes a file so that readers see either the old content or the new, never a torn file: the
 * data goes to a temporary file in the same folder (same file system, so rename is atomic),
 * which then replaces the target. A reader of report.html mid-rebuild, or a crash, leaves no
 * half-written chart behind.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  sequence += 1;
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${sequence}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
