import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { FileRepository } from './file.repository.js';
import { FileService } from './file.service.js';
import { FILE_STORE, type FileStore } from './file.store.js';
import { LocalFileStore } from './local-file.store.js';
import { S3FileStore } from './s3-file.store.js';

/** Stored photos and documents: checks, keys, thumbnails, and the store (local or S3). */
@Module({
  providers: [
    FileService,
    FileRepository,
    {
      provide: FILE_STORE,
      inject: [APP_CONFIG],
      // loadConfig has already refused FILE_STORE=s3 without the S3 settings it needs.
      useFactory: (config: AppConfig): FileStore =>
        config.FILE_STORE === 's3'
          ? new S3FileStore({
              endpoint: config.S3_ENDPOINT,
              region: config.S3_REGION!,
              bucket: config.S3_BUCKET!,
              accessKeyId: config.S3_ACCESS_KEY_ID!,
              secretAccessKey: config.S3_SECRET_ACCESS_KEY!,
              forcePathStyle: config.S3_FORCE_PATH_STYLE,
            })
          : new LocalFileStore(config.UPLOAD_DIR),
    },
  ],
  exports: [FileService],
})
export class FileModule {}
