/**
 * Notifications: every kind the server creates, and its words in both languages. The server
 * stores a notification's kind and params; the console and every text sent out of app word it
 * from here, in the reader's language. A kind is added here before any code sends it.
 *
 * Texts are pairs `[zh-CN, en]` with `{name}` placeholders filled from the params.
 */
import { type Bilingual, type RecordLanguage, fillText, inLanguage } from './record-text.js';

export interface NotificationKindText {
  title: Bilingual;
  body: Bilingual;
  /**
   * Urgent kinds are shown as browser notifications, override quiet preferences and always go
   * out of app as well (SMS) where a channel is installed.
   */
  urgent?: boolean;
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
  'duty.paged': {
    title: ['值班呼叫：{title}', 'Duty page: {title}'],
    body: [
      '{enterprise} · {address}\n请尽快确认接警（回复短信或打开链接）',
      '{enterprise} · {address}\nPlease acknowledge (reply to the SMS or open its link)',
    ],
    urgent: true,
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
  return (NOTIFICATION_TEXT[kind] as NotificationKindText).urgent === true;
}

/** A notification's title and body in one language. */
export function notificationText(
  kind: NotificationKind,
  params: NotificationParams,
  lang: RecordLanguage,
): { title: string; body: string } {
  const text: NotificationKindText = NOTIFICATION_TEXT[kind];
  return {
    title: fillText(inLanguage(text.title, lang), params),
    body: fillText(inLanguage(text.body, lang), params).trim(),
  };
}
