import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { checkedKey, type FileStore, MissingObjectError } from './file.store.js';

const isMissing = (e: unknown) => (e as NodeJS.ErrnoException)?.code === 'ENOENT';

/**
 * Files under UPLOAD_DIR, one per key (year/month/uuid.ext). Besides the key's fixed shape, every
 * path is checked to stay inside the root.
 */
export class LocalFileStore implements FileStore {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  resolve(key: string): string {
    const full = path.resolve(this.root, checkedKey(key));
    if (!full.startsWith(this.root + path.sep))
      throw new Error(`storage key escapes the upload root: ${key}`);
    return full;
  }

  /** Written to a temporary name and renamed, so a crash never leaves a half file under a real key. */
  async put(key: string, data: Buffer): Promise<void> {
    const full = this.resolve(key);
    await mkdir(path.dirname(full), { recursive: true });
    const tmp = `${full}.${randomUUID()}.part`;
    try {
      await writeFile(tmp, data, { flag: 'wx' });
      await rename(tmp, full);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
  }

  async get(key: string): Promise<Readable> {
    try {
      const handle = await open(this.resolve(key), 'r');
      return handle.createReadStream();
    } catch (e) {
      if (isMissing(e)) throw new MissingObjectError(key);
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.resolve(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.resolve(key))).isFile();
    } catch (e) {
      if (isMissing(e)) return false;
      throw e;
    }
  }
}
