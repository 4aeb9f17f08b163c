import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { ConflictError } from '../common/domain-errors.js';
import { ReceiptSinks } from '../messaging/receipt-sinks.js';
import {
  PUSH_OK,
  smsReceipts,
  smsReply,
  TencentPushGuard,
  voiceEvent,
} from '../messaging/tencent/tencent-push.js';
import { TencentVoicePushes } from '../messaging/tencent/tencent-voice-pushes.js';
import { CalloutEngine } from './callout-engine.js';
import { PhoneResponderService } from './phone-responder.service.js';

/**
 * Tencent Cloud's pushes (the callback URLs set in its console): SMS receipts, replies (上行), and
 * the keys and ends of voice notifications. Each must carry a valid `Sign` of its body (else 403,
 * nothing changes). A receipt for a send not recorded yet (it can overtake the send's own answer)
 * is a 409, which Tencent pushes again.
 */
@ApiExcludeController()
@Controller('webhooks/tencent')
@Public()
@UseGuards(TencentPushGuard)
export class CalloutTencentPushController {
  constructor(
    private readonly engine: CalloutEngine,
    private readonly phones: PhoneResponderService,
    private readonly receipts: ReceiptSinks,
    private readonly voicePushes: TencentVoicePushes,
  ) {}

  @ApiDoc('Tencent Cloud SMS receipts (状态回执)', 400, 403, 409, 413)
  @Post('sms-status')
  @HttpCode(200)
  async smsStatus(@Body() body: unknown): Promise<typeof PUSH_OK> {
    let unknown = 0;
    for (const r of smsReceipts(body)) {
      const update = { status: r.status, sid: r.sid, errorCode: null };
      if (!(await this.receipts.deliver('tencent', r.sid, update))) unknown++;
    }
    if (unknown) throw new ConflictError(`${unknown} receipt(s) for sends not recorded yet`);
    return PUSH_OK;
  }

  @ApiDoc("Tencent Cloud SMS reply (上行): a responder's answer (1 accepts, 2 declines)", 400, 403, 413)
  @Post('sms-reply')
  @HttpCode(200)
  async smsReply(@Body() body: unknown): Promise<typeof PUSH_OK> {
    const reply = smsReply(body);
    // The confirmation Twilio would text back is left out: a domestic text needs an approved
    // template, and the board and the responder page show the answer.
    if (reply) await this.phones.textReceived(reply.from, reply.text);
    return PUSH_OK;
  }

  @ApiDoc('Tencent Cloud voice notification push: a key pressed, or how the call ended', 400, 403, 409, 413)
  @Post('voice')
  @HttpCode(200)
  async voice(@Body() body: unknown): Promise<typeof PUSH_OK> {
    const event = voiceEvent(body);
    if (!event) return PUSH_OK;
    const id = await this.engine.deliveryOf('tencent', event.callId);
    if (!id) {
      // Perhaps the call of a send that got no answer: its retry finds the call by this push.
      if (event.to) await this.voicePushes.record({ ...event, to: event.to });
      throw new ConflictError('a push for a call not recorded yet');
    }
    if (event.kind === 'key') await this.phones.keyPressed(id, event.key);
    else await this.engine.reported(id, { status: event.status, sid: event.callId, errorCode: null });
    return PUSH_OK;
  }
}
