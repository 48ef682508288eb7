/**
 * The one module that writes files: result folders, journals, reports and folder locks all go
 * through a `FileWriter`. Its file-system calls are a seam (`WriteFs`, node:fs by default) so a
 * test can make any write fail with ENOSPC, EACCES or EROFS and check that nothing is lost.
 *
 * Every failure leaves as a `WriteError` naming the file and the error code, so the CLI prints
 * "cannot write results/x/runs.csv: no space left on device (ENOSPC)" instead of a stack trace.
 *
 * Atomic replacement: write a temporary file in the same directory, flush it to disk and rename
 * it over the target, so a reader (or a crash, or a full disk) sees the old file or the new one,
 * never a torn mix. Same directory, because rename is only atomic within one file system.
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FailureError } from '../util/errors.js';

/** The write-side calls of node:fs the writer uses (tests wrap them to inject faults). */
export interface WriteFs {
  mkdirSync(path: string, options: { recursive: true }): string | undefined;
  openSync(path: string, flags: string): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  /** The same flush on the thread pool, so that several run at once (writeAtomicAll); optional. */
  fsync?(fd: number, callback: (err: NodeJS.ErrnoException | null) => void): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  linkSync(existing: string, link: string): void;
  unlinkSync(path: string): void;
  rmSync(path: string, options: { force: true; recursive?: boolean }): void;
  rmdirSync(path: string): void;
  ftruncateSync(fd: number, length: number): void;
  fstatSync(fd: number): { size: number };
}

const ERROR_TEXT: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
  EFBIG: 'file too large',
  ENOTDIR: 'a path component is not a directory',
  EISDIR: 'is a directory',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'file name too long',
};

/** A file could not be written: names the file and the error; exit status 1, no stack trace. */
export class WriteError extends FailureError {
  readonly path: string;
  readonly code: string;
  constructor(path: string, cause: unknown, note?: string) {
    const code = errorCode(cause) ?? 'EUNKNOWN';
    const text = ERROR_TEXT[code] ?? (cause instanceof Error ? cause.message : String(cause));
    super(`cannot write ${path}: ${text} (${code})${note ? `; ${note}` : ''}`, { cause });
    this.name = 'WriteError';
    this.path = path;
    this.code = code;
  }

  /** The same failure with a note on what was kept and how to go on. */
  withNote(note: string): WriteError {
    return new WriteError(this.path, this.cause, note);
  }
}

function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** One file of a writeAtomicAll. */
export interface AtomicFile {
  path: string;
  data: string | Uint8Array;
}

/** A file opened for durable appends (the journal). */
export interface AppendFile {
  /** Appends `bytes` in full and flushes them; on failure the file is cut back to its last whole append. */
  append(bytes: Uint8Array): void;
  close(): void;
}

export class FileWriter {
  private counter = 0;

  constructor(
    readonly fs: WriteFs = nodeFs as unknown as WriteFs,
    /** Tags temporary file names; distinct per process so two writers never share one. */
    private readonly tag: string = String(process.pid),
  ) {}

  /** Runs one file-system call, turning its failure into a WriteError on `path`. */
  private attempt<T>(path: string, call: () => T): T {
    try {
      return call();
    } catch (e) {
      throw e instanceof WriteError ? e : new WriteError(path, e);
    }
  }

  makeDirectory(dir: string): string | undefined {
    return this.attempt(dir, () => this.fs.mkdirSync(dir, { recursive: true }));
  }

  /** Removes a file or a folder tree; a missing one is fine. */
  remove(path: string): void {
    this.attempt(path, () => this.fs.rmSync(path, { force: true, recursive: true }));
  }

  /** Removes `dir` if it is empty (true when it went); anything else leaves it. */
  removeEmptyDirectory(dir: string): boolean {
    try {
      this.fs.rmdirSync(dir);
      return true;
    } catch {
      return false;
    }
  }

