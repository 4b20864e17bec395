// Writes an export so that the target path holds either the old file or the whole new one, never a
// torn half: write a temporary file beside it, fsync, rename over the target, fsync the directory.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { refuseStoreTarget } from './store-targets';

export interface AtomicWriteOptions {
  /**
   * The open database: the write is refused (StoreTargetRefused, before any file is made) when
   * `path` is that database, its -wal/-shm/-journal or its backups folder (store-targets.ts).
   */
  store?: string;
}

/** Text is written as UTF-8; bytes (a PDF report, say) as they are. */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  if (options.store !== undefined) refuseStoreTarget(path, options.store);
  const dir = dirname(path);
  // Same directory, so the rename cannot cross file systems (which would copy, not replace).
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(dir);
}

/** Makes the rename itself durable. Windows cannot open a directory for fsync; there it is skipped. */
function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
