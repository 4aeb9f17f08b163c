import { Body, Controller, Delete, Get, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LinkRollCall, MyRollCall, RollCallCandidates, RollCallView } from '@muster/contracts';
import { verifyResponseToken } from '../callouts/response-link.js';
import { Public, Roles } from '../common/access.decorators.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ApiDoc } from '../common/api-docs.js';
import { UuidParam } from '../common/uuid-param.js';
import {
  ROLL_CALL_ASKED,
  ROLL_CALL_CHECK_IN,
  ROLL_CALL_COMMAND,
  ROLL_CALL_READERS,
  ROLL_CALL_REPORTERS,
} from './rollcall.access.js';
import {
  LinkCheckInDto,
  MissingPersonDto,
  RollCallCheckInDto,
  RollCallCloseDto,
  RollCallCountDto,
  RollCallOpenDto,
} from './rollcall.dto.js';
import { RollCallService } from './rollcall.service.js';

/** An incident's roll calls, as its room sees them. */
@ApiTags('roll-calls')
@ApiBearerAuth()
@Controller('api/incidents/:id/roll-calls')
export class IncidentRollCallsController {
  constructor(private readonly rollCalls: RollCallService) {}

  @ApiDoc("An incident's roll calls, newest first", 400, 401, 403, 404)
  @Get()
  @Roles(...ROLL_CALL_READERS)
  list(@UuidParam() id: string): Promise<RollCallView[]> {
    return this.rollCalls.list(id);
  }

  @ApiDoc(
    'The assembly points and enterprises a roll call may take, with the suggested ones',
    400,
    401,
    403,
    404,
  )
  @Get('candidates')
  @Roles(...ROLL_CALL_COMMAND)
  candidates(@UuidParam() id: string): Promise<RollCallCandidates> {
    return this.rollCalls.candidates(id);
  }

  @ApiDoc(
    'Open a roll call at assembly points; the enterprises are asked for their headcount',
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Post()
  @Roles(...ROLL_CALL_COMMAND)
  open(@UuidParam() id: string, @Body() dto: RollCallOpenDto): Promise<RollCallView> {
    return this.rollCalls.open(id, dto);
  }
}

/** One roll call's counts, check-ins, missing persons and closing. */
@ApiTags('roll-calls')
@ApiBearerAuth()
@Controller('api/roll-calls')
export class RollCallController {
  constructor(private readonly rollCalls: RollCallService) {}

  @ApiDoc(
    'Open roll calls asking the caller: their enterprise’s headcount, or a responder’s check-in',
    401,
    403,
  )
  @Get('mine')
  @Roles(...ROLL_CALL_ASKED)
  mine(): Promise<MyRollCall[]> {
    return this.rollCalls.mine();
  }

  @ApiDoc(
    "Report an enterprise's headcount and how many are accounted for at a point",
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Post(':id/counts')
  @Roles(...ROLL_CALL_REPORTERS)
  count(@UuidParam() id: string, @Body() dto: RollCallCountDto): Promise<RollCallView> {
    return this.rollCalls.count(id, dto);
  }

  @ApiDoc('Check in at an assembly point', 400, 401, 403, 404, 409, 413)
  @Post(':id/check-ins')
  @Roles(...ROLL_CALL_CHECK_IN)
  checkIn(@UuidParam() id: string, @Body() dto: RollCallCheckInDto): Promise<RollCallView> {
    return this.rollCalls.checkIn(id, dto);
  }

  @ApiDoc('Name a missing person', 400, 401, 403, 404, 409, 413)
  @Post(':id/missing')
  @Roles(...ROLL_CALL_REPORTERS)
  nameMissing(@UuidParam() id: string, @Body() dto: MissingPersonDto): Promise<RollCallView> {
    return this.rollCalls.nameMissing(id, dto);
  }

  @ApiDoc('Take a person off the missing list', 400, 401, 403, 404, 409)
  @Delete(':id/missing/:personId')
  @Roles(...ROLL_CALL_REPORTERS)
  clearMissing(@UuidParam() id: string, @UuidParam('personId') personId: string): Promise<RollCallView> {
    return this.rollCalls.clearMissing(id, personId);
  }

  @ApiDoc(
    'Close the roll call with its final count, optionally carried into a supplementary report',
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Post(':id/close')
  @Roles(...ROLL_CALL_COMMAND)
  close(@UuidParam() id: string, @Body() dto: RollCallCloseDto): Promise<RollCallView> {
    return this.rollCalls.close(id, dto);
  }
}

/**
 * A responder's check-in through the signed link of their call-out SMS (no login: the link is
 * the credential, as for the answer). A forged or unknown link is a 404.
 */
@ApiTags('roll-calls')
@Controller('api/roll-calls/by-link')
@Public()
export class RollCallLinkController {
  constructor(
    private readonly rollCalls: RollCallService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ApiDoc(
    "The open roll call of the link's incident: its points and where the responder checked in",
    400,
    404,
  )
  @Get(':token')
  get(@Param('token') token: string): Promise<LinkRollCall> {
    return this.rollCalls.byLink(this.recipient(token));
  }

  @ApiDoc('Check in at an assembly point through the signed link', 400, 404, 409, 413)
  @Post(':token/check-in')
  checkIn(@Param('token') token: string, @Body() dto: LinkCheckInDto): Promise<LinkRollCall> {
    return this.rollCalls.checkInByLink(this.recipient(token), dto.pointId);
  }

  private recipient(token: string): string {
    const id = verifyResponseToken(token, this.config.JWT_SECRET);
    if (!id) throw new NotFoundException('Link not found');
    return id;
  }
}
