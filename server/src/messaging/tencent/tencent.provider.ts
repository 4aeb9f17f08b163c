import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import type { SendChannel } from '../routing.js';
import {
  type MessagingProvider,
  type OutboundCall,
  type OutboundSms,
  ProviderError,
  type ProviderResult,
} from '../provider.js';
import { createTencentClients, type SmsClient, type VmsClient } from './tencent-client.js';
import { codeError, tencentErrorOf } from './tencent-errors.js';
import { parseTemplateIds, type TemplateIds } from './tencent-templates.js';
import { TencentVoicePushes } from './tencent-voice-pushes.js';

/** Whether Tencent Cloud is configured: a key pair, the SMS application and its signature. */
export function tencentConfigured(config: AppConfig): boolean {
  return Boolean(
    config.TENCENT_SECRET_ID &&
    config.TENCENT_SECRET_KEY &&
    config.TENCENT_SMS_SDK_APP_ID &&
    config.TENCENT_SMS_SIGN,
  );
}

/** A send record's status: 1 the submission failed; 2 delivered; 3 on its way; 4 not delivered. */
const RECORD_STATUS: Readonly<Record<number, ProviderResult['status']>> = {
  2: 'delivered',
  3: 'sent',
  4: 'undelivered',
};

/**
 * Tencent Cloud SMS and voice messages (VMS) through the official `tencentcloud-sdk-nodejs`:
 * `SendSms` with the kind's approved template and signature, `SendTtsVoice` for a text-to-speech
 * notification that collects a key, and `DescribeSendRecordList` (the number's send records) to
 * find a text whose send's outcome was unknown. Receipts, replies and keys come back by push
 * (`tencent-push.ts`). VMS has no such query for calls: a call in doubt is held until its own push
 * could have told (`findCall`).
 */
@Injectable()
export class TencentProvider implements MessagingProvider {
  readonly name = 'tencent';
  private clients: { sms: SmsClient; vms: VmsClient } | null = null;
  private readonly templates: TemplateIds;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly voicePushes: TencentVoicePushes,
  ) {
    this.templates = parseTemplateIds(config.TENCENT_TEMPLATES);
  }

  configured(): boolean {
    return tencentConfigured(this.config);
  }

  private api(): { sms: SmsClient; vms: VmsClient } {
    if (!this.configured()) throw new ProviderError('Tencent Cloud is not configured', 'transient');
    this.clients ??= createTencentClients({
      secretId: this.config.TENCENT_SECRET_ID!,
      secretKey: this.config.TENCENT_SECRET_KEY!,
      region: this.config.TENCENT_REGION,
      apiBase: this.config.TENCENT_API_BASE,
      timeoutSeconds: this.config.TENCENT_TIMEOUT_SECONDS,
    });
    return this.clients;
  }

  async sendSms(sms: OutboundSms): Promise<ProviderResult> {
    return call(async () => {
      const res = await this.api().sms.SendSms({
        PhoneNumberSet: [sms.to],
        SmsSdkAppId: this.config.TENCENT_SMS_SDK_APP_ID!,
        SignName: this.config.TENCENT_SMS_SIGN,
        TemplateId: this.templates[sms.template.kind].sms,
        TemplateParamSet: sms.template.params,
      });
      // One number per request: its status says whether it was taken.
      const status = res.SendStatusSet?.[0];
      if (!status) throw new ProviderError('SendSms answered no status', 'transient');
      if (status.Code !== 'Ok') throw codeError(status.Code ?? 'InternalError', status.Message ?? '');
      return { sid: status.SerialNo!, status: 'accepted' };
    });
  }

  async placeCall(c: OutboundCall): Promise<ProviderResult> {
    const template = this.templates[c.template.kind].voice;
    if (!this.config.TENCENT_VOICE_SDK_APP_ID || !template)
      throw new ProviderError(`no voice template for ${c.template.kind}`, 'permanent');
    return call(async () => {
      const res = await this.api().vms.SendTtsVoice({
        TemplateId: template,
        CalledNumber: c.to,
        VoiceSdkAppid: this.config.TENCENT_VOICE_SDK_APP_ID!,
        TemplateParamSet: c.template.params,
        PlayTimes: 2,
      });
      const callId = res.SendStatus?.CallId;
      if (!callId) throw new ProviderError('SendTtsVoice answered no CallId', 'transient');
      return { sid: callId, status: 'queued' };
    });
  }

  /**
   * The number's send records since `since` (newest first): a text that was submitted is one
   * Tencent took. The records hold the text masked, so they are matched by number and time.
   */
  async findSms(to: string, _fingerprint: string, since: Date): Promise<ProviderResult | null> {
    return call(async () => {
      const res = await this.api().sms.DescribeSendRecordList({
        PhoneNumber: to,
        SmsSdkAppId: this.config.TENCENT_SMS_SDK_APP_ID!,
        BeginTime: Math.floor(since.getTime() / 1000),
        EndTime: Math.floor(Date.now() / 1000),
        Limit: 50,
        Offset: 0,
      });
      const r = (res.SendRecordSet ?? []).find((x) => x.SendStatus !== 1 && x.SerialNo);
      return r ? { sid: r.SerialNo!, status: RECORD_STATUS[r.SendStatus ?? 3] ?? 'sent' } : null;
    });
  }

  /**
   * A voice attempt without an answer stays leased for the hold (`TENCENT_VOICE_HOLD_SECONDS`),
   * not the sender's short lease: its retry must not ask before the call could have rung, played,
   * waited for its key and been pushed.
   */
  leaseMs(channel: SendChannel): number | null {
    if (channel !== 'voice') return null;
    // Never shorter than the request itself may take, which is what a lease is for.
    const { TENCENT_VOICE_HOLD_SECONDS: hold, TENCENT_TIMEOUT_SECONDS: timeout } = this.config;
    return Math.max(hold, 2 * timeout) * 1000;
  }

  /**
   * VMS has no send-record query for voice notifications: a call whose send got no answer is found
   * by its own push (a key, or how it ended), recorded by number when no send held its id. Asked
   * only once the hold is over, so no push means Tencent placed no call, and another provider may.
   */
  async findCall(to: string, since: Date): Promise<ProviderResult | null> {
    return this.voicePushes.latest(to, since);
  }
}

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw tencentErrorOf(e);
  }
}
