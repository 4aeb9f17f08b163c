import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type { PlanSuggestion } from '@muster/contracts';
import { type LevelActivation, LevelActivationService } from './level-activation.service.js';
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

  @ApiDoc("Activate a plan's response level for an incident", 400, 401, 403, 404, 409, 413)
  @Post('activate-level')
  @Roles('zone_admin', 'commander')
  activate(@UuidParam() id: string, @Body() dto: LevelActivateDto): Promise<LevelActivation> {
    return this.activation.activate(id, dto.versionId, dto.levelId);
  }
}