  /** Replaces `path` atomically with `data`: the old file or the whole new one, never a mix. */
  writeAtomic(path: string, data: string | Uint8Array): void {
    const tmp = this.writeTemporary(path, data);
    try {
      this.attempt(path, () => this.fs.renameSync(tmp, path));
    } catch (e) {
      this.discard(tmp);
      throw e;
    }
    this.syncDirectory(dirname(path));
  }

  /**
   * Replaces each of `files` atomically, as writeAtomic does, and then `last` (a marker whose
   * presence says the others are complete): a crash leaves every file old or wholly new, and
   * `last` never appears before the others are durable. Cheaper than one writeAtomic per file,
   * which costs two flushes each (the data, then the directory): the temporaries are flushed
   * together on the thread pool (a journalling file system commits concurrent flushes in one
   * go), and the directory once after the renames and once after `last`'s. On any failure
   * every temporary not yet renamed is removed.
   */
  async writeAtomicAll(files: readonly AtomicFile[], last?: AtomicFile): Promise<void> {
    const all = last === undefined ? files : [...files, last];
    const open: { path: string; tmp: string; fd: number }[] = [];
    let renamed = 0;
    try {
      for (const f of all) {
        const tmp = this.temporaryName(f.path);
        const fd = this.attempt(f.path, () => this.fs.openSync(tmp, 'w'));
        open.push({ path: f.path, tmp, fd });
        this.writeAll(f.path, fd, typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data);
      }
      const flushed = await Promise.allSettled(open.map((t) => this.flush(t.path, t.fd)));
      const failed = flushed.find((r) => r.status === 'rejected');
      if (failed !== undefined) throw (failed as PromiseRejectedResult).reason;
      for (const t of open) {
        const fd = t.fd;
        t.fd = -1;
        this.fs.closeSync(fd);
      }
      const dirs = new Set(files.map((f) => dirname(f.path)));
      for (const t of open.slice(0, files.length)) {
        this.attempt(t.path, () => this.fs.renameSync(t.tmp, t.path));
        renamed++;
      }
      for (const dir of dirs) this.syncDirectory(dir);
      if (last !== undefined) {
        const t = open[files.length] as (typeof open)[number];
        this.attempt(t.path, () => this.fs.renameSync(t.tmp, t.path));
        renamed++;
        this.syncDirectory(dirname(t.path));
      }
    } finally {
      for (const t of open.slice(renamed)) {
        if (t.fd >= 0) this.fs.closeSync(t.fd);
        this.discard(t.tmp);
      }
    }
  }

  /** fsync on the thread pool when the seam has it, else in this thread; fails as a WriteError on `path`. */
  private flush(path: string, fd: number): Promise<void> {
    const fsync = this.fs.fsync;
    if (fsync === undefined)
      return Promise.resolve().then(() => this.attempt(path, () => this.fs.fsyncSync(fd)));
    return new Promise((resolve, reject) =>
      fsync.call(this.fs, fd, (err) => (err ? reject(new WriteError(path, err)) : resolve())),
    );
  }

