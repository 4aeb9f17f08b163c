import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  LapsingCertificateView,
  ListResponse,
  TrainingAttendanceView,
  TrainingPersonView,
  TrainingRecordView,
  TrainingSessionDetail,
  TrainingSessionView,
  TrainingSignInResult,
  TrainingSignInView,
} from '@muster/contracts';
import { Public, Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { UuidParam } from '../common/uuid-param.js';
import { TRAINING_READERS, TRAINING_WRITERS } from './training.access.js';
import {
  AttendanceCreateDto,
  LapsingQueryDto,
  PeopleQueryDto,
  ProfileDto,
  SessionCreateDto,
  SessionListQueryDto,
  SessionUpdateDto,
  SignInDto,
  YearQueryDto,
} from './training.dto.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { TrainingService } from './training.service.js';

@ApiTags('training')
@ApiBearerAuth()
@Controller('api/training')
export class TrainingController {
  constructor(private readonly training: TrainingService) {}

  @ApiDoc('List training sessions, newest first', 400, 401, 403)
  @Get('sessions')
  @Roles(...TRAINING_READERS)
  list(@Query() q: SessionListQueryDto): Promise<ListResponse<TrainingSessionView>> {
    return this.training.listSessions(q);
  }

  @ApiDoc('Get a training session with who attended', 400, 401, 403, 404)
  @Get('sessions/:id')
  @Roles(...TRAINING_READERS)
  get(@UuidParam() id: string): Promise<TrainingSessionDetail> {
    return this.training.getSession(id);
  }

  @ApiDoc('Create a training session (class, lecture, exhibition or drill)', 400, 401, 403, 404, 413)
  @Post('sessions')
  @Roles(...TRAINING_WRITERS)
  create(@Body() dto: SessionCreateDto): Promise<TrainingSessionView> {
    return this.training.createSession(dto);
  }

  @ApiDoc('Correct a training session; whole-session attendance follows its hours', 400, 401, 403, 404, 413)
  @Patch('sessions/:id')
  @Roles(...TRAINING_WRITERS)
  update(@UuidParam() id: string, @Body() dto: SessionUpdateDto): Promise<TrainingSessionView> {
    return this.training.updateSession(id, dto);
  }

  @ApiDoc('Delete a training session nobody attended', 400, 401, 403, 404, 409)
  @Delete('sessions/:id')
  @HttpCode(204)
  @Roles(...TRAINING_WRITERS)
  remove(@UuidParam() id: string): Promise<void> {
    return this.training.deleteSession(id);
  }

  @ApiDoc("Record a person's attendance as the organiser", 400, 401, 403, 404, 409, 413)
  @Post('sessions/:id/attendance')
  @Roles(...TRAINING_WRITERS)
  attend(@UuidParam() id: string, @Body() dto: AttendanceCreateDto): Promise<TrainingAttendanceView> {
    return this.training.recordAttendance(id, dto);
  }

  @ApiDoc(
    'Special operation certificates due for review or expiring within `days` (default 90)',
    400,
    401,
    403,
  )
  @Get('certificates/lapsing')
  @Roles(...TRAINING_READERS)
  lapsing(@Query() q: LapsingQueryDto): Promise<LapsingCertificateView[]> {
    return this.training.lapsing(q.days);
  }

  @ApiDoc("People with a training profile, with the year's hours and status", 400, 401, 403)
  @Get('people')
  @Roles(...TRAINING_READERS)
  people(@Query() q: PeopleQueryDto): Promise<TrainingPersonView[]> {
    return this.training.people(q);
  }

  @ApiDoc("A person's training record for a year", 400, 401, 403, 404)
  @Get('people/:id')
  @Roles(...TRAINING_READERS)
  record(@UuidParam() id: string, @Query() q: YearQueryDto): Promise<TrainingRecordView> {
    return this.training.record(id, q.year);
  }

  @ApiDoc("Set a person's training role and the day they took the post", 400, 401, 403, 404, 413)
  @Put('people/:id')
  @Roles(...TRAINING_WRITERS)
  setProfile(@UuidParam() id: string, @Body() dto: ProfileDto): Promise<TrainingPersonView> {
    return this.training.setProfile(id, dto);
  }
}

/** The sign-in page's API: the session's link is the credential, the number says who signs. */
@ApiTags('training')
@Controller('api/training-sign-in')
@Public()
export class TrainingSignInController {
  constructor(
    private readonly training: TrainingService,
    private readonly throttle: SignInThrottle,
  ) {}

  @ApiDoc('The session behind a sign-in link', 400, 404)
  @Get(':token')
  info(@Param('token') token: string): Promise<TrainingSignInView> {
    return this.training.signInInfo(token);
  }

  @ApiDoc(
    'Sign in to a session by its link, with the number the directory lists the person at',
    400,
    404,
    413,
    429,
  )
  @Post(':token')
  @HttpCode(200)
  signIn(
    @Param('token') token: string,
    @Body() dto: SignInDto,
    @Req() req: Request,
  ): Promise<TrainingSignInResult> {
    return this.throttle.attempt(req.ip ?? 'unknown', () => this.training.signIn(token, dto));
  }
}
