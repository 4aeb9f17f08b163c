import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ImportResult, ListResponse, SensitiveTargetView } from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { CONTENT_TYPES, TableImport, type UploadedTable } from '../common/tabular.js';
import { UuidParam } from '../common/uuid-param.js';
import { SENSITIVE_TARGET_READERS, SENSITIVE_TARGET_WRITERS } from './sensitive-target.access.js';
import {
  SensitiveTargetCreateDto,
  SensitiveTargetExportQueryDto,
  SensitiveTargetListQueryDto,
  SensitiveTargetUpdateDto,
} from './sensitive-target.dto.js';
import { SensitiveTargetService } from './sensitive-target.service.js';
import { SensitiveTargetTransferService } from './sensitive-target-transfer.service.js';

@ApiTags('sensitive-targets')
@ApiBearerAuth()
@Controller('api/sensitive-targets')
export class SensitiveTargetController {
  constructor(
    private readonly targets: SensitiveTargetService,
    private readonly transfer: SensitiveTargetTransferService,
  ) {}

  @ApiDoc('List sensitive targets, filtered and paged', 400, 401, 403)
  @Get()
  @Roles(...SENSITIVE_TARGET_READERS)
  list(@Query() q: SensitiveTargetListQueryDto): Promise<ListResponse<SensitiveTargetView>> {
    return this.targets.list(q);
  }

  @ApiDoc('Every sensitive target, for the map', 401, 403)
  @Get('map')
  @Roles(...SENSITIVE_TARGET_READERS)
  async map(): Promise<ListResponse<SensitiveTargetView>> {
    const items = await this.targets.all();
    return { items, total: items.length };
  }

  @ApiDoc('Export sensitive targets as CSV, XLSX or GeoJSON', 400, 401, 403)
  @Get('export')
  @Roles(...SENSITIVE_TARGET_READERS)
  @ApiProduces(CONTENT_TYPES.csv, CONTENT_TYPES.xlsx, 'application/geo+json')
  async export(
    @Query() q: SensitiveTargetExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const format = q.format ?? 'csv';
    const body =
      format === 'geojson'
        ? Buffer.from(JSON.stringify(await this.transfer.exportGeoJson()), 'utf8')
        : await this.transfer.export(format);
    res.setHeader('Content-Type', format === 'geojson' ? 'application/geo+json' : CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename="sensitive-targets.${format}"`);
    return new StreamableFile(body);
  }

  @ApiDoc(
    'Import sensitive targets from a CSV, XLSX or GeoJSON file (all rows or none)',
    400,
    401,
    403,
    409,
    413,
  )
  @Post('import')
  @Roles(...SENSITIVE_TARGET_WRITERS)
  @TableImport()
  import(@UploadedFile() file: UploadedTable | undefined): Promise<ImportResult> {
    // A row is validated like the body of a create.
    return this.transfer.import(file, SensitiveTargetCreateDto);
  }

  @ApiDoc('Get a sensitive target', 400, 401, 403, 404)
  @Get(':id')
  @Roles(...SENSITIVE_TARGET_READERS)
  get(@UuidParam() id: string): Promise<SensitiveTargetView> {
    return this.targets.get(id);
  }

  @ApiDoc('Create a sensitive target', 400, 401, 403, 413)
  @Post()
  @Roles(...SENSITIVE_TARGET_WRITERS)
  create(@Body() dto: SensitiveTargetCreateDto): Promise<SensitiveTargetView> {
    return this.targets.create(dto);
  }

  @ApiDoc('Update a sensitive target', 400, 401, 403, 404, 413)
  @Patch(':id')
  @Roles(...SENSITIVE_TARGET_WRITERS)
  update(@UuidParam() id: string, @Body() dto: SensitiveTargetUpdateDto): Promise<SensitiveTargetView> {
    return this.targets.update(id, dto);
  }

  @ApiDoc('Delete a sensitive target', 400, 401, 403, 404)
  @Delete(':id')
  @Roles(...SENSITIVE_TARGET_WRITERS)
  @HttpCode(204)
  async remove(@UuidParam() id: string): Promise<void> {
    await this.targets.remove(id);
  }
}
