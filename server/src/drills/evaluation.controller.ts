import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type { EvaluationView, ObservationView, RunSummaryText } from '@muster/contracts';
import { EvaluationPutDto, ObservationCreateDto, SummaryPutDto } from './evaluation.dto.js';
import { EvaluationService } from './evaluation.service.js';
import { ApiDoc } from '../common/api-docs.js';

@ApiTags('drills')
@ApiBearerAuth()
@Controller('api/drills/runs/:id')
export class EvaluationController {
  constructor(private readonly evaluation: EvaluationService) {}

  @ApiDoc("List an evaluator's observations of a drill run", 400, 401, 403, 404)
  @Get('observations')
  @Roles('zone_admin', 'commander', 'evaluator')
  observations(@UuidParam() id: string): Promise<ObservationView[]> {
    return this.evaluation.observations(id);
  }

  /** Evaluators must be on the run's roster; commanders and zone admins may always tag. */
  @ApiDoc('Record an observation of a drill run, tagged to its events', 400, 401, 403, 404, 409, 413)
  @Post('observations')
  @Roles('zone_admin', 'commander', 'evaluator')
  addObservation(@UuidParam() id: string, @Body() dto: ObservationCreateDto): Promise<ObservationView> {
    return this.evaluation.addObservation(id, dto);
  }

  @ApiDoc('List the evaluation forms filled in for a drill run', 400, 401, 403, 404)
  @Get('evaluations')
  @Roles('zone_admin', 'commander', 'evaluator')
  evaluations(@UuidParam() id: string): Promise<EvaluationView[]> {
    return this.evaluation.evaluations(id);
  }

  @ApiDoc("Save the caller's evaluation form for a drill run", 400, 401, 403, 404, 409, 413)
  @Put('evaluations/mine')
  @Roles('zone_admin', 'commander', 'evaluator')
  saveMine(@UuidParam() id: string, @Body() dto: EvaluationPutDto): Promise<EvaluationView> {
    return this.evaluation.saveMine(id, dto);
  }

  @ApiDoc("Save a drill run's summary: problems, lessons and conclusions", 400, 401, 403, 404, 409, 413)
  @Put('summary')
  @Roles('zone_admin', 'commander')
  saveSummary(@UuidParam() id: string, @Body() dto: SummaryPutDto): Promise<RunSummaryText> {
    return this.evaluation.saveSummary(id, dto);
  }
}
