import http from 'node:http';
import https from 'node:https';
import { Client as SmsClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/sms/v20210111/sms_client.js';
import { Client as VmsClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/vms/v20200902/vms_client.js';

export { SmsClient, VmsClient };

export interface TencentClientOptions {
  secretId: string;
  secretKey: string;
  region: string;
  /**
   * Where to send the SDK's requests instead of Tencent Cloud (the emulator), e.g.
   * `http://127.0.0.1:3091`. Unset: `sms.tencentcloudapi.com` and `vms.tencentcloudapi.com`.
   */
  apiBase?: string;
  timeoutSeconds: number;
}

/**
 * The official SDK's SMS and VMS clients, each signing its requests with TC3-HMAC-SHA256. Pointed
 * at another origin, both share it (the emulator tells them apart by X-TC-Action and
 * X-TC-Version). An agent of our own keeps sockets open and keeps the SDK from routing local
 * requests through an http_proxy of the environment.
 */
export function createTencentClients(o: TencentClientOptions): { sms: SmsClient; vms: VmsClient } {
  const base = o.apiBase ? new URL(o.apiBase) : null;
  const agent =
    base?.protocol === 'http:'
      ? new http.Agent({ keepAlive: true, maxSockets: 200 })
      : new https.Agent({ keepAlive: true, maxSockets: 200 });
  const profile = (endpoint: string) => ({
    httpProfile: {
      endpoint: base ? base.host : endpoint,
      protocol: base ? `${base.protocol}//` : 'https://',
      reqTimeout: o.timeoutSeconds,
      agent,
    },
  });
  const credential = { secretId: o.secretId, secretKey: o.secretKey };
  return {
    sms: new SmsClient({ credential, region: o.region, profile: profile('sms.tencentcloudapi.com') }),
    vms: new VmsClient({ credential, region: o.region, profile: profile('vms.tencentcloudapi.com') }),
  };
}
