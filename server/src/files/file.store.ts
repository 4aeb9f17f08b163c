import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where the bytes of uploaded files live: a directory on local disk or an S3-compatible bucket
 * (FILE_STORE). Keys are made only by `newStorageKey` and every store refuses any other shape,
 * so nothing a client sends can ever name a place in the store.
 */
export interface FileStore {
  /** Stores the whole object under `key`; it is visible only once complete. */
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The object's bytes, opened before returning so that a missing object fails here, not mid-response. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export const FILE_STORE = Symbol('FILE_STORE');

/** The record names an object that the store does not have. */
export class MissingObjectError extends Error {
  constructor(readonly key: string) {
    super(`stored object not found: ${key}`);
  }
}

const KEY =
  /^\d{4}\/\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(?:jpg|png|webp|pdf|thumb\.webp)$/;

/** year/month/uuid.ext: spreads a directory store over folders and sorts a bucket listing by age. */
export function newStorageKey(ext: string, now = new Date()): string {
  const yyyy = String(now.getUTCFullYear());
  const mm = String(now.getUTCMonth() + 1).padStart(2, '0');
  return checkedKey(`${yyyy}/${mm}/${randomUUID()}.${ext}`);
}

/** An image's thumbnail sits beside it: same name, `.thumb.webp`. */
export function thumbnailKeyOf(key: string): string {
  return checkedKey(key.replace(/\.\w+$/, '.thumb.webp'));
}

export function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`not a storage key: ${JSON.stringify(key)}`);
  return key;
}
