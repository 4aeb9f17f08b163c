import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  AccountabilityCandidatesView,
  AccountabilityRecordView,
  FindingSummary,
  ListResponse,
} from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { UuidParam } from '../common/uuid-param.js';
import { ACCOUNTABILITY_READERS, ACCOUNTABILITY_WRITERS } from './accountability.access.js';
import {
  AccountabilityCreateDto,
  AccountabilityListQueryDto,
  AccountabilityUpdateDto,
  CandidatesQueryDto,
  CarryOutDto,
  DecideDto,
  FindingQueryDto,
  WithdrawDto,
} from './accountability.dto.js';
import { AccountabilityService } from './accountability.service.js';

@ApiTags('accountability')
@ApiBearerAuth()
@Controller('api/accountability')
export class AccountabilityController {
  constructor(private readonly accountability: AccountabilityService) {}

  @ApiDoc('List accountability records the caller may see, newest first', 400, 401, 403)
  @Get()
  @Roles(...ACCOUNTABILITY_READERS)
  list(@Query() q: AccountabilityListQueryDto): Promise<ListResponse<AccountabilityRecordView>> {
    return this.accountability.list(q);
  }

  @ApiDoc('Findings of a kind people may be held to account for', 400, 401, 403)
  @Get('findings')
  @Roles(...ACCOUNTABILITY_WRITERS)
  findings(@Query() q: FindingQueryDto): Promise<FindingSummary[]> {
    return this.accountability.findingsOf(q.kind);
  }

  @ApiDoc('The responsibility list entries whose duties a finding concerns', 400, 401, 403)
  @Get('candidates')
  @Roles(...ACCOUNTABILITY_WRITERS)
  candidates(@Query() q: CandidatesQueryDto): Promise<AccountabilityCandidatesView> {
    return this.accountability.candidates(q.findingKind, q.findingId);
  }

  @ApiDoc('Propose holding people to account for a finding', 400, 401, 403, 413)
  @Post()
  @Roles(...ACCOUNTABILITY_WRITERS)
  create(@Body() dto: AccountabilityCreateDto): Promise<AccountabilityRecordView> {
    return this.accountability.create(dto);
  }

  @ApiDoc('Get an accountability record', 400, 401, 403, 404)
  @Get(':id')
  @Roles(...ACCOUNTABILITY_READERS)
  get(@UuidParam() id: string): Promise<AccountabilityRecordView> {
    return this.accountability.get(id);
  }

  @ApiDoc('Change a proposal before it is decided', 400, 401, 403, 404, 409, 413)
  @Patch(':id')
  @Roles(...ACCOUNTABILITY_WRITERS)
  update(@UuidParam() id: string, @Body() dto: AccountabilityUpdateDto): Promise<AccountabilityRecordView> {
    return this.accountability.update(id, dto);
  }

  @ApiDoc('Decide the measure and the date it is to be carried out by', 400, 401, 403, 404, 409, 413)
  @Post(':id/decide')
  @HttpCode(200)
  @Roles(...ACCOUNTABILITY_WRITERS)
  decide(@UuidParam() id: string, @Body() dto: DecideDto): Promise<AccountabilityRecordView> {
    return this.accountability.decide(id, dto);
  }

  @ApiDoc('Record the decided measure carried out', 400, 401, 403, 404, 409, 413)
  @Post(':id/carry-out')
  @HttpCode(200)
  @Roles(...ACCOUNTABILITY_WRITERS)
  carryOut(@UuidParam() id: string, @Body() dto: CarryOutDto): Promise<AccountabilityRecordView> {
    return this.accountability.carryOut(id, dto);
  }

  @ApiDoc('Withdraw a record not carried out, with the reason', 400, 401, 403, 404, 409, 413)
  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles(...ACCOUNTABILITY_WRITERS)
  withdraw(@UuidParam() id: string, @Body() dto: WithdrawDto): Promise<AccountabilityRecordView> {
    return this.accountability.withdraw(id, dto);
  }
}
