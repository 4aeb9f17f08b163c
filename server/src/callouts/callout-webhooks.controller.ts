import { Controller, Header, Inject, type OnModuleInit, Post, Query, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/access.decorators.js';
import { PROVIDER_WEBHOOKS, type ProviderWebhooks, type WebhookParams } from '../messaging/provider.js';
import { StatusCallbacks } from '../messaging/status-callbacks.js';
import { WebhookForm, WebhookSignatureGuard } from '../messaging/webhook-signature.guard.js';
import { recordIdOf, WEBHOOK_PATH } from '../messaging/webhooks.js';
import { CalloutEngine } from './callout-engine.js';
import { type CallAnswer, HANG_UP, PhoneResponderService } from './phone-responder.service.js';
import { ApiDoc } from '../common/api-docs.js';

/**
 * The provider's webhooks for call-outs: responders' texts, and the calls' scripts and keys. Each
 * request must carry a valid signature (else 403, nothing changes); a delivery id that is no UUID
 * is ignored. The pages' status callbacks (`status?delivery=<id>`, two a text) take the shorter
 * path of `StatusCallbacks`, checked the same way.
 */
@ApiExcludeController()
@Controller(WEBHOOK_PATH)
@Public()
@UseGuards(WebhookSignatureGuard)
export class CalloutWebhooksController implements OnModuleInit {
  constructor(
    private readonly engine: CalloutEngine,
    private readonly phones: PhoneResponderService,
    @Inject(PROVIDER_WEBHOOKS) private readonly webhooks: ProviderWebhooks,
    private readonly statusCallbacks: StatusCallbacks,
  ) {}

  onModuleInit(): void {
    this.statusCallbacks.register('status', 'delivery', (id, update) => this.engine.reported(id, update));
  }

  @ApiDoc("Twilio inbound SMS: a responder's reply (1 accepts, 2 declines) or STOP/START", 400, 403)
  @Post('sms')
  @Header('Content-Type', 'text/xml')
  async inbound(@WebhookForm() form: WebhookParams): Promise<string> {
    const { from, body } = this.webhooks.inboundSms(form);
    return this.webhooks.smsAnswer(await this.phones.textReceived(from, body));
  }

  @ApiDoc('Twilio voice webhook: the TwiML of a call-out call', 400, 403)
  @Post('voice')
  @Header('Content-Type', 'text/xml')
  async voice(@Query('delivery') deliveryId: string): Promise<string> {
    const id = recordIdOf(deliveryId);
    return this.voiceAnswer(id ? await this.phones.callAnswered(id) : HANG_UP);
  }

  @ApiDoc('Twilio voice webhook: the keys a called responder pressed', 400, 403)
  @Post('voice/gather')
  @Header('Content-Type', 'text/xml')
  async gather(@WebhookForm() form: WebhookParams, @Query('delivery') deliveryId: string): Promise<string> {
    const id = recordIdOf(deliveryId);
    return this.voiceAnswer(id ? await this.phones.keyPressed(id, this.webhooks.pressed(form)) : HANG_UP);
  }

  private voiceAnswer(answer: CallAnswer): string {
    return this.webhooks.voiceAnswer(answer.steps, answer.language);
  }
}
