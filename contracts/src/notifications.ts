/**
 * Notifications: every kind the server creates, and its words in both languages. The server
 * stores a notification's kind and params; the console and every text sent out of app word it
 * from here, in the reader's language. A kind is added here before any code sends it.
 *
 * Texts are pairs `[zh-CN, en]` with `{name}` placeholders filled from the params.
 */
import {
  type Bilingual,
  type EnumTextKind,
  type RecordLanguage,
  enumText,
  fillText,
  inLanguage,
} from './record-text.js';

export interface NotificationKindText {
  title: Bilingual;
  body: Bilingual;
  /**
   * Urgent kinds are shown as browser notifications, override quiet preferences and always go
   * out of app as well (SMS) where a channel is installed.
   */
  urgent?: boolean;
  /**
   * Params holding an enum value (a severity, a category), by the ENUM_TEXT table that words
   * them: the params stay codes, and each reader sees them in their own language.
   */
  enums?: Record<string, EnumTextKind>;
}

export const NOTIFICATION_TEXT = {
  'hazard.submitted': {
    title: ['隐患整改待验收 {code}', 'Hazard rectification awaiting acceptance {code}'],
    body: ['{enterprise}：{place}', '{enterprise}: {place}'],
  },
  'hazard.rejected': {
    title: ['隐患整改验收未通过 {code}', 'Hazard rectification rejected {code}'],
    body: ['{enterprise}：{place}\n{comment}', '{enterprise}: {place}\n{comment}'],
  },
  'hazard.closed': {
    title: ['隐患已销号 {code}', 'Hazard closed {code}'],
    body: ['{enterprise}：{place}', '{enterprise}: {place}'],
  },
  'hazard.major_reported': {
    title: ['重大事故隐患报告 {code}', 'Major hazard reported {code}'],
    body: ['{enterprise} · {place}\n{description}', '{enterprise} · {place}\n{description}'],
    urgent: true,
  },
  'hazard.due_in_3_days': {
    title: ['隐患整改期限还有3天 {code}', 'Hazard due in 3 days {code}'],
    body: [
      '{enterprise} · {place}\n整改时限 {deadline}，责任人 {responsible}',
      '{enterprise} · {place}\nDue {deadline}, responsible: {responsible}',
    ],
    urgent: true,
  },
  'hazard.due_in_1_day': {
    title: ['隐患整改明日到期 {code}', 'Hazard due tomorrow {code}'],
    body: [
      '{enterprise} · {place}\n整改时限 {deadline}，责任人 {responsible}',
      '{enterprise} · {place}\nDue {deadline}, responsible: {responsible}',
    ],
    urgent: true,
  },
  'hazard.overdue': {
    title: ['隐患整改已逾期 {code}', 'Hazard rectification overdue {code}'],
    body: [
      '{enterprise} · {place}\n整改时限 {deadline}，责任人 {responsible}',
      '{enterprise} · {place}\nDue {deadline}, responsible: {responsible}',
    ],
    urgent: true,
  },
  'incident.filed': {
    title: ['新事故报告：{title}', 'New incident reported: {title}'],
    body: [
      '{enterprise} · {severity} · {category}\n{address}',
      '{enterprise} · {severity} · {category}\n{address}',
    ],
    urgent: true,
    enums: { severity: 'severity', category: 'category' },
  },
  'incident.regraded': {
    title: ['事故等级上调：{title}', 'Incident grade raised: {title}'],
    body: ['{enterprise}：{from} → {to}', '{enterprise}: {from} → {to}'],
    urgent: true,
    enums: { from: 'severity', to: 'severity' },
  },
  'inspection.due': {
    title: ['排查任务：{plan}', 'Inspection due: {plan}'],
    body: ['{who}\n应于 {period} 完成', '{who}\nTo be done {period}'],
  },
} satisfies Record<string, NotificationKindText>;

export type NotificationKind = keyof typeof NOTIFICATION_TEXT;
export const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_TEXT) as NotificationKind[];

export type NotificationParams = Record<string, string | number>;

export function isUrgentKind(kind: NotificationKind): boolean {
  return (
    Object.hasOwn(NOTIFICATION_TEXT, kind) &&
    (NOTIFICATION_TEXT[kind] as NotificationKindText).urgent === true
  );
}

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && Object.hasOwn(NOTIFICATION_TEXT, value);
}

/** A user's choices: which non-urgent kinds also go by SMS, and quiet (in-app only) mode. */
export interface NotificationPreferencesView {
  /** In-app only: no SMS for any non-urgent kind, whatever `smsKinds` says. */
  quiet: boolean;
  /** Non-urgent kinds the user also wants by SMS (urgent kinds always go). */
  smsKinds: NotificationKind[];
}

/** A notification's title and body in one language. */
export function notificationText(
  kind: NotificationKind,
  params: NotificationParams,
  lang: RecordLanguage,
): { title: string; body: string } {
  const text: NotificationKindText | undefined = Object.hasOwn(NOTIFICATION_TEXT, kind)
    ? NOTIFICATION_TEXT[kind]
    : undefined;
  // A kind this version does not know (a newer server) is shown by its name, never dropped.
  if (!text) return { title: String(kind), body: '' };
  const values: NotificationParams = { ...params };
  for (const [name, table] of Object.entries(text.enums ?? {})) {
    if (typeof values[name] === 'string') values[name] = enumText(table, values[name], lang);
  }
  return {
    title: fillText(inLanguage(text.title, lang), values),
    body: fillText(inLanguage(text.body, lang), values).trim(),
  };
}
