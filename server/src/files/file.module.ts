import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { FileController } from './file.controller.js';
import { FileRepository } from './file.repository.js';
import { FileService } from './file.service.js';
import { FILE_STORE, type FileStore } from './file.store.js';
import { LocalFileStore } from './local-file.store.js';
import { S3FileStore } from './s3-file.store.js';

@Module({
  imports: [
    // Memory storage: nothing reaches the store before the content has been checked, so a
    // refused upload leaves nothing behind. One file per request, no other fields. Names arrive
    // as sent (UTF-8, as browsers send them; path kept) so that a traversal attempt is seen and
    // refused instead of silently cut down to its last segment.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        storage: memoryStorage(),
        defParamCharset: 'utf8',
        preservePath: true,
        limits: { fileSize: config.UPLOAD_MAX_BYTES, files: 1, fields: 0, parts: 1 },
      }),
    }),
  ],
  controllers: [FileController],
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
