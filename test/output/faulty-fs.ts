/**
 * A fault-injecting file system for the writer seam (`WriteFs`): it passes every call to
 * node:fs until a planned fault fires, then throws the error node:fs would throw (with its
 * `code`, `syscall` and `path`). A failing write first writes part of its bytes, as a disk
 * that fills mid-write does, so torn files and torn journal lines are exercised for real.
 */
import * as fs from 'node:fs';
import { basename } from 'node:path';
import type { WriteFs } from '../../src/output/file-writer.js';

export type FaultCode = 'ENOSPC' | 'EACCES' | 'EROFS' | 'EIO';
export type FaultOp = 'open' | 'write' | 'fsync' | 'rename' | 'mkdir' | 'link';

export interface Fault {
  op: FaultOp;
  code: FaultCode;
  /** Which file: matched against the target's base name (a temporary counts as its target). */
  file: string | RegExp;
  /** Fire on the n-th matching call (1-based; default 1), and on every later one if `sticky`. */
  nth?: number;
  sticky?: boolean;
}

/** The target file a temporary `.NAME.PID.N.tmp` stands for. */
function targetName(path: string): string {
  const base = basename(path);
  const m = /^\.(.+)\.[^.]+\.\d+\.tmp$/.exec(base);
  return m?.[1] ?? base;
}

function fsError(code: FaultCode, syscall: string, path: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: injected fault, ${syscall} '${path}'`) as NodeJS.ErrnoException;
  e.code = code;
  e.syscall = syscall;
  e.path = path;
  return e;
}

export interface FaultyFs extends WriteFs {
  /** Faults that have fired, as `op file code`. */
  readonly fired: string[];
  /** Stops injecting (the disk was freed). */
  heal(): void;
}

export function faultyFs(faults: Fault[]): FaultyFs {
  const counts = new Map<Fault, number>();
  const fdPath = new Map<number, string>();
  const fired: string[] = [];
  let healed = false;
  const check = (op: FaultOp, path: string): FaultCode | undefined => {
    if (healed) return undefined;
    const name = targetName(path);
    for (const f of faults) {
      if (f.op !== op) continue;
      if (typeof f.file === 'string' ? f.file !== name : !f.file.test(name)) continue;
      const n = (counts.get(f) ?? 0) + 1;
      counts.set(f, n);
      if (n === (f.nth ?? 1) || (f.sticky && n > (f.nth ?? 1))) {
        fired.push(`${op} ${name} ${f.code}`);
        return f.code;
      }
    }
    return undefined;
  };
  const raise = (op: FaultOp, syscall: string, path: string) => {
    const code = check(op, path);
    if (code) throw fsError(code, syscall, path);
  };
  return {
    fired,
    heal: () => {
      healed = true;
    },
    mkdirSync: (path, options) => {
      raise('mkdir', 'mkdir', path);
      return fs.mkdirSync(path, options);
    },
    openSync: (path, flags) => {
      if (flags !== 'r') raise('open', 'open', path);
      const fd = fs.openSync(path, flags);
      fdPath.set(fd, path);
      return fd;
    },
    writeSync: (fd, buffer, offset, length) => {
      const path = fdPath.get(fd) ?? '?';
      const code = check('write', path);
      if (code) {
        // A disk that fills mid-write: part of the bytes land, then the error.
        const part = Math.floor(length / 2);
        if (part > 0) fs.writeSync(fd, buffer, offset, part);
        throw fsError(code, 'write', path);
      }
      return fs.writeSync(fd, buffer, offset, length);
    },
    fsyncSync: (fd) => {
      const path = fdPath.get(fd) ?? '?';
      if (path !== '?' && !fs.statSync(path).isDirectory()) raise('fsync', 'fsync', path);
      fs.fsyncSync(fd);
    },
    fsync: (fd, callback) => {
      const path = fdPath.get(fd) ?? '?';
      try {
        if (path !== '?' && !fs.statSync(path).isDirectory()) raise('fsync', 'fsync', path);
      } catch (e) {
        callback(e as NodeJS.ErrnoException);
        return;
      }
      fs.fsync(fd, callback);
    },
    closeSync: (fd) => {
      fdPath.delete(fd);
      fs.closeSync(fd);
    },
    renameSync: (from, to) => {
      raise('rename', 'rename', to);
      fs.renameSync(from, to);
    },
    linkSync: (existing, link) => {
      raise('link', 'link', link);
      fs.linkSync(existing, link);
    },
    unlinkSync: (path) => fs.unlinkSync(path),
    rmSync: (path, options) => fs.rmSync(path, options),
    rmdirSync: (path) => fs.rmdirSync(path),
    ftruncateSync: (fd, length) => fs.ftruncateSync(fd, length),
    fstatSync: (fd) => fs.fstatSync(fd),
  };
}
