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
import type { ListResponse, ContactView, ImportResult } from '@muster/contracts';
import { ContactCreateDto, ContactListQueryDto, ContactUpdateDto, ExportQueryDto } from './contact.dto.js';
import { ContactService } from './contact.service.js';
import { ContactTransferService } from './contact-transfer.service.js';
import { DIRECTORY_READERS, DIRECTORY_WRITERS } from './directory-roles.js';
import { ApiDoc } from '../common/api-docs.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('api/contacts')
export class ContactController {
  constructor(
    private readonly contacts: ContactService,
    private readonly transfer: ContactTransferService,
  ) {}

  @ApiDoc('List directory contacts, filtered and paged', 400, 401, 403)
  @Get()
  @Roles(...DIRECTORY_READERS)
  list(@Query() q: ContactListQueryDto): Promise<ListResponse<ContactView>> {
    return this.contacts.list(q);
  }

  @ApiDoc('Export the contact directory as CSV or XLSX', 400, 401, 403)
  @Get('export')
  @Roles(...DIRECTORY_READERS)
  @ApiProduces(CONTENT_TYPES.csv, CONTENT_TYPES.xlsx)
  async export(
    @Query() q: ExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const format = q.format ?? 'csv';
    const body = await this.transfer.export(format);
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename="contacts.${format}"`);
    return new StreamableFile(body);
  }

  @ApiDoc('Import contacts from a CSV or XLSX file (all rows or none)', 400, 401, 403, 409, 413)
  @Post('import')
  @Roles(...DIRECTORY_WRITERS)
  @TableImport()
  import(@UploadedFile() file: UploadedTable | undefined): Promise<ImportResult> {
    // A row is validated like the body of a create.
    return this.transfer.import(file, ContactCreateDto);
  }

  @ApiDoc('Get a contact', 400, 401, 403, 404)
  @Get(':id')
  @Roles(...DIRECTORY_READERS)
  get(@UuidParam() id: string): Promise<ContactView> {
    return this.contacts.get(id);
  }

  @ApiDoc('Create a contact', 400, 401, 403, 409, 413)
  @Post()
  @Roles(...DIRECTORY_WRITERS)
  create(@Body() dto: ContactCreateDto): Promise<ContactView> {
    return this.contacts.create(dto);
  }

  @ApiDoc('Update a contact', 400, 401, 403, 404, 409, 413)
  @Patch(':id')
  @Roles(...DIRECTORY_WRITERS)
  update(@UuidParam() id: string, @Body() dto: ContactUpdateDto): Promise<ContactView> {
    return this.contacts.update(id, dto);
  }

  @ApiDoc('Delete a contact', 400, 401, 403, 404, 409)
  @Delete(':id')
  @Roles(...DIRECTORY_WRITERS)
  @HttpCode(204)
  async remove(@UuidParam() id: string): Promise<void> {
    await this.contacts.remove(id);
  }
}
