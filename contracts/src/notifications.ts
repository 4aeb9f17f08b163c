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
  // Deadlines the reminder scheduler follows. `{days}` is whole calendar days left in the zone.
  'drill.duty_due_soon': {
    title: ['应急演练即将到期 {enterprise}', 'Emergency drill due soon: {enterprise}'],
    body: [
      '{requirementZh}演练应于 {deadline} 前完成（还有 {days} 天）',
      '{requirementEn} drill due by {deadline} ({days} days left)',
    ],
  },
  'drill.duty_overdue': {
    title: ['应急演练已逾期 {enterprise}', 'Emergency drill overdue: {enterprise}'],
    body: [
      '{requirementZh}演练应于 {deadline} 前完成，已逾期',
      '{requirementEn} drill was due by {deadline} and has not been held',
    ],
    urgent: true,
  },
  'drill.improvement_due_soon': {
    title: ['演练整改项即将到期：{title}', 'Drill improvement item due soon: {title}'],
    body: [
      '{enterprise}\n责任人 {owner}，应于 {deadline} 前完成（还有 {days} 天）',
      '{enterprise}\nOwner {owner}, due {deadline} ({days} days left)',
    ],
  },
  'drill.improvement_overdue': {
    title: ['演练整改项已逾期：{title}', 'Drill improvement item overdue: {title}'],
    body: [
      '{enterprise}\n责任人 {owner}，应于 {deadline} 前完成',
      '{enterprise}\nOwner {owner}, was due {deadline}',
    ],
    urgent: true,
  },
  'plan.review_due_soon': {
    title: ['预案评审即将到期：{plan}', 'Plan review due soon: {plan}'],
    body: [
      '{owner}\n第 {version} 版应于 {deadline} 前完成评审（还有 {days} 天）',
      '{owner}\nVersion {version} to be reviewed by {deadline} ({days} days left)',
    ],
  },
  'plan.review_overdue': {
    title: ['预案评审已逾期：{plan}', 'Plan review overdue: {plan}'],
    body: [
      '{owner}\n第 {version} 版应于 {deadline} 前完成评审',
      '{owner}\nVersion {version} was to be reviewed by {deadline}',
    ],
    urgent: true,
  },
  'plan.filing_due_soon': {
    title: ['预案备案即将到期：{plan}', 'Plan filing due soon: {plan}'],
    body: [
      '{owner}\n第 {version} 版应于 {deadline} 前报送备案（还有 {days} 天）',
      '{owner}\nVersion {version} to be filed by {deadline} ({days} days left)',
    ],
  },
  'plan.evaluation_due_soon': {
    title: ['预案评估即将到期：{plan}', 'Plan evaluation due soon: {plan}'],
    body: [
      '{owner}\n第 {version} 版应于 {deadline} 前完成评估（还有 {days} 天）',
      '{owner}\nVersion {version} to be evaluated by {deadline} ({days} days left)',
    ],
  },
  'plan.evaluation_overdue': {
    title: ['预案评估已逾期：{plan}', 'Plan evaluation overdue: {plan}'],
    body: [
      '{owner}\n第 {version} 版应于 {deadline} 前完成评估',
      '{owner}\nVersion {version} was to be evaluated by {deadline}',
    ],
    urgent: true,
  },
  'resource.inspection_due_soon': {
    title: ['应急资源即将到检：{resource}', 'Resource inspection due soon: {resource}'],
    body: [
      '{owner} · {address}\n应于 {deadline} 前检验（还有 {days} 天），保管人 {custodian}',
      '{owner} · {address}\nInspection due {deadline} ({days} days left), custodian {custodian}',
    ],
  },
  'resource.inspection_overdue': {
    title: ['应急资源已超期未检：{resource}', 'Resource inspection overdue: {resource}'],
    body: [
      '{owner} · {address}\n应于 {deadline} 前检验，保管人 {custodian}',
      '{owner} · {address}\nInspection was due {deadline}, custodian {custodian}',
    ],
    urgent: true,
  },
  'resource.expiring': {
    title: ['应急资源即将过期：{resource}', 'Resource expiring soon: {resource}'],
    body: [
      '{owner} · {address}\n有效期至 {deadline}（还有 {days} 天），保管人 {custodian}',
      '{owner} · {address}\nExpires {deadline} ({days} days left), custodian {custodian}',
    ],
  },
  'resource.expired': {
    title: ['应急资源已过期：{resource}', 'Resource expired: {resource}'],
    body: [
      '{owner} · {address}\n有效期至 {deadline}，保管人 {custodian}',
      '{owner} · {address}\nExpired {deadline}, custodian {custodian}',
    ],
    urgent: true,
  },
  'contact.certificate_expiring': {
    title: ['证书即将到期：{name} {certificate}', 'Certificate expiring soon: {name}, {certificate}'],
    body: [
      '{organization}\n有效期至 {deadline}（还有 {days} 天）',
      '{organization}\nValid until {deadline} ({days} days left)',
    ],
  },
  'contact.certificate_expired': {
    title: ['证书已过期：{name} {certificate}', 'Certificate expired: {name}, {certificate}'],
    body: ['{organization}\n有效期至 {deadline}', '{organization}\nExpired {deadline}'],
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
