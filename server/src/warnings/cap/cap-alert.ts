import { create } from 'xmlbuilder2';
import type { WarningView } from '@muster/contracts';
import { capCircle, capPolygon } from '../warning-area.js';

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

/** Who publishes: CAP's sender (no spaces, commas, `<` or `&`) and its name in each language. */
export interface CapPublisher {
  sender: string;
  senderName: { 'zh-CN': string; en: string };
  /** The public base URL: each alert's own address is under it. */
  baseUrl: string;
  timeZone: string;
}

/** The warning a CAP alert references, as CAP names it: sender, identifier and sent time. */
export interface CapReference {
  id: string;
  sentAt: Date;
}

export type CapWarning = Omit<WarningView, 'targets' | 'sentAt' | 'capUrl'> & { sentAt: Date };

export function capIdentifier(warningId: string): string {
  return `muster-warning-${warningId}`;
}

/**
 * The CAP 1.2 document of a warning: status `Exercise` for a drill; an update or cancel names the
 * alert it replaces in `<references>`; one `<info>` per language the zone writes in, each with
 * the area as a closed polygon or a circle in CAP's "lat,lon" order. Element order is the
 * schema's (a sequence), and every text is escaped by the builder.
 */
export function capAlertXml(w: CapWarning, publisher: CapPublisher, references: CapReference | null): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele(CAP_NAMESPACE, 'alert');
  doc.ele('identifier').txt(capIdentifier(w.id));
  doc.ele('sender').txt(publisher.sender);
  doc.ele('sent').txt(capTime(w.sentAt, publisher.timeZone));
  doc.ele('status').txt(w.isDrill ? 'Exercise' : 'Actual');
  doc.ele('msgType').txt(w.msgType);
  doc.ele('scope').txt('Public');
  if (w.isDrill)
    doc.ele('note').txt('演练 Exercise: this alert belongs to a drill and asks for no real action.');
  if (references) {
    doc
      .ele('references')
      .txt(
        `${publisher.sender},${capIdentifier(references.id)},${capTime(references.sentAt, publisher.timeZone)}`,
      );
  }
  doc.ele('incidents').txt(w.incidentId);
  for (const language of ['zh-CN', 'en'] as const) {
    const words = CAP_WORDS[language];
    const info = doc.ele('info');
    info.ele('language').txt(language);
    info.ele('category').txt(w.category);
    info.ele('event').txt(w.event);
    info
      .ele('responseType')
      .txt(w.msgType === 'Cancel' ? 'AllClear' : w.action === 'evacuate' ? 'Evacuate' : 'Shelter');
    info.ele('urgency').txt(w.urgency);
    info.ele('severity').txt(w.severity);
    info.ele('certainty').txt(w.certainty);
    info.ele('senderName').txt(publisher.senderName[language]);
    info.ele('headline').txt(headline(w, language));
    info.ele('description').txt(w.text);
    info.ele('instruction').txt(instruction(w, language));
    info.ele('web').txt(`${publisher.baseUrl}/cap/alerts/${w.id}.xml`);
    const area = info.ele('area');
    area.ele('areaDesc').txt(w.area.label || words.area);
    if (w.area.polygon)
      for (const ring of w.area.polygon.slice(0, 1)) area.ele('polygon').txt(capPolygon(ring));
    if (w.area.circle) area.ele('circle').txt(capCircle(w.area.circle.center, w.area.circle.radiusM));
  }
  return doc.end({ prettyPrint: true });
}

const CAP_WORDS = {
  'zh-CN': {
    area: '预警区域',
    drill: '【演练】',
    alert: '预警',
    update: '预警更新',
    cancel: '预警解除',
    shelter: '请立即就地避险：进入室内，关闭门窗和通风设备，听候进一步通知。',
    evacuate: '请立即疏散撤离',
    evacuateTo: '请立即疏散撤离至{point}',
    crossWind: '，向上风向或侧风向撤离，避开下风向。',
    cancelled: '此前发布的预警已解除。',
  },
  en: {
    area: 'Warned area',
    drill: '[DRILL] ',
    alert: 'Warning',
    update: 'Warning update',
    cancel: 'Warning withdrawn',
    shelter:
      'Shelter in place now: go indoors, close doors, windows and ventilation, and wait for further notice.',
    evacuate: 'Evacuate now',
    evacuateTo: 'Evacuate now to {point}',
    crossWind: ', moving upwind or crosswind, never downwind.',
    cancelled: 'The earlier warning is withdrawn.',
  },
} as const;

function headline(w: CapWarning, language: 'zh-CN' | 'en'): string {
  const words = CAP_WORDS[language];
  const kind = w.msgType === 'Cancel' ? words.cancel : w.msgType === 'Update' ? words.update : words.alert;
  const sep = language === 'en' ? ': ' : '：';
  return `${w.isDrill ? words.drill : ''}${kind}${sep}${w.event}`;
}

/** What people are to do, in words: the same sentence the SMS and the call carry. */
export function instruction(
  w: Pick<CapWarning, 'msgType' | 'action' | 'assemblyPoint'>,
  language: 'zh-CN' | 'en',
): string {
  const words = CAP_WORDS[language];
  if (w.msgType === 'Cancel') return words.cancelled;
  if (w.action === 'shelter_in_place') return words.shelter;
  const go = w.assemblyPoint ? words.evacuateTo.replace('{point}', w.assemblyPoint.label) : words.evacuate;
  return `${go}${words.crossWind}`;
}

/** CAP's dateTime: seconds, and the zone's offset written out ("2026-12-06T21:34:05+08:00"). */
export function capTime(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
