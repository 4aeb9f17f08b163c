import {
  BadRequestException,
  type CallHandler,
  Controller,
  type ExecutionContext,
  Get,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Observable, catchError, throwError } from 'rxjs';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type { FileView } from '@muster/contracts';
import { FileService, type UploadedFile as Upload } from './file.service.js';
import { ApiDoc } from '../common/api-docs.js';

/**
 * Multer's own errors ("File too large", "Unexpected field") become 4xx naming the field. Listed
 * before FileInterceptor so that it wraps it and sees its errors.
 */
@Injectable()
class UploadErrorsInterceptor implements NestInterceptor {
  constructor(private readonly files: FileService) {}

  intercept(_ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((e: unknown) => {
        if (e instanceof PayloadTooLargeException && typeof e.getResponse() === 'object') {
          const message = (e.getResponse() as { message?: unknown }).message;
          if (!Array.isArray(message)) return throwError(() => this.files.tooLarge());
        }
        if (e instanceof BadRequestException) {
          const message = (e.getResponse() as { message?: unknown }).message;
          if (typeof message === 'string') {
            return throwError(
              () => new BadRequestException([`file: ${message} (send one file in field "file")`]),
            );
          }
        }
        return throwError(() => e);
      }),
    );
  }
}

// Commanders too: they file incident reports and supplements, which carry photos and documents.
const UPLOADERS = ['zone_admin', 'inspector', 'enterprise_officer', 'commander'] as const;
const READERS = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'] as const;

@ApiTags('files')
@ApiBearerAuth()
@Controller('api/files')
export class FileController {
  constructor(private readonly files: FileService) {}

  @ApiDoc('Upload a photo (JPEG, PNG, WebP) or a PDF; images get a thumbnail', 400, 401, 403, 409, 413)
  @Post()
  @Roles(...UPLOADERS)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(
    UploadErrorsInterceptor,
    // Limits and memory storage come from MulterModule in FileModule (configured at boot).
    FileInterceptor('file'),
  )
  upload(@UploadedFile() file: Upload | undefined): Promise<FileView> {
    return this.files.upload(file);
  }

  @ApiDoc('Download a stored file', 400, 401, 403, 404)
  @Get(':id')
  @Roles(...READERS)
  async download(
    @UuidParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.stream(await this.files.open(id, false), res);
  }

  @ApiDoc("Download an image's thumbnail (WebP)", 400, 401, 403, 404)
  @Get(':id/thumbnail')
  @Roles(...READERS)
  async thumbnail(
    @UuidParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.stream(await this.files.open(id, true), res);
  }

  private stream(f: Awaited<ReturnType<FileService['open']>>, res: Response): StreamableFile {
    res.setHeader('Cache-Control', 'private, max-age=86400');
    // A client that goes away mid-download must not keep the file handle or store connection.
    res.once('close', () => f.body.destroy());
    // Only images are shown in place (an <img>, a photo viewer). A PDF opened inline would run in
    // the browser's viewer on Muster's own origin, with whatever scripts, forms and links it
    // carries: it is downloaded instead.
    const disposition = f.mime.startsWith('image/') ? 'inline' : 'attachment';
    return new StreamableFile(f.body, {
      type: f.mime,
      disposition: `${disposition}; filename*=UTF-8''${encodeURIComponent(f.file.name)}`,
    });
  }
}
