/**
 * Which provider reaches which number. Mainland carriers filter international senders and
 * domestic texts need a registered signature, so +86 mobiles go to the domestic provider first;
 * a mainland landline takes calls but no texts; everything else goes to Twilio. The order is the
 * failover order: a provider that is down is passed over for the next one able to reach the number.
 */
export type ProviderName = 'twilio' | 'tencent';
export const PROVIDER_NAMES: readonly ProviderName[] = ['twilio', 'tencent'];
/**
 * The providers whose receipts name a send by their own id alone (Tencent's pushes). Twilio's
 * callbacks carry Muster's id in their URL, so its ids are never looked up.
 */
export const RECEIPTS_BY_SID: readonly ProviderName[] = ['tencent'];

export type NumberKind = 'cn_mobile' | 'cn_landline' | 'foreign';
export type SendChannel = 'sms' | 'voice';

/**
 * Mainland numbers after +86: mobiles begin with 1 (13–19, eleven digits); landlines with an area
 * code, which never begins with 1 (010, 0551… without the trunk 0), then 7 or 8 digits.
 */
const CN_MOBILE = /^\+861\d+$/;
const CN_LANDLINE = /^\+86[2-9]\d{8,10}$/;

export function numberKind(phone: string): NumberKind {
  if (CN_MOBILE.test(phone)) return 'cn_mobile';
  if (CN_LANDLINE.test(phone)) return 'cn_landline';
  return 'foreign';
}

/** Whether a number can receive texts at all (a landline cannot). */
export function takesSms(phone: string): boolean {
  return numberKind(phone) !== 'cn_landline';
}

export type Routes = Readonly<Record<NumberKind, readonly ProviderName[]>>;

/**
 * `cn_mobile=tencent,twilio;cn_landline=tencent,twilio;foreign=twilio` as routes. A kind left
 * out is reached by Twilio alone; an unknown kind or provider is a configuration error.
 */
export function parseRoutes(spec: string): Routes {
  const routes: Record<NumberKind, ProviderName[]> = {
    cn_mobile: ['twilio'],
    cn_landline: ['twilio'],
    foreign: ['twilio'],
  };
  for (const part of spec
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [kind, list] = part.split('=').map((x) => x.trim());
    if (!kind || !(kind in routes)) throw new Error(`MESSAGING_ROUTES: unknown kind of number "${kind}"`);
    const names = (list ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    for (const n of names)
      if (!PROVIDER_NAMES.includes(n as ProviderName))
        throw new Error(`MESSAGING_ROUTES: unknown provider "${n}"`);
    routes[kind as NumberKind] = [...new Set(names as ProviderName[])];
  }
  return routes;
}

/** The providers able to reach `phone` on `channel`, in order of preference. */
export function providersFor(
  routes: Routes,
  phone: string,
  channel: SendChannel,
  configured: (name: ProviderName) => boolean,
): ProviderName[] {
  const kind = numberKind(phone);
  if (channel === 'sms' && kind === 'cn_landline') return [];
  return routes[kind].filter(configured);
}
