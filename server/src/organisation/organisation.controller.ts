import { Body, Controller, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  DecisionBoardView,
  DecisionDetail,
  DecisionView,
  LeadingGroupMemberView,
  ListResponse,
  MeetingDetail,
  MeetingView,
  SafetyOrgView,
} from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { UuidParam } from '../common/uuid-param.js';
import { LeadingGroupService } from './leading-group.service.js';
import {
  DECISION_WORKERS,
  GROUP_OFFICE,
  GROUP_READERS,
  SAFETY_ORG_READERS,
  SAFETY_ORG_WRITERS,
} from './organisation.access.js';
import {
  DecisionActionDto,
  DecisionCreateDto,
  DecisionQueryDto,
  MeetingCreateDto,
  MeetingListQueryDto,
  MeetingUpdateDto,
  MemberChangeDto,
  MemberCreateDto,
  MemberEndDto,
  MembersQueryDto,
  SafetyOrgDto,
  SafetyOrgQueryDto,
} from './organisation.dto.js';
import { OrganisationService } from './organisation.service.js';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('api/leading-group')
export class LeadingGroupController {
  constructor(private readonly group: LeadingGroupService) {}

  @ApiDoc("The zone's work safety leading group, optionally with past places", 400, 401, 403)
  @Get('members')
  @Roles(...GROUP_READERS)
  members(@Query() q: MembersQueryDto): Promise<LeadingGroupMemberView[]> {
    return this.group.members(q.history ?? false);
  }

  @ApiDoc('Add a person of the zone to the leading group', 400, 401, 403, 409, 413)
  @Post('members')
  @Roles(...GROUP_OFFICE)
  addMember(@Body() dto: MemberCreateDto): Promise<LeadingGroupMemberView> {
    return this.group.addMember(dto);
  }

  @ApiDoc(
    "Change a member's role, department or post from a day on (the past place is kept)",
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Post('members/:id/change')
  @Roles(...GROUP_OFFICE)
  changeMember(@UuidParam() id: string, @Body() dto: MemberChangeDto): Promise<LeadingGroupMemberView> {
    return this.group.changeMember(id, dto);
  }

  @ApiDoc("End a member's place in the group", 400, 401, 403, 404, 409, 413)
  @Post('members/:id/end')
  @HttpCode(200)
  @Roles(...GROUP_OFFICE)
  endMember(@UuidParam() id: string, @Body() dto: MemberEndDto): Promise<LeadingGroupMemberView> {
    return this.group.endMember(id, dto);
  }

  @ApiDoc("The group's meetings, newest first", 400, 401, 403)
  @Get('meetings')
  @Roles(...GROUP_READERS)
  meetings(@Query() q: MeetingListQueryDto): Promise<ListResponse<MeetingView>> {
    return this.group.meetings(q);
  }

  @ApiDoc('A meeting with its minutes and decisions', 400, 401, 403, 404)
  @Get('meetings/:id')
  @Roles(...GROUP_READERS)
  meeting(@UuidParam() id: string): Promise<MeetingDetail> {
    return this.group.meeting(id);
  }

  @ApiDoc('Record a meeting of the group (plenary or special) with its minutes', 400, 401, 403, 413)
  @Post('meetings')
  @Roles(...GROUP_OFFICE)
  createMeeting(@Body() dto: MeetingCreateDto): Promise<MeetingView> {
    return this.group.createMeeting(dto);
  }

  @ApiDoc("Change a meeting's record or minutes", 400, 401, 403, 404, 413)
  @Patch('meetings/:id')
  @Roles(...GROUP_OFFICE)
  updateMeeting(@UuidParam() id: string, @Body() dto: MeetingUpdateDto): Promise<MeetingView> {
    return this.group.updateMeeting(id, dto);
  }

  @ApiDoc('Assign a decision of a meeting to a department, with its deadline', 400, 401, 403, 404, 413)
  @Post('meetings/:id/decisions')
  @Roles(...GROUP_OFFICE)
  addDecision(@UuidParam() id: string, @Body() dto: DecisionCreateDto): Promise<DecisionView> {
    return this.group.addDecision(id, dto);
  }

  @ApiDoc('The 督办 board: decisions by state (open by default) and open ones per department', 400, 401, 403)
  @Get('decisions')
  @Roles(...GROUP_READERS)
  board(@Query() q: DecisionQueryDto): Promise<DecisionBoardView> {
    return this.group.board(q);
  }

  @ApiDoc('A decision with its progress notes and evidence', 400, 401, 403, 404)
  @Get('decisions/:id')
  @Roles(...GROUP_READERS)
  decision(@UuidParam() id: string): Promise<DecisionDetail> {
    return this.group.decision(id);
  }

  @ApiDoc(
    "Take a decision's next step: progress, done with evidence, or (the office) verify or send back",
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Post('decisions/:id/actions')
  @HttpCode(200)
  @Roles(...DECISION_WORKERS)
  act(@UuidParam() id: string, @Body() dto: DecisionActionDto): Promise<DecisionDetail> {
    return this.group.act(id, dto);
  }
}

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('api/safety-orgs')
export class SafetyOrgController {
  constructor(private readonly orgs: OrganisationService) {}

  @ApiDoc("Each enterprise's safety organisation and whether it meets Art. 24 and Art. 27", 400, 401, 403)
  @Get()
  @Roles(...SAFETY_ORG_READERS)
  list(@Query() q: SafetyOrgQueryDto): Promise<SafetyOrgView[]> {
    return this.orgs.list(q);
  }

  @ApiDoc("An enterprise's safety organisation and its status", 400, 401, 403, 404)
  @Get(':id')
  @Roles(...SAFETY_ORG_READERS)
  get(@UuidParam() id: string): Promise<SafetyOrgView> {
    return this.orgs.get(id);
  }

  @ApiDoc(
    "Report an enterprise's safety office, headcount, safety managers and registered engineers",
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Put(':id')
  @Roles(...SAFETY_ORG_WRITERS)
  update(@UuidParam() id: string, @Body() dto: SafetyOrgDto): Promise<SafetyOrgView> {
    return this.orgs.update(id, dto);
  }
}
