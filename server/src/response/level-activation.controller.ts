import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type { LevelActivation, LevelActivationPreview, PlanSuggestion } from '@muster/contracts';
import { LevelActivationService } from './level-activation.service.js';
import { ApiDoc } from '../common/api-docs.js';

export class LevelActivateDto {
  @ApiProperty({ format: 'uuid', description: 'A published version of a contingency plan' })
  @IsUUID()
  versionId: string;
  @ApiProperty({ format: 'uuid', description: 'One of that version’s response levels' })
  @IsUUID()
  levelId: string;
}

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/incidents/:id')
export class LevelActivationController {
  constructor(private readonly activation: LevelActivationService) {}

  @ApiDoc('Published plans and response levels that fit an incident', 400, 401, 403, 404)
  @Get('suggested-plans')
  @Roles('zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer')
  suggest(@UuidParam() id: string): Promise<PlanSuggestion> {
    return this.activation.suggest(id);
  }

  /** What activating the level would start and what of it runs already; changes nothing. */
  @ApiDoc(
    'Preview what activating a response level would start and what already runs',
    400,
    401,
    403,
    404,
    413,
  )
  @Post('activate-level/preview')
  @HttpCode(200)
  @Roles('zone_admin', 'commander')
  preview(@UuidParam() id: string, @Body() dto: LevelActivateDto): Promise<LevelActivationPreview> {
    return this.activation.preview(id, dto.versionId, dto.levelId);
  }

  /** Refused with a 409 when the level of that plan is active for the incident already. */
  @ApiDoc("Activate a plan's response level for an incident", 400, 401, 403, 404, 409, 413)
  @Post('activate-level')
  @Roles('zone_admin', 'commander')
  activate(@UuidParam() id: string, @Body() dto: LevelActivateDto): Promise<LevelActivation> {
    return this.activation.activate(id, dto.versionId, dto.levelId);
  }
}
