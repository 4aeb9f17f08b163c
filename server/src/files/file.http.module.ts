import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { FileController } from './file.controller.js';
import { FileModule } from './file.module.js';

/** The HTTP front of the file store: uploads (multipart) and downloads. */
@Module({
  imports: [
    FileModule,
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
})
export class FileHttpModule {}
