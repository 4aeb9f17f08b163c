import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import sharp from 'sharp';
import { AuditService } from '../audit/audit.service.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { FileView } from '@muster/contracts';
import { Db } from '../database/db.js';
import { EXTENSION, fileNameProblem, isImage, sniffMime } from './file-type.js';
import { FileRepository } from './file.repository.js';
import {
  FILE_STORE,
  type FileStore,
  MissingObjectError,
  newStorageKey,
  thumbnailKeyOf,
} from './file.store.js';
import type { StoredFile } from './stored-file.entity.js';
import { InvalidError, NotFoundError, TooLargeError } from '../common/domain-errors.js';

export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
  size: number;
}

const THUMBNAIL_PX = 320;

export function mapFile(f: StoredFile): FileView {
  return {
    id: f.id,
    name: f.name,
    mime: f.mime,
    size: f.size,
    url: `/api/files/${f.id}`,
    thumbnailUrl: f.thumbnailKey ? `/api/files/${f.id}/thumbnail` : null,
    createdAt: f.createdAt.toISOString(),
  };
}

@Injectable()
export class FileService {
  private readonly logger = new Logger(FileService.name);

  constructor(
    private readonly db: Db,
    private readonly files: FileRepository,
    @Inject(FILE_STORE) private readonly store: FileStore,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async upload(file: UploadedFile | undefined): Promise<FileView> {
    if (!file) throw new InvalidError(['file: required (multipart field "file")']);
    if (file.size > this.config.UPLOAD_MAX_BYTES) throw this.tooLarge();
    const nameProblem = fileNameProblem(file.originalname);
    if (nameProblem) throw new InvalidError([`file: ${nameProblem}`]);
    const mime = sniffMime(file.buffer);
    if (!mime) throw new InvalidError(['file: must be a JPEG, PNG or WebP image or a PDF (by its content)']);

    let thumbnail: Buffer | null = null;
    if (isImage(mime)) {
      try {
        // rotate() applies the EXIF orientation phones write, so thumbnails stand upright.
        thumbnail = await sharp(file.buffer, { limitInputPixels: 100_000_000 })
          .rotate()
          .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
          .webp({ quality: 75 })
          .toBuffer();
      } catch {
        throw new InvalidError(['file: the image could not be decoded']);
      }
    }

    const principal = this.context.principal();
    const key = newStorageKey(EXTENSION[mime]);
    const thumbKey = thumbnail ? thumbnailKeyOf(key) : null;
    // Every key a write was started for, not only those confirmed: a put that failed on our side
    // (a timeout, a dropped connection) may still have been stored.
    const attempted: string[] = [];
    try {
      attempted.push(key);
      await this.store.put(key, file.buffer, mime);
      if (thumbnail && thumbKey) {
        attempted.push(thumbKey);
        await this.store.put(thumbKey, thumbnail, 'image/webp');
      }
      return await this.db.transaction(async () => {
        const saved = await this.files.insert({
          enterpriseId: principal?.role === 'enterprise_officer' ? principal.enterpriseId : null,
          name: file.originalname.normalize('NFC'),
          mime,
          size: file.size,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          storageKey: key,
          thumbnailKey: thumbKey,
          uploadedBy: principal?.id ?? null,
        });
        const view = mapFile(saved);
        await this.audit.record({ action: 'file.uploaded', entity: 'file', entityId: saved.id, after: view });
        return view;
      });
    } catch (e) {
      // Nothing stays behind in the store when the record could not be written.
      for (const k of attempted) {
        await this.store
          .delete(k)
          .catch((err: unknown) => this.logger.error({ err, key: k }, 'Cleanup failed'));
      }
      throw e;
    }
  }

  /** For streaming: the record (scoped to the caller) and its bytes, already opened. */
  async open(id: string, thumbnail: boolean): Promise<{ file: StoredFile; body: Readable; mime: string }> {
    const file = await this.files.getById(id);
    if (thumbnail && !file.thumbnailKey)
      throw new InvalidError(['id: this file has no thumbnail (not an image)']);
    const key = thumbnail ? file.thumbnailKey! : file.storageKey;
    try {
      return { file, body: await this.store.get(key), mime: thumbnail ? 'image/webp' : file.mime };
    } catch (e) {
      if (!(e instanceof MissingObjectError)) throw e;
      // A record whose bytes are gone is the operator's problem; the user just cannot have it.
      this.logger.error({ fileId: id, key }, 'Stored object missing');
      throw new NotFoundError('File not found');
    }
  }

  /**
   * Attaches uploaded files to a record of `enterpriseId`: each must be visible to the caller and
   * either unowned (a zone upload) or already that enterprise's; unowned ones become its. A zone
   * record owned by no enterprise (null) takes only unowned files, which stay the zone's.
   */
  async claim(ids: string[], enterpriseId: string | null, field = 'photoIds'): Promise<StoredFile[]> {
    const unique = [...new Set(ids)];
    const found = await this.files.findVisible(unique);
    const byId = new Map(found.map((f) => [f.id, f]));
    const problems = unique
      .filter((id) => !byId.has(id) || ![null, enterpriseId].includes(byId.get(id)!.enterpriseId))
      .map((id) => `${field}: file ${id} does not exist or belongs elsewhere`);
    if (problems.length) throw new InvalidError(problems);
    if (enterpriseId === null) return unique.map((id) => byId.get(id)!);
    await this.files.assignEnterprise(
      unique.filter((id) => byId.get(id)!.enterpriseId === null),
      enterpriseId,
    );
    return unique.map((id) => byId.get(id)!);
  }

  async viewsByIds(ids: string[]): Promise<Map<string, FileView>> {
    const rows = await this.files.findByIds([...new Set(ids)]);
    return new Map(rows.map((f) => [f.id, mapFile(f)]));
  }

  tooLarge(): TooLargeError {
    const mb = Math.round((this.config.UPLOAD_MAX_BYTES / 1024 / 1024) * 10) / 10;
    return new TooLargeError([`file: larger than the ${mb} MB limit`]);
  }
}
