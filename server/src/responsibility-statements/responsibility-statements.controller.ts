import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  DutyRecordView,
  EnterprisePostsView,
  EnterpriseStatementSummary,
  ListResponse,
  MyStatementView,
  PersonDutiesView,
  PostDetailView,
  ResponsibilityPostView,
  StatementSignResult,
  StatementSigningView,
  StatementVersionView,
} from '@muster/contracts';
import { Public, Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { UuidParam } from '../common/uuid-param.js';
import { DutyRecordService } from './duty-record.service.js';
import {
  STATEMENT_READERS,
  STATEMENT_SIGNERS,
  STATEMENT_WRITERS,
} from './responsibility-statements.access.js';
import {
  DutyRecordCreateDto,
  DutyRecordQueryDto,
  HoldersDto,
  LinkSignDto,
  StatementPublishDto,
} from './responsibility-statements.dto.js';
import { StatementSignThrottle } from './sign-throttle.js';
import { StatementService } from './statement.service.js';

@ApiTags('responsibility statements')
@ApiBearerAuth()
@Controller('api/responsibility-statements')
export class ResponsibilityStatementController {
  constructor(
    private readonly statements: StatementService,
    private readonly dutyRecords: DutyRecordService,
  ) {}

  @ApiDoc('Per enterprise: posts, posts without a holder, people without a post, statements signed', 401, 403)
  @Get('enterprises')
  @Roles(...STATEMENT_READERS)
  summaries(): Promise<EnterpriseStatementSummary[]> {
    return this.statements.summaries();
  }

  @ApiDoc(
    "An enterprise's posts, their holders and who signed, and its people without a post",
    400,
    401,
    403,
    404,
  )
  @Get('enterprises/:id')
  @Roles(...STATEMENT_READERS)
  enterprise(@UuidParam() id: string): Promise<EnterprisePostsView> {
    return this.statements.enterprisePosts(id);
  }

  @ApiDoc('Statements the signed-in user holds a post for', 401)
  @Get('mine')
  @Roles(...STATEMENT_SIGNERS)
  mine(): Promise<MyStatementView[]> {
    return this.statements.mine();
  }

  @ApiDoc('A post with its holders, statement versions, signatures and duty records', 400, 401, 403, 404)
  @Get('posts/:id')
  @Roles(...STATEMENT_READERS)
  post(@UuidParam() id: string): Promise<PostDetailView> {
    return this.statements.post(id);
  }

  @ApiDoc("Replace a post's holders; new holders are asked to sign its statement", 400, 401, 403, 404, 413)
  @Put('posts/:id/holders')
  @Roles(...STATEMENT_WRITERS)
  holders(@UuidParam() id: string, @Body() dto: HoldersDto): Promise<ResponsibilityPostView> {
    return this.statements.setHolders(id, dto);
  }

  @ApiDoc(
    "Publish a new version of a post's statement; every holder is asked to sign it",
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Post('posts/:id/versions')
  @Roles(...STATEMENT_WRITERS)
  publish(@UuidParam() id: string, @Body() dto: StatementPublishDto): Promise<StatementVersionView> {
    return this.statements.publish(id, dto);
  }

  @ApiDoc('Record a duty of the post carried out', 400, 401, 403, 404, 413)
  @Post('posts/:id/duty-records')
  @Roles(...STATEMENT_WRITERS)
  record(@UuidParam() id: string, @Body() dto: DutyRecordCreateDto): Promise<DutyRecordView> {
    return this.dutyRecords.create(id, dto);
  }

  @ApiDoc('Duty records, by enterprise, post or person, newest first', 400, 401, 403)
  @Get('duty-records')
  @Roles(...STATEMENT_READERS)
  dutyRecordList(@Query() q: DutyRecordQueryDto): Promise<ListResponse<DutyRecordView>> {
    return this.dutyRecords.list(q);
  }

  @ApiDoc('A statement version, its exact text and who signed it', 400, 401, 403, 404)
  @Get('versions/:id')
  @Roles(...STATEMENT_READERS)
  version(@UuidParam() id: string): Promise<StatementVersionView> {
    return this.statements.version(id);
  }

  @ApiDoc('Sign a statement version in the console, as a holder of its post', 400, 401, 403, 404, 409)
  @Post('versions/:id/sign')
  @HttpCode(200)
  @Roles(...STATEMENT_SIGNERS)
  sign(@UuidParam() id: string): Promise<StatementSignResult> {
    return this.statements.signInConsole(id);
  }

  @ApiDoc("A person's posts, signatures (all versions) and duty records", 400, 401, 403, 404)
  @Get('people/:id')
  @Roles(...STATEMENT_READERS)
  person(@UuidParam() id: string): Promise<PersonDutiesView> {
    return this.statements.person(id);
  }
}

/** The signing page's API: the personal link is the credential, name and number confirm who signs. */
@ApiTags('responsibility statements')
@Controller('api/statement-signing')
@Public()
export class StatementSigningController {
  constructor(
    private readonly statements: StatementService,
    private readonly throttle: StatementSignThrottle,
  ) {}

  @ApiDoc('The statement behind a personal signing link', 400, 404)
  @Get(':token')
  info(@Param('token') token: string): Promise<StatementSigningView> {
    return this.statements.signingInfo(token);
  }

  @ApiDoc(
    'Sign the statement by a personal link, confirmed with the name and the last 4 digits of the phone',
    400,
    404,
    409,
    413,
    429,
  )
  @Post(':token')
  @HttpCode(200)
  sign(
    @Param('token') token: string,
    @Body() dto: LinkSignDto,
    @Req() req: Request,
  ): Promise<StatementSignResult> {
    const ip = req.ip ?? null;
    return this.throttle.attempt(ip ?? 'unknown', token, () => this.statements.signByLink(token, dto, ip));
  }
}
