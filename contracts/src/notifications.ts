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
   * The phone path of this kind is a call-out that the duty policy decides (who is paged for
   * which grade): the notification is urgent on screen but texted only to users who ask for it,
   * as a text to everyone beside the page would undo the policy's grading and double the page.
   */
  pagedByDutyPolicy?: boolean;
  /**
   * Params holding an enum value (a severity, a category), by the ENUM_TEXT table that words
   * them: the params stay codes, and each reader sees them in their own language.
   */
  enums?: Record<string, EnumTextKind>;
}

const ROLL_CALL_REQUEST: Bilingual = [
  '请清点{enterprise}全部在岗人员，集合到集结点 {point}（{place}）。回复“到 实到人数/在岗人数”，如“到 45/48”；在其他集结点请加代号，如“到 45/48 B”。集结点：{points}',
  'Count everyone of {enterprise} on shift at assembly point {point} ({place}). Reply "at accounted/on shift", e.g. "at 45/48"; at another point add its letter, e.g. "at 45/48 B". Points: {points}',
];

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
  // Order 16 Art. 18: the regulator reviews an application to resume production.
  'hazard.resumption_applied': {
    title: ['重大事故隐患复产申请待审查 {code}', 'Application to resume production awaiting review {code}'],
    body: ['{enterprise} · {place}\n{note}', '{enterprise} · {place}\n{note}'],
  },
  'hazard.resumption_approved': {
    title: ['复产申请已审查同意 {code}', 'Resumption of production approved {code}'],
    body: ['{enterprise} · {place}\n{note}', '{enterprise} · {place}\n{note}'],
  },
  'hazard.resumption_refused': {
    title: ['复产申请未获同意 {code}', 'Resumption of production refused {code}'],
    body: ['{enterprise} · {place}\n{note}', '{enterprise} · {place}\n{note}'],
    urgent: true,
  },
  'hazard.listed_supervision': {
    title: ['重大事故隐患挂牌督办 {code}', 'Major hazard under listed supervision {code}'],
    body: [
      '{enterprise} · {place}\n督办单位 {body}，整改期限 {deadline}',
      '{enterprise} · {place}\nListed by {body}, to be fixed by {deadline}',
    ],
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
  // The reporting chain (Decree 493 Art. 9–13, 29, 32; SAWS Order 21). {deadline} is zone time.
  'reporting.enterprise_report_due': {
    title: ['事故须于 {deadline} 前报告：{title}', 'Accident report due by {deadline}: {title}'],
    body: [
      '{enterprise}：单位负责人接报后1小时内须向园区（县级应急管理部门）报告。',
      '{enterprise}: the unit must report within 1 hour of its head being informed.',
    ],
    urgent: true,
  },
  'reporting.enterprise_report_overdue': {
    title: ['事故未按时报告（迟报/漏报）：{title}', 'Accident report overdue: {title}'],
    body: [
      '{enterprise}：报告时限 {deadline} 已过，园区尚未收到企业报告。',
      '{enterprise}: the deadline {deadline} has passed without the enterprise’s report.',
    ],
    urgent: true,
  },
  'reporting.provincial_report_due': {
    title: [
      '须于 {deadline} 前直报省级部门：{title}',
      'Direct report to the province due by {deadline}: {title}',
    ],
    body: [
      '{enterprise}：较大及以上事故，企业须在1小时内同时报告省级应急管理部门。',
      '{enterprise}: a relatively serious or graver accident is also reported to the province within the hour.',
    ],
    urgent: true,
  },
  'reporting.provincial_report_overdue': {
    title: ['未按时直报省级部门：{title}', 'Direct report to the province overdue: {title}'],
    body: ['{enterprise}：时限 {deadline} 已过。', '{enterprise}: the deadline {deadline} has passed.'],
    urgent: true,
  },
  'reporting.onward_due': {
    title: ['须于 {deadline} 前报告{level}：{title}', 'Report to the {level} due by {deadline}: {title}'],
    body: [
      '{enterprise}：{severity}，园区接报后每级2小时内逐级上报。',
      '{enterprise}: {severity}; the zone reports up within 2 hours per level.',
    ],
    urgent: true,
    enums: { level: 'reportLevel', severity: 'severity' },
  },
  'reporting.onward_overdue': {
    title: ['未按时报告{level}：{title}', 'Report to the {level} overdue: {title}'],
    body: ['{enterprise}：时限 {deadline} 已过。', '{enterprise}: the deadline {deadline} has passed.'],
    urgent: true,
    enums: { level: 'reportLevel' },
  },
  'reporting.follow_up_due': {
    title: ['须于 {deadline} 前续报：{title}', 'Follow-up report due by {deadline}: {title}'],
    body: [
      '{enterprise}：应急处置期间每 {hours} 小时至少续报一次。',
      '{enterprise}: while the response lasts, a follow-up at least every {hours} hours.',
    ],
    urgent: true,
  },
  'reporting.follow_up_overdue': {
    title: ['续报已逾期：{title}', 'Follow-up report overdue: {title}'],
    body: ['{enterprise}：时限 {deadline} 已过。', '{enterprise}: the deadline {deadline} has passed.'],
    urgent: true,
  },
  'reporting.supplement_due': {
    title: [
      '伤亡人数变化，须于 {deadline} 前补报：{title}',
      'Casualties changed: report due by {deadline}: {title}',
    ],
    body: ['{enterprise}：{note}', '{enterprise}: {note}'],
    urgent: true,
  },
  'reporting.supplement_overdue': {
    title: ['补报已逾期：{title}', 'Report of changed casualties overdue: {title}'],
    body: [
      '{enterprise}：时限 {deadline} 已过。{note}',
      '{enterprise}: the deadline {deadline} has passed. {note}',
    ],
    urgent: true,
  },
  'investigation.report_due': {
    title: ['事故调查报告须于 {deadline} 前提交：{title}', 'Investigation report due {deadline}: {title}'],
    body: [
      '{enterprise}：自事故发生之日起60日内（经批准可延长，最长60日）。',
      '{enterprise}: within 60 days of the accident (extensible by at most 60, with approval).',
    ],
  },
  'investigation.report_overdue': {
    title: ['事故调查报告已逾期：{title}', 'Investigation report overdue: {title}'],
    body: ['{enterprise}：时限 {deadline} 已过。', '{enterprise}: the deadline {deadline} has passed.'],
    urgent: true,
  },
  'investigation.reply_due': {
    title: [
      '事故调查报告须于 {deadline} 前批复：{title}',
      'Reply to the investigation report due {deadline}: {title}',
    ],
    body: [
      '{enterprise}：收到调查报告之日起{days}日内批复。',
      '{enterprise}: within {days} days of receiving the report.',
    ],
  },
  'investigation.reply_overdue': {
    title: ['事故调查报告批复已逾期：{title}', 'Reply to the investigation report overdue: {title}'],
    body: ['{enterprise}：时限 {deadline} 已过。', '{enterprise}: the deadline {deadline} has passed.'],
    urgent: true,
  },
  'incident.filed': {
    title: ['新事故报告：{title}', 'New incident reported: {title}'],
    body: [
      '{enterprise} · {severity} · {category}\n{address}',
      '{enterprise} · {severity} · {category}\n{address}',
    ],
    urgent: true,
    pagedByDutyPolicy: true,
    enums: { severity: 'severity', category: 'category' },
  },
  'incident.regraded': {
    title: ['事故等级上调：{title}', 'Incident grade raised: {title}'],
    body: ['{enterprise}：{from} → {to}', '{enterprise}: {from} → {to}'],
    urgent: true,
    pagedByDutyPolicy: true,
    enums: { from: 'severity', to: 'severity' },
  },
  'duty.paged': {
    title: ['值班呼叫：{title}', 'Duty page: {title}'],
    body: [
      '{enterprise} · {address}\n请尽快确认接警（回复短信或打开链接）',
      '{enterprise} · {address}\nPlease acknowledge (reply to the SMS or open its link)',
    ],
    urgent: true,
    pagedByDutyPolicy: true,
  },
  // Deadlines the reminder scheduler follows. `{days}` is whole calendar days left in the zone.
  // Roll call (清点人数): asks an enterprise for its headcount at the assembly point, by text too.
  'rollcall.requested': {
    title: ['清点人数：{incident}', 'Roll call: {incident}'],
    body: ROLL_CALL_REQUEST,
    urgent: true,
  },
  'rollcall.requested_drill': {
    title: ['【演练】清点人数：{incident}', '[DRILL] Roll call: {incident}'],
    body: ROLL_CALL_REQUEST,
    urgent: true,
  },
  'drill.duty_due_soon': {
    title: ['应急演练即将到期 {enterprise}', 'Emergency drill due soon: {enterprise}'],
    body: [
      '{requirement}演练应于 {deadline} 前完成（还有 {days} 天）',
      '{requirement} drill due by {deadline} ({days} days left)',
    ],
    enums: { requirement: 'drillRequirement' },
  },
  'drill.duty_overdue': {
    title: ['应急演练已逾期 {enterprise}', 'Emergency drill overdue: {enterprise}'],
    body: [
      '{requirement}演练应于 {deadline} 前完成，已逾期',
      '{requirement} drill was due by {deadline} and has not been held',
    ],
    urgent: true,
    enums: { requirement: 'drillRequirement' },
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
  'plan.filing_overdue': {
    title: ['预案备案已逾期：{plan}', 'Plan filing overdue: {plan}'],
    body: [
      '{owner}\n第 {version} 版应于 {deadline} 前报送备案，尚未登记备案',
      '{owner}\nVersion {version} was to be filed by {deadline}; no filing is recorded',
    ],
    urgent: true,
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
  'risk.reassessment_due': {
    title: ['风险点即将到期复评：{point}', 'Risk point due for reassessment: {point}'],
    body: [
      '{enterprise} · {place}\n应于 {deadline} 前复评（还有 {days} 天）',
      '{enterprise} · {place}\nReassessment due {deadline} ({days} days left)',
    ],
  },
  'risk.reassessment_overdue': {
    title: ['风险点超期未复评：{point}', 'Risk point reassessment overdue: {point}'],
    body: [
      '{enterprise} · {place}\n应于 {deadline} 前复评',
      '{enterprise} · {place}\nReassessment was due {deadline}',
    ],
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
  // Enforcement: the deadline an order to rectify sets (to the enterprise and the inspector).
  'enforcement.rectification_due': {
    title: ['责令限期整改即将到期：{enterprise}', 'Order to rectify due soon: {enterprise}'],
    body: [
      '{documentNo}\n应于 {deadline} 前整改完毕（还有 {days} 天）',
      '{documentNo}\nRectification due by {deadline} ({days} days left)',
    ],
  },
  'enforcement.rectification_overdue': {
    title: ['责令限期整改已逾期：{enterprise}', 'Order to rectify overdue: {enterprise}'],
    body: [
      '{documentNo}\n应于 {deadline} 前整改完毕，尚未复查',
      '{documentNo}\nRectification was due {deadline}; not yet re-inspected',
    ],
    urgent: true,
  },
  // The party's period to state its case or ask for a hearing (to the inspector).
  'enforcement.statement_period_ending': {
    title: ['陈述申辩期即将届满：{enterprise}', 'Statement period ending: {enterprise}'],
    body: [
      '{documentNo}\n陈述、申辩期至 {deadline}（还有 {days} 天）',
      '{documentNo}\nThe party may state its case until {deadline} ({days} days left)',
    ],
  },
  'enforcement.statement_period_ended': {
    title: ['陈述申辩期已届满：{enterprise}', 'Statement period ended: {enterprise}'],
    body: [
      '{documentNo}\n陈述、申辩期已于 {deadline} 届满，可作出行政处罚决定',
      '{documentNo}\nThe statement period ended {deadline}; the penalty may now be decided',
    ],
  },
  'training.hours_short': {
    title: ['培训学时不足：{name}', 'Training hours short: {name}'],
    body: [
      '{organization}\n本年度已完成 {hours} 学时，应完成 {required} 学时，还差 {shortBy} 学时；{deadline} 前完成（还有 {days} 天）',
      '{organization}\n{hours} of {required} hours this year, {shortBy} short; due by {deadline} ({days} days left)',
    ],
  },
  'contact.certificate_review_due': {
    title: [
      '特种作业操作证待复审：{name} {certificate}',
      'Special operation certificate review due: {name}, {certificate}',
    ],
    body: [
      '{organization}\n应于 {deadline} 前复审（还有 {days} 天）',
      '{organization}\nReview due by {deadline} ({days} days left)',
    ],
  },
  'contact.certificate_review_overdue': {
    title: [
      '特种作业操作证逾期未复审：{name} {certificate}',
      'Special operation certificate review overdue: {name}, {certificate}',
    ],
    body: ['{organization}\n应于 {deadline} 前复审', '{organization}\nReview was due {deadline}'],
    urgent: true,
  },
  // Live monitoring: a reading out of band for the point's delay. {value} and {limit} carry the unit.
  'monitoring.alarm': {
    title: [
      '监测报警（{level}）：{installation} {point}',
      'Monitoring alarm ({level}): {installation} {point}',
    ],
    body: [
      '{enterprise} · {point} 读数 {value}，超过报警值 {limit}\n请确认并处置',
      '{enterprise} · {point} read {value}, past its limit {limit}\nPlease acknowledge and dispose',
    ],
    urgent: true,
    enums: { level: 'alarmLevel' },
  },
  // The assessment: each enterprise's result on publication, and its objections both ways.
  'assessment.published': {
    title: ['{year}年度安全生产监督考核结果已公布', 'The {year} safety assessment results are published'],
    body: [
      '{enterprise}：得分 {total} 分，等次 {band}，第 {rank} 名\n如有异议，请于 {until} 前提出',
      '{enterprise}: {total} points, band {band}, ranked {rank}\nObjections are taken until {until}',
    ],
    enums: { band: 'assessmentBand' },
  },
  'assessment.objection_filed': {
    title: ['考核异议待答复：{enterprise}', 'Assessment objection awaiting a reply: {enterprise}'],
    body: ['{year}年度考核\n{text}', '{year} assessment\n{text}'],
  },
  'assessment.objection_replied': {
    title: ['考核异议已答复', 'Assessment objection answered'],
    body: ['{year}年度考核 · {enterprise}\n{reply}', '{year} assessment · {enterprise}\n{reply}'],
  },
  'assessment.objection_unanswered': {
    title: ['考核异议尚未答复：{enterprise}', 'Assessment objection still unanswered: {enterprise}'],
    body: [
      '{year}年度考核，异议期至 {deadline}（还有 {days} 天）\n{text}',
      '{year} assessment, objection period ends {deadline} ({days} days left)\n{text}',
    ],
  },
  'work_plan.submission_due': {
    title: ['实施方案即将截止报送：{year}年度', 'Implementation plan due soon: {year}'],
    body: [
      '{enterprise}\n请于 {deadline} 前报送本企业{year}年度安全生产工作实施方案（还有 {days} 天）',
      '{enterprise}\nSubmit your {year} safety work implementation plan by {deadline} ({days} days left)',
    ],
  },
  'work_plan.submission_overdue': {
    title: ['实施方案逾期未报送：{year}年度', 'Implementation plan overdue: {year}'],
    body: [
      '{enterprise}\n报送期限 {deadline} 已过，请尽快报送{year}年度安全生产工作实施方案',
      '{enterprise}\nThe {year} implementation plan was due {deadline}; please submit it now',
    ],
  },
  'work_plan.submitted': {
    title: ['实施方案待审核：{enterprise}', 'Implementation plan to review: {enterprise}'],
    body: ['{year}年度 · 第 {version} 次报送', '{year} · submission {version}'],
  },
  'work_plan.returned': {
    title: ['实施方案被退回修改：{year}年度', 'Implementation plan returned: {year}'],
    body: ['{enterprise}\n{comment}', '{enterprise}\n{comment}'],
  },
  'work_plan.approved': {
    title: ['实施方案审核通过：{year}年度', 'Implementation plan approved: {year}'],
    body: [
      '{enterprise}\n请按季度报送任务进展（季度结束后 10 日内）',
      '{enterprise}\nReport progress each quarter (within 10 days of its end)',
    ],
  },
  'work_plan.progress_due': {
    title: [
      '实施方案季度进展即将截止：{year}年第{quarter}季度',
      'Quarterly progress due soon: {year} Q{quarter}',
    ],
    body: [
      '{enterprise}\n请于 {deadline} 前报送（还有 {days} 天）',
      '{enterprise}\nReport by {deadline} ({days} days left)',
    ],
  },
  'work_plan.progress_overdue': {
    title: [
      '实施方案季度进展逾期未报：{year}年第{quarter}季度',
      'Quarterly progress overdue: {year} Q{quarter}',
    ],
    body: ['{enterprise}\n报送期限 {deadline} 已过', '{enterprise}\nThe report was due {deadline}'],
  },
  'organisation.decision_due': {
    title: ['督办事项即将到期：{item}', 'Supervised decision due soon: {item}'],
    body: [
      '{meeting} 交办 · 责任：{responsible}\n应于 {deadline} 前办结（还有 {days} 天）',
      'Assigned at {meeting} · responsible: {responsible}\nDue by {deadline} ({days} days left)',
    ],
  },
  'organisation.decision_overdue': {
    title: ['督办事项逾期未办结：{item}', 'Supervised decision overdue: {item}'],
    body: [
      '{meeting} 交办 · 责任：{responsible}\n应于 {deadline} 前办结',
      'Assigned at {meeting} · responsible: {responsible}\nWas due {deadline}',
    ],
    urgent: true,
  },
  // A holder of a post is asked to sign its safety responsibility statement (责任书) by their link.
  'responsibility_statement.sign_requested': {
    title: ['请签署岗位安全生产责任书：{post}', 'Please sign your safety responsibility statement: {post}'],
    body: [
      '{enterprise} · {unit} · 第 {version} 版\n签署链接：{link}',
      '{enterprise} · {unit} · version {version}\nSign here: {link}',
    ],
  },
  'responsibility_statement.unsigned': {
    title: [
      '岗位安全生产责任书未签署：{name} {post}',
      'Safety responsibility statement not signed: {name}, {post}',
    ],
    body: [
      '{enterprise} · {unit} · 第 {version} 版，应于 {deadline} 前签署\n签署链接：{link}',
      '{enterprise} · {unit} · version {version}, to be signed by {deadline}\nSign here: {link}',
    ],
  },
  'inspection.due': {
    title: ['排查任务：{plan}', 'Inspection due: {plan}'],
    body: ['{who}\n应于 {period} 完成', '{who}\nTo be done {period}'],
  },
  'accountability.overdue': {
    title: ['追责措施逾期未落实：{finding}', 'Accountability measure overdue: {finding}'],
    body: [
      '责任人：{persons}\n应于 {deadline} 前落实',
      'Persons: {persons}\nWas to be carried out by {deadline}',
    ],
    urgent: true,
  },
  'spot_check.assigned': {
    title: ['双随机抽查任务：{task}', 'Spot check assigned: {task}'],
    body: ['{who}\n应于 {period} 完成', '{who}\nTo be done {period}'],
  },
} satisfies Record<string, NotificationKindText>;

export type NotificationKind = keyof typeof NOTIFICATION_TEXT;
export const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_TEXT) as NotificationKind[];

export type NotificationParams = Record<string, string | number>;

/** Urgent kinds that every recipient gets by text too, whatever their preferences. */
export function isAlwaysTexted(kind: NotificationKind): boolean {
  return isUrgentKind(kind) && (NOTIFICATION_TEXT[kind] as NotificationKindText).pagedByDutyPolicy !== true;
}

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
