import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ConfigError } from '../config/config.js';
import { checkedKey, type FileStore, MissingObjectError } from './file.store.js';

export interface S3StoreOptions {
  /** Absent for AWS itself; the URL of MinIO, Ceph RGW, OSS, COS and the like. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

const named = (e: unknown, ...names: string[]) => e instanceof S3ServiceException && names.includes(e.name);

/** What a store's refusal of the bucket means, for the person who set S3_*. */
function refusal(status: number): string {
  if (status === 404) return 'it does not exist';
  if (status === 403)
    return 'access denied (check S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY and the bucket policy)';
  if (status === 301) return 'it is in another region (check S3_REGION)';
  return 'the store refused it';
}

/** Objects in one bucket of an S3-compatible store, under the same keys as on disk. */
export class S3FileStore implements FileStore, OnModuleInit, OnModuleDestroy {
  readonly bucket: string;
  private readonly client: S3Client;
  private readonly where: string;

  constructor(options: S3StoreOptions) {
    this.bucket = options.bucket;
    this.where = options.endpoint ?? `AWS S3 (${options.region})`;
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // The SDK's default CRC checksum headers (and aws-chunked bodies) are refused by many
      // S3-compatible stores; S3 itself does not require them for these calls.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      // A store that stops answering fails the upload (and its cleanup runs) instead of holding
      // the request open for ever.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
  }

  /**
   * Checks the bucket at boot: a wrong name, key or region would otherwise surface only as a
   * failed upload, long after the deploy. The store's refusal (the bucket is missing, access
   * denied) is a configuration error, which a restart cannot mend; a store that does not answer
   * may answer the next start.
   */
  async onModuleInit(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (e) {
      const status = e instanceof S3ServiceException ? e.$metadata.httpStatusCode : undefined;
      const error = e instanceof S3ServiceException ? `${e.name}, HTTP ${status}` : String(e);
      const problem = `S3_BUCKET: the bucket "${this.bucket}" at ${this.where} cannot be used`;
      if (status !== undefined && status < 500) {
        throw new ConfigError([`${problem}: ${refusal(status)} (${error})`]);
      }
      throw new Error(`${problem}: ${error}`, { cause: e });
    }
  }

  /** A single PutObject: S3 shows an object only once all of it has arrived. */
  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: checkedKey(key),
        Body: data,
        ContentType: contentType,
        ContentLength: data.length,
      }),
    );
  }

  async get(key: string): Promise<Readable> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checkedKey(key) }));
      if (!(res.Body instanceof Readable)) throw new Error(`S3 GetObject ${key}: no readable body`);
      return res.Body;
    } catch (e) {
      if (named(e, 'NoSuchKey')) throw new MissingObjectError(key);
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checkedKey(key) }));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: checkedKey(key) }));
      return true;
    } catch (e) {
      // A HEAD answer has no body, so a missing object comes back as a bare 404 ("NotFound").
      if (named(e, 'NotFound', 'NoSuchKey')) return false;
      throw e;
    }
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }
}
