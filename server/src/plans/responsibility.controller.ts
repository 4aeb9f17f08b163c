import { Body, Controller, Get, Param, Put, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/access.decorators.js';
import type { ResponsibilityListSummary, ResponsibilityListView } from '@muster/contracts';
import { PLAN_READERS, PLAN_WRITERS } from './plan.controller.js';
import { ResponsibilityListDto } from './responsibility.dto.js';
import { ResponsibilityService } from './responsibility.service.js';
import { ApiDoc } from '../common/api-docs.js';

const OWNER = { name: 'owner', description: '"zone" or an enterprise id' };

@ApiTags('responsibility lists')
@ApiBearerAuth()
@Controller('api/responsibility-lists')
export class ResponsibilityController {
  constructor(private readonly lists: ResponsibilityService) {}

  @ApiDoc('List the responsibility lists (zone and enterprises)', 401, 403)
  @Get()
  @Roles(...PLAN_READERS)
  list(): Promise<ResponsibilityListSummary[]> {
    return this.lists.list();
  }

  @ApiDoc('Get a responsibility list: who answers for what', 400, 401, 403, 404)
  @Get(':owner')
  @Roles(...PLAN_READERS)
  @ApiParam(OWNER)
  get(@Param('owner') owner: string): Promise<ResponsibilityListView> {
    return this.lists.get(owner);
  }

  @ApiDoc('Replace a responsibility list', 400, 401, 403, 404, 409, 413)
  @Put(':owner')
  @Roles(...PLAN_WRITERS)
  @ApiParam(OWNER)
  replace(
    @Param('owner') owner: string,
    @Body() dto: ResponsibilityListDto,
  ): Promise<ResponsibilityListView> {
    return this.lists.replace(owner, dto);
  }

  @ApiDoc('Export a responsibility list as XLSX', 400, 401, 403, 404)
  @Get(':owner/xlsx')
  @Roles(...PLAN_READERS)
  @ApiParam(OWNER)
  async xlsx(
    @Param('owner') owner: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { filename, body } = await this.lists.exportXlsx(owner);
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    return new StreamableFile(body, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  }
}