  /**
   * Creates `path` holding `data` only if it does not exist yet; false when it does. The file
   * appears whole (hard-linked from a flushed temporary), so a reader never sees it empty —
   * what a lock file needs. File systems without hard links fall back to an exclusive create.
   */
  createExclusive(path: string, data: string): boolean {
    const tmp = this.writeTemporary(path, data);
    try {
      this.fs.linkSync(tmp, path);
      return true;
    } catch (e) {
      if (errorCode(e) === 'EEXIST') return false;
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(errorCode(e) ?? '')) {
        throw new WriteError(path, e);
      }
      return this.createExclusiveByOpen(path, data);
    } finally {
      this.discard(tmp);
    }
  }

  private createExclusiveByOpen(path: string, data: string): boolean {
    let fd: number;
    try {
      fd = this.fs.openSync(path, 'wx');
    } catch (e) {
      if (errorCode(e) === 'EEXIST') return false;
      throw new WriteError(path, e);
    }
    try {
      this.writeAll(path, fd, Buffer.from(data, 'utf8'));
      this.attempt(path, () => this.fs.fsyncSync(fd));
    } finally {
      this.fs.closeSync(fd);
    }
    return true;
  }

  /** Deletes a file; a missing one is fine. */
  unlink(path: string): void {
    try {
      this.fs.unlinkSync(path);
    } catch (e) {
      if (errorCode(e) !== 'ENOENT') throw new WriteError(path, e);
    }
  }

  /** Opens `path` for appending, first cutting it to `keepBytes` (a torn tail) when given. */
  openAppend(path: string, keepBytes?: number): AppendFile {
    const fd = this.attempt(path, () => this.fs.openSync(path, 'a'));
    let size: number;
    try {
      if (keepBytes !== undefined) this.attempt(path, () => this.fs.ftruncateSync(fd, keepBytes));
      size = keepBytes ?? this.attempt(path, () => this.fs.fstatSync(fd).size);
    } catch (e) {
      this.fs.closeSync(fd);
      throw e;
    }
    let broken: WriteError | undefined;
    let open = true;
    return {
      append: (bytes) => {
        if (!open) throw new Error(`${path} is closed`);
        if (broken) throw broken;
        try {
          this.writeAll(path, fd, bytes);
          this.attempt(path, () => this.fs.fsyncSync(fd));
          size += bytes.length;
        } catch (e) {
          // A partial line must not stay in front of the next append: cut back to the last
          // whole one (best effort: on a read-only disk the reader drops the torn tail instead).
          broken = e instanceof WriteError ? e : new WriteError(path, e);
          try {
            this.fs.ftruncateSync(fd, size);
          } catch {
            // the torn tail stays; readJournal drops it and resume truncates it
          }
          throw broken;
        }
      },
      close: () => {
        if (!open) return;
        open = false;
        this.fs.closeSync(fd);
      },
    };
  }

  /** Writes `data` to a flushed temporary beside `path` and returns its name. */
  private writeTemporary(path: string, data: string | Uint8Array): string {
    const tmp = this.temporaryName(path);
    const fd = this.attempt(path, () => this.fs.openSync(tmp, 'w'));
    try {
      this.writeAll(path, fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      this.attempt(path, () => this.fs.fsyncSync(fd));
    } catch (e) {
      this.fs.closeSync(fd);
      this.discard(tmp);
      throw e;
    }
    this.fs.closeSync(fd);
    return tmp;
  }

  private temporaryName(path: string): string {
    return join(dirname(path), `.${basename(path)}.${this.tag}.${this.counter++}.tmp`);
  }

  /** Removes a temporary, best effort: on a read-only disk it stays (its name marks it). */
  private discard(tmp: string): void {
    try {
      this.fs.rmSync(tmp, { force: true });
    } catch {
      // nothing more to do; the failure being reported is the one that matters
    }
  }

  private writeAll(path: string, fd: number, bytes: Uint8Array): void {
    let off = 0;
    while (off < bytes.length) {
      const at = off;
      off += this.attempt(path, () => this.fs.writeSync(fd, bytes, at, bytes.length - at));
    }
  }

  /** Makes a rename durable; some file systems refuse to open a directory, which is harmless. */
  private syncDirectory(dir: string): void {
    let fd: number | undefined;
    try {
      fd = this.fs.openSync(dir, 'r');
      this.fs.fsyncSync(fd);
    } catch {
      // best effort
    } finally {
      if (fd !== undefined) this.fs.closeSync(fd);
    }
  }
}

/** The writer on the real file system, for callers that are not handed one. */
export const defaultWriter = new FileWriter();

/** `defaultWriter.writeAtomic`, for the report and chart code. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  defaultWriter.writeAtomic(path, data);
}
