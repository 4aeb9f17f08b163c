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
import { Roles } from '../common/access.decorators.js';
import { CONTENT_TYPES, TableImport, type UploadedTable } from '../common/tabular.js';
import { UuidParam } from '../common/uuid-param.js';
import type {
  ListResponse,
  ImportResult,
  NearestResourcesResponse,
  ResourceMapResponse,
  ResourceView,
} from '@muster/contracts';
import { DIRECTORY_READERS, DIRECTORY_WRITERS } from '../directory/directory-roles.js';
import {
  NearestQueryDto,
  ResourceCreateDto,
  ResourceExportQueryDto,
  ResourceListQueryDto,
  ResourceMapQueryDto,
  ResourceUpdateDto,
} from './resource.dto.js';
import { ResourceService } from './resource.service.js';
import { ResourceTransferService } from './resource-transfer.service.js';
import { ApiDoc } from '../common/api-docs.js';

@ApiTags('resources')
@ApiBearerAuth()
@Controller('api/resources')
export class ResourceController {
  constructor(
    private readonly resources: ResourceService,
    private readonly transfer: ResourceTransferService,
  ) {}

  @ApiDoc('List emergency resources, filtered and paged', 400, 401, 403)
  @Get()
  @Roles(...DIRECTORY_READERS)
  list(@Query() q: ResourceListQueryDto): Promise<ListResponse<ResourceView>> {
    return this.resources.list(q);
  }

  /**
   * Every resource the list's filters match, in one answer, as `[id, type, status, alert, lat,
   * lng]` tuples: what the resources map draws (a popup fetches the rest by id).
   */
  @ApiDoc(
    'Every matching resource for the map, compactly: [id, type, status, alert, lat, lng]',
    400,
    401,
    403,
  )
  @Get('map')
  @Roles(...DIRECTORY_READERS)
  map(@Query() q: ResourceMapQueryDto): Promise<ResourceMapResponse> {
    return this.resources.mapPoints(q);
  }

  /** The nearest resources of the given types to a point, with great-circle distances in metres. */
  @ApiDoc('Resources nearest to a point, by distance', 400, 401, 403)
  @Get('nearest')
  @Roles(...DIRECTORY_READERS)
  nearest(@Query() q: NearestQueryDto): Promise<NearestResourcesResponse> {
    return this.resources.nearest(q);
  }

  @ApiDoc('Export emergency resources as CSV or XLSX', 400, 401, 403)
  @Get('export')
  @Roles(...DIRECTORY_READERS)
  @ApiProduces(CONTENT_TYPES.csv, CONTENT_TYPES.xlsx, 'application/geo+json')
  async export(
    @Query() q: ResourceExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const format = q.format ?? 'csv';
    const body =
      format === 'geojson'
        ? Buffer.from(JSON.stringify(await this.transfer.exportGeoJson()), 'utf8')
        : await this.transfer.export(format);
    res.setHeader('Content-Type', format === 'geojson' ? 'application/geo+json' : CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename="resources.${format}"`);
    return new StreamableFile(body);
  }

  @ApiDoc('Import resources from a CSV, XLSX or GeoJSON file (all rows or none)', 400, 401, 403, 409, 413)
  @Post('import')
  @Roles(...DIRECTORY_WRITERS)
  @TableImport()
  import(@UploadedFile() file: UploadedTable | undefined): Promise<ImportResult> {
    // A row is validated like the body of a create.
    return this.transfer.import(file, ResourceCreateDto);
  }

  @ApiDoc('Get an emergency resource', 400, 401, 403, 404)
  @Get(':id')
  @Roles(...DIRECTORY_READERS)
  get(@UuidParam() id: string): Promise<ResourceView> {
    return this.resources.get(id);
  }

  @ApiDoc('Create an emergency resource', 400, 401, 403, 409, 413)
  @Post()
  @Roles(...DIRECTORY_WRITERS)
  create(@Body() dto: ResourceCreateDto): Promise<ResourceView> {
    return this.resources.create(dto);
  }

  @ApiDoc('Update an emergency resource', 400, 401, 403, 404, 409, 413)
  @Patch(':id')
  @Roles(...DIRECTORY_WRITERS)
  update(@UuidParam() id: string, @Body() dto: ResourceUpdateDto): Promise<ResourceView> {
    return this.resources.update(id, dto);
  }

  @ApiDoc('Delete an emergency resource', 400, 401, 403, 404, 409)
  @Delete(':id')
  @Roles(...DIRECTORY_WRITERS)
  @HttpCode(204)
  async remove(@UuidParam() id: string): Promise<void> {
    await this.resources.remove(id);
  }
}
