import {
  Controller,
  ForbiddenException,
  Header,
  HttpCode,
  Inject,
  Logger,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../common/access.decorators.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { errorCodeOf, recordIdOf } from '../twilio/webhook-params.js';
import { CalloutDelivery, CalloutRecipient } from './callout.entities.js';
import { CalloutEngine, type FailedDelivery } from './callout-engine.js';
import { CalloutService } from './callout.service.js';
import { MESSAGING_PROVIDER, type MessagingProvider } from './provider.js';
import { ProviderStatusWriter } from './provider-status.js';
import { parseReply } from './replies.js';
import { type Language, VOICE_LANGUAGE, voiceScript } from './templates.js';

const escapeXml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

/**
 * Twilio's webhooks. Each request must carry a valid X-Twilio-Signature for the URL it was sent
 * to; anything else is a 403 and changes nothing.
 */
@ApiExcludeController()
@Controller('webhooks/twilio')
@Public()
export class TwilioWebhooksController {
  private readonly logger = new Logger(TwilioWebhooksController.name);

  constructor(
    private readonly db: Db,
    private readonly callouts: CalloutService,
    private readonly engine: CalloutEngine,
    private readonly statuses: ProviderStatusWriter,
    @Inject(MESSAGING_PROVIDER) private readonly provider: MessagingProvider,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('status')
  @HttpCode(204)
  async status(@Req() req: Request, @Query('delivery') deliveryId: string): Promise<void> {
    const p = this.verify(req);
    const status = p.MessageStatus ?? p.SmsStatus ?? p.CallStatus;
    if (!recordIdOf(deliveryId) || !status) return;
    const errorCode = errorCodeOf(p.ErrorCode);
    // Only a status that moves the delivery forwards is taken, and only then does anything follow
    // from it: a `failed` after `delivered` is recorded, not acted on (provider-status.ts).
    const row = await this.statuses.apply<{
      callout_id: string;
      recipient_id: string;
      tier: number;
      round: number;
      channel: CalloutDelivery['channel'];
      error_message: string | null;
    }>('callout_delivery', deliveryId, { status, sid: p.MessageSid ?? p.CallSid ?? null, errorCode });
    if (!row) return;
    const d: FailedDelivery = {
      calloutId: row.callout_id,
      recipientId: row.recipient_id,
      tier: row.tier,
      round: row.round,
      channel: row.channel,
      status,
      errorCode,
      errorMessage: errorCode ? `provider error ${errorCode}` : row.error_message,
    };
    if (d.channel === 'sms' && (status === 'failed' || status === 'undelivered'))
      await this.engine.smsFailed(d);
    if (d.channel === 'voice' && status === 'failed') await this.engine.callFailed(d);
  }

  @Post('sms')
  @Header('Content-Type', 'text/xml')
  async inbound(@Req() req: Request): Promise<string> {
    const p = this.verify(req);
    const from = p.From ?? '';
    const reply = parseReply(p.Body ?? '');
    if (reply.optOut === 'stop') {
      await this.db.manager.query(`INSERT INTO sms_opt_out (phone) VALUES ($1) ON CONFLICT DO NOTHING`, [
        from,
      ]);
      return twiml('');
    }
    if (reply.optOut === 'start') {
      await this.db.manager.query(`DELETE FROM sms_opt_out WHERE phone = $1`, [from]);
      return twiml('');
    }
    const open = await this.callouts.openFor(from);
    const lang: Language = open[0]?.recipient.language ?? (await this.callouts.languageOf(from));
    const say = (zh: string, en: string) => twiml(`<Message>${escapeXml(lang === 'en' ? en : zh)}</Message>`);
    if (!reply.decision) {
      return open.length
        ? say('请回复1确认到岗，回复2无法到岗。', 'Reply 1 to accept or 2 to decline.')
        : twiml('');
    }
    if (!open.length)
      return say('您目前没有待回复的应急呼叫。', 'You have no call-out waiting for an answer.');
    let target = open[0]!;
    if (open.length > 1) {
      const match = open.find((o) => o.callout.shortCode === reply.code);
      if (!match) {
        const codes = open.map((o) => o.callout.shortCode).join(', ');
        return say(
          `您有多个应急呼叫，请在回复中注明编号（${codes}），如"1 ${open[0]!.callout.shortCode}"。`,
          `You have several call-outs: add the code (${codes}), e.g. "1 ${open[0]!.callout.shortCode}".`,
        );
      }
      target = match;
    }
    await this.callouts.respond(target.recipient.id, reply.decision, 'sms');
    return reply.decision === 'accept'
      ? say('已确认，感谢！请按通知要求到岗。', 'Accepted, thank you.')
      : say('已记录您无法到岗。', 'Recorded: you cannot come.');
  }

  @Post('voice')
  @Header('Content-Type', 'text/xml')
  async voice(@Req() req: Request, @Query('delivery') deliveryId: string): Promise<string> {
    this.verify(req);
    const ctx = await this.recipientOf(deliveryId);
    if (!ctx) return twiml('<Hangup/>');
    const { recipient, message, isDrill } = ctx;
    const lang = VOICE_LANGUAGE[recipient.language];
    if (recipient.state === 'acknowledged' || recipient.state === 'declined') {
      return twiml(
        `<Say language="${lang}">${recipient.language === 'en' ? 'Your answer is recorded. Goodbye.' : '您已回复，谢谢。'}</Say><Hangup/>`,
      );
    }
    const script = voiceScript(recipient.language, { message, isDrill });
    const action = escapeXml(`${this.config.PUBLIC_URL}/webhooks/twilio/voice/gather?delivery=${deliveryId}`);
    return twiml(
      `<Gather input="dtmf" numDigits="1" timeout="10" action="${action}" method="POST">` +
        `<Say language="${lang}">${escapeXml(script.say)}</Say><Say language="${lang}">${escapeXml(script.prompt)}</Say>` +
        `</Gather><Say language="${lang}">${recipient.language === 'en' ? 'No answer received. Goodbye.' : '未收到按键，再见。'}</Say>`,
    );
  }

  @Post('voice/gather')
  @Header('Content-Type', 'text/xml')
  async gather(@Req() req: Request, @Query('delivery') deliveryId: string): Promise<string> {
    const p = this.verify(req);
    const ctx = await this.recipientOf(deliveryId);
    if (!ctx) return twiml('<Hangup/>');
    const lang = VOICE_LANGUAGE[ctx.recipient.language];
    const en = ctx.recipient.language === 'en';
    const digit = (p.Digits ?? '').trim();
    if (digit !== '1' && digit !== '2') {
      const again = escapeXml(`${this.config.PUBLIC_URL}/webhooks/twilio/voice?delivery=${deliveryId}`);
      return twiml(
        `<Say language="${lang}">${en ? 'Please press 1 or 2.' : '请按1或2。'}</Say><Redirect method="POST">${again}</Redirect>`,
      );
    }
    await this.callouts.respond(ctx.recipient.id, digit === '1' ? 'accept' : 'decline', 'voice');
    const text =
      digit === '1'
        ? en
          ? 'Accepted. Thank you.'
          : '已确认到岗，谢谢。'
        : en
          ? 'Recorded: you cannot come.'
          : '已记录您无法到岗。';
    return twiml(`<Say language="${lang}">${text}</Say><Hangup/>`);
  }

  private async recipientOf(deliveryId: string | undefined) {
    if (!recordIdOf(deliveryId)) return null;
    const d = await this.db.repo(CalloutDelivery).findOneBy({ id: deliveryId });
    if (!d) return null;
    const recipient = (await this.db.repo(CalloutRecipient).findOneBy({ id: d.recipientId }))!;
    const callout = (await this.callouts.view(d.calloutId))!;
    return { recipient, message: callout.message, isDrill: callout.isDrill };
  }

  /** The URL Twilio signed is the public one it was given, plus the path and query it called. */
  private verify(req: Request): Record<string, string> {
    const params = (req.body ?? {}) as Record<string, string>;
    const url = `${this.config.PUBLIC_URL.replace(/\/+$/, '')}${req.originalUrl}`;
    if (!this.provider.validWebhook(url, params, req.header('x-twilio-signature'))) {
      this.logger.warn({ url }, 'webhook with a missing or wrong signature refused');
      throw new ForbiddenException('Invalid X-Twilio-Signature');
    }
    return params;
  }
}

function twiml(inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${inner}</Response>`;
}
