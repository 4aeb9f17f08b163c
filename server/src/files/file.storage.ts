import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/**
 * Local-disk storage under UPLOAD_DIR. Keys are generated here (year/month/uuid.ext) and checked
 * to stay inside the root, so no client input ever becomes a path. The place where an
 * S3-compatible store would plug in: the same three methods over a bucket.
 */
@Injectable()
export class FileStorage {
  readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = path.resolve(config.UPLOAD_DIR);
  }

  newKey(ext: string, now = new Date()): string {
    const yyyy = String(now.getUTCFullYear());
    const mm = String(now.getUTCMonth() + 1).padStart(2, '0');
    return `${yyyy}/${mm}/${randomUUID()}.${ext}`;
  }

  resolve(key: string): string {
    const full = path.resolve(this.root, key);
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

  async remove(key: string): Promise<void> {
    await rm(this.resolve(key), { force: true });
  }
}
