import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type { EvaluationView, ObservationView, RunSummaryText } from '@muster/contracts';
import { EvaluationPutDto, ObservationCreateDto, SummaryPutDto } from './evaluation.dto.js';
import { EvaluationService } from './evaluation.service.js';

@ApiTags('drills')
@ApiBearerAuth()
@Controller('api/drills/runs/:id')
export class EvaluationController {
  constructor(private readonly evaluation: EvaluationService) {}

  @Get('observations')
  @Roles('zone_admin', 'commander', 'evaluator')
  observations(@UuidParam() id: string): Promise<ObservationView[]> {
    return this.evaluation.observations(id);
  }

  /** Evaluators must be on the run's roster; commanders and zone admins may always tag. */
  @Post('observations')
  @Roles('zone_admin', 'commander', 'evaluator')
  addObservation(@UuidParam() id: string, @Body() dto: ObservationCreateDto): Promise<ObservationView> {
    return this.evaluation.addObservation(id, dto);
  }

  @Get('evaluations')
  @Roles('zone_admin', 'commander', 'evaluator')
  evaluations(@UuidParam() id: string): Promise<EvaluationView[]> {
    return this.evaluation.evaluations(id);
  }

  @Put('evaluations/mine')
  @Roles('zone_admin', 'commander', 'evaluator')
  saveMine(@UuidParam() id: string, @Body() dto: EvaluationPutDto): Promise<EvaluationView> {
    return this.evaluation.saveMine(id, dto);
  }

  @Put('summary')
  @Roles('zone_admin', 'commander')
  saveSummary(@UuidParam() id: string, @Body() dto: SummaryPutDto): Promise<RunSummaryText> {
    return this.evaluation.saveSummary(id, dto);
  }
}
