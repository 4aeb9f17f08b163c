import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ListResponse, WarningPreview, WarningView } from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { UuidParam } from '../common/uuid-param.js';
import { INCIDENT_COMMAND, ROOM_MEMBERS } from '../incidents/incident.access.js';
import { WarningCancelDto, WarningPreviewDto, WarningSendDto, WarningWordsDto } from './warning.dto.js';
import { WarningService } from './warning.service.js';

@ApiTags('warnings')
@ApiBearerAuth()
@Controller('api')
export class WarningController {
  constructor(private readonly warnings: WarningService) {}

  @ApiDoc('Who and what is inside an area of the room, before warning it', 400, 401, 403, 404, 413)
  @Post('incidents/:id/warnings/preview')
  @HttpCode(200)
  @Roles(...INCIDENT_COMMAND)
  preview(@UuidParam() id: string, @Body() dto: WarningPreviewDto): Promise<WarningPreview> {
    return this.warnings.preview(id, dto);
  }

  @ApiDoc('Warn everyone inside an area: page them and publish a CAP alert', 400, 401, 403, 404, 409, 413)
  @Post('incidents/:id/warnings')
  @Roles(...INCIDENT_COMMAND)
  send(@UuidParam() id: string, @Body() dto: WarningSendDto): Promise<WarningView> {
    return this.warnings.send(id, dto);
  }

  @ApiDoc("The incident's warnings with delivery and acknowledgement per target", 400, 401, 403, 404)
  @Get('incidents/:id/warnings')
  @Roles(...ROOM_MEMBERS)
  list(@UuidParam() id: string): Promise<ListResponse<WarningView>> {
    return this.warnings.list(id);
  }

  @ApiDoc('A warning with delivery and acknowledgement per target', 400, 401, 403, 404)
  @Get('warnings/:id')
  @Roles(...ROOM_MEMBERS)
  get(@UuidParam() id: string): Promise<WarningView> {
    return this.warnings.get(id);
  }

  @ApiDoc('Update a warning: new words for the same people, referencing it', 400, 401, 403, 404, 409, 413)
  @Post('warnings/:id/update')
  @Roles(...INCIDENT_COMMAND)
  update(@UuidParam() id: string, @Body() dto: WarningWordsDto): Promise<WarningView> {
    return this.warnings.update(id, dto);
  }

  @ApiDoc('Cancel a warning: its people are told the all-clear', 400, 401, 403, 404, 409, 413)
  @Post('warnings/:id/cancel')
  @Roles(...INCIDENT_COMMAND)
  cancel(@UuidParam() id: string, @Body() dto: WarningCancelDto): Promise<WarningView> {
    return this.warnings.cancel(id, dto);
  }
}
