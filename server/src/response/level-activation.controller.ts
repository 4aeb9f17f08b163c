import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type { LevelActivation, LevelActivationPreview, PlanSuggestion } from '@muster/contracts';
import { LevelActivationService } from './level-activation.service.js';

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

  @Get('suggested-plans')
  @Roles('zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer')
  suggest(@UuidParam() id: string): Promise<PlanSuggestion> {
    return this.activation.suggest(id);
  }

  /** What activating the level would start and what of it runs already; changes nothing. */
  @Post('activate-level/preview')
  @HttpCode(200)
  @Roles('zone_admin', 'commander')
  preview(@UuidParam() id: string, @Body() dto: LevelActivateDto): Promise<LevelActivationPreview> {
    return this.activation.preview(id, dto.versionId, dto.levelId);
  }

  /** Refused with a 409 when the level of that plan is active for the incident already. */
  @Post('activate-level')
  @Roles('zone_admin', 'commander')
  activate(@UuidParam() id: string, @Body() dto: LevelActivateDto): Promise<LevelActivation> {
    return this.activation.activate(id, dto.versionId, dto.levelId);
  }
}
