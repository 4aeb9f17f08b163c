import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type {
  CalloutDeliveryPreview,
  CalloutMessagePreview,
  CalloutView,
  ResponderBriefing,
  ResponderPositionView,
  Role,
} from '@muster/contracts';
import { CalloutCreateDto, MessagePreviewDto, RespondDto } from './callout.dto.js';
import { CalloutService } from './callout.service.js';
import { ResponderPositionsService } from './responder-positions.service.js';
import { ResponderService } from './responder.service.js';
import { verifyResponseToken } from './response-link.js';
import { ApiDoc } from '../common/api-docs.js';

/** Who may call people out: the commanders, and an enterprise's officers for their own incidents. */
const CALLERS: Role[] = ['zone_admin', 'commander', 'enterprise_officer'];
const WATCHERS: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'];

@ApiTags('call-outs')
@ApiBearerAuth()
@Controller('api')
export class CalloutController {
  constructor(
    private readonly callouts: CalloutService,
    private readonly positions: ResponderPositionsService,
  ) {}

  @ApiDoc('Start a call-out to contacts, teams or a policy for an incident', 400, 401, 403, 404, 409, 413)
  @Post('incidents/:id/callouts')
  @Roles(...CALLERS)
  create(@UuidParam() id: string, @Body() dto: CalloutCreateDto): Promise<CalloutView> {
    return this.callouts.create(id, dto);
  }

  @ApiDoc(
    'Preview what a call-out would send: per provider, whom it texts or calls, the SMS, its limits',
    400,
    401,
    403,
    404,
    413,
  )
  @Post('incidents/:id/callouts/delivery-preview')
  @HttpCode(200)
  @Roles(...CALLERS)
  deliveryPreview(@UuidParam() id: string, @Body() dto: CalloutCreateDto): Promise<CalloutDeliveryPreview> {
    return this.callouts.deliveryPreviewFor(id, dto);
  }

  @ApiDoc("List an incident's call-outs with their recipients' states", 400, 401, 403, 404)
  @Get('incidents/:id/callouts')
  @Roles(...WATCHERS)
  list(@UuidParam() id: string): Promise<CalloutView[]> {
    return this.callouts.listForIncident(id);
  }

  @ApiDoc("Responders' last shared positions for an incident, with when each was shared", 400, 401, 403, 404)
  @Get('incidents/:id/responder-positions')
  @Roles(...WATCHERS)
  positionsForIncident(@UuidParam() id: string): Promise<ResponderPositionView[]> {
    return this.positions.forIncident(id);
  }

  @ApiDoc("Responders' last shared positions for every open incident in scope", 401, 403)
  @Get('responder-positions')
  @Roles(...WATCHERS)
  openPositions(): Promise<ResponderPositionView[]> {
    return this.positions.open();
  }

  @ApiDoc("Get a call-out with each recipient's state and delivery attempts", 400, 401, 403, 404)
  @Get('callouts/:id')
  @Roles(...WATCHERS)
  get(@UuidParam() id: string): Promise<CalloutView> {
    return this.callouts.get(id);
  }

  @ApiDoc('Cancel a call-out: nobody further is paged', 400, 401, 403, 404, 409)
  @Post('callouts/:id/cancel')
  @HttpCode(200)
  @Roles(...CALLERS)
  cancel(@UuidParam() id: string): Promise<CalloutView> {
    return this.callouts.cancel(id);
  }

  /**
   * The texts as each recipient will receive them, with their segment counts, before sending;
   * for an incident that is a drill, with the drill marking its call-outs will carry.
   */
  @ApiDoc('Preview the SMS text of a call-out message (length, segments, link)', 400, 401, 403, 413)
  @Post('callouts/preview')
  @HttpCode(200)
  @Roles(...CALLERS)
  preview(@Body() dto: MessagePreviewDto): Promise<CalloutMessagePreview[]> {
    return this.callouts.previewFor(dto.message, dto.incidentId);
  }
}

/** The responder page's API: the signed link is the credential, so no login is needed. */
@ApiTags('call-outs')
@Controller('api/respond')
@Public()
export class RespondController {
  constructor(
    private readonly responders: ResponderService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ApiDoc("Responder's briefing behind the link in a call-out SMS", 400, 404)
  @Get(':token')
  briefing(@Param('token') token: string): Promise<ResponderBriefing> {
    return this.responders.briefing(this.recipient(token));
  }

  @ApiDoc('Responder accepts or declines a call-out through its SMS link', 400, 404, 413)
  @Post(':token')
  @HttpCode(200)
  respond(@Param('token') token: string, @Body() dto: RespondDto): Promise<ResponderBriefing> {
    return this.responders.respond(this.recipient(token), dto.decision, dto.location);
  }

  private recipient(token: string): string {
    const id = verifyResponseToken(token, this.config.JWT_SECRET);
    if (!id) throw new NotFoundException('This link is not valid');
    return id;
  }
}
