/**
 * How the records people read and print word what happened: a room event as a sentence, who
 * did it (a person by name, the system's jobs by what they did), and every enum value in words.
 * One source for the console (timeline, prints, audit, queues) and the server (the drill
 * report, the activity export), in both of the console's languages: nothing a person reads
 * carries an event code, an enum value or a job's internal name.
 *
 * Texts are pairs `[zh-CN, en]`; templates name their values in braces (`{title}`).
 */
import type { AnswerChannel, CalloutStatusValue, RecipientStateValue } from './callouts.js';
import type { DrillForm, DrillRequirement, DrillScope, InjectKind } from './drills.js';
import type {
  DispatchState,
  IncidentCategory,
  IncidentStatus,
  MapFeatureKind,
  ResponseLevel,
  RoomActor,
  RoomEventType,
  Severity,
  TaskStatus,
} from './incidents.js';
import type { RoomEventPayloads, TypedRoomEvent } from './room-events.js';
import type { ChainActKind, ReportChannel, ReportLevel } from './reporting-chain.js';
import type { RollCallChannel } from './rollcall.js';
import { responseLevelName } from './response-level-name.js';
import type { Role } from './roles.js';

export const RECORD_LANGUAGES = ['zh-CN', 'en'] as const;
export type RecordLanguage = (typeof RECORD_LANGUAGES)[number];

/** One text in both languages: `[zh-CN, en]`. */
export type Bilingual = readonly [zh: string, en: string];

/** The zone works in Chinese: anything that is not English is read as Chinese. */
export function recordLanguage(value: unknown): RecordLanguage {
  return typeof value === 'string' && /^en\b/i.test(value) ? 'en' : 'zh-CN';
}

export function inLanguage(text: Bilingual, lang: RecordLanguage): string {
  return text[lang === 'en' ? 1 : 0];
}

/** Fills `{name}` placeholders; a value left out stays visible as its placeholder. */
export function fillText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

function levelWords(level: ResponseLevel): Bilingual {
  return [responseLevelName(level, 'zh-CN'), responseLevelName(level, 'en')];
}

/** Every enum value that reaches a record, by the enum's name. */
export const ENUM_TEXT = {
  assessmentBand: {
    excellent: ['优秀', 'Excellent'],
    good: ['良好', 'Good'],
    pass: ['合格', 'Pass'],
    fail: ['不合格', 'Fail'],
  },
  alarmLevel: {
    high: ['高报', 'High'],
    high_high: ['高高报', 'High-high'],
    low: ['低报', 'Low'],
    low_low: ['低低报', 'Low-low'],
  },
  severity: {
    especially_serious: ['特别重大事故', 'Especially serious'],
    serious: ['重大事故', 'Serious'],
    relatively_serious: ['较大事故', 'Relatively serious'],
    ordinary: ['一般事故', 'Ordinary'],
  } satisfies Record<Severity, Bilingual>,
  category: {
    fire: ['火灾', 'Fire'],
    explosion: ['爆炸', 'Explosion'],
    hazardous_chemical_leak: ['危险化学品泄漏', 'Hazardous chemical leak'],
    poisoning_asphyxiation: ['中毒和窒息', 'Poisoning or asphyxiation'],
    mechanical_injury: ['机械伤害', 'Mechanical injury'],
    electrocution: ['触电', 'Electrocution'],
    fall_from_height: ['高处坠落', 'Fall from height'],
    object_strike: ['物体打击', 'Struck by object'],
    collapse: ['坍塌', 'Collapse'],
    confined_space: ['有限空间作业事故', 'Confined space accident'],
    road_traffic: ['道路交通事故', 'Road traffic accident'],
    natural_disaster: ['自然灾害', 'Natural disaster'],
    other: ['其他事故', 'Other'],
  } satisfies Record<IncidentCategory, Bilingual>,
  incidentStatus: {
    reported: ['已报告', 'Reported'],
    verified: ['已核实', 'Verified'],
    responding: ['处置中', 'Responding'],
    contained: ['已控制', 'Contained'],
    closed: ['已结束', 'Closed'],
  } satisfies Record<IncidentStatus, Bilingual>,
  // One way to name a level everywhere: the numeral joined to a code read "IⅠ级", a level II.
  responseLevel: {
    I: levelWords('I'),
    II: levelWords('II'),
    III: levelWords('III'),
    IV: levelWords('IV'),
  } satisfies Record<ResponseLevel, Bilingual>,
  taskStatus: {
    open: ['待接受', 'Open'],
    accepted: ['执行中', 'In progress'],
    done: ['已完成', 'Done'],
    cancelled: ['已取消', 'Cancelled'],
  } satisfies Record<TaskStatus, Bilingual>,
  mapFeatureKind: {
    incident_point: ['事发点', 'incident point'],
    hazard_zone: ['危险区域', 'hazard zone'],
    cordon: ['警戒区', 'cordon'],
    evacuation_route: ['疏散路线', 'evacuation route'],
    command_post: ['现场指挥部', 'command post'],
    assembly_point: ['集结点', 'assembly point'],
  } satisfies Record<MapFeatureKind, Bilingual>,
  dispatchState: {
    en_route: ['在途', 'En route'],
    on_scene: ['到场', 'On scene'],
    released: ['已撤回', 'Released'],
  } satisfies Record<DispatchState, Bilingual>,
  recipientState: {
    pending: ['待通知', 'Pending'],
    notified: ['已通知', 'Notified'],
    acknowledged: ['已确认', 'Acknowledged'],
    declined: ['已拒绝', 'Declined'],
    exhausted: ['未能联系上', 'Could not be reached'],
  } satisfies Record<RecipientStateValue, Bilingual>,
  calloutChannel: {
    sms: ['短信', 'SMS'],
    voice: ['语音电话', 'voice call'],
    link: ['短信链接', 'SMS link'],
    console: ['控制台', 'console'],
  } satisfies Record<AnswerChannel, Bilingual>,
  calloutStatus: {
    active: ['进行中', 'active'],
    succeeded: ['确认人数已够', 'enough acknowledged'],
    cancelled: ['已取消', 'cancelled'],
    exhausted: ['各梯队均已呼叫完毕', 'every tier paged'],
  } satisfies Record<CalloutStatusValue, Bilingual>,
  injectKind: {
    message: ['消息', 'message'],
    incident_report: ['模拟事故报告', 'simulated incident report'],
    map_event: ['地图事件', 'map event'],
    resource_unavailable: ['资源不可用', 'resource unavailable'],
    responder_unreachable: ['人员联系不上', 'responder unreachable'],
  } satisfies Record<InjectKind, Bilingual>,
  rollCallChannel: {
    console: ['控制台', 'console'],
    sms: ['短信', 'SMS'],
    link: ['应急队员页面', 'responder page'],
  } satisfies Record<RollCallChannel, Bilingual>,
  drillForm: {
    tabletop: ['桌面演练', 'tabletop'],
    live: ['实战演练', 'live'],
  } satisfies Record<DrillForm, Bilingual>,
  drillScope: {
    single_function: ['单项演练', 'single-function'],
    comprehensive: ['综合演练', 'comprehensive'],
  } satisfies Record<DrillScope, Bilingual>,
  drillRequirement: {
    comprehensive_or_special: ['综合或专项应急预案', 'Comprehensive or special plan'],
    on_site: ['现场处置方案', 'On-site disposal plan'],
    any_plan: ['应急预案（任一级）', 'Any plan (half-yearly, listed unit)'],
  } satisfies Record<DrillRequirement, Bilingual>,
  reportLevel: {
    city: ['设区的市级应急管理部门', 'city bureau'],
    province: ['省级应急管理部门', 'provincial bureau'],
    national: ['国务院应急管理部门', 'State Council department'],
  } satisfies Record<ReportLevel, Bilingual>,
  reportChannel: {
    phone: ['电话', 'phone'],
    fax: ['传真', 'fax'],
    online_system: ['信息报送系统', 'online reporting system'],
    email: ['电子邮件', 'email'],
    document: ['书面文件', 'written document'],
    in_person: ['当面报告', 'in person'],
  } satisfies Record<ReportChannel, Bilingual>,
  chainActKind: {
    enterprise_report: ['企业事故报告', "enterprise's report"],
    onward: ['向上级报告', 'onward report'],
    provincial: ['企业直报省级部门', "enterprise's direct report to the province"],
    casualty_change: ['伤亡人数变化', 'change in casualties'],
    investigation_report: ['事故调查报告', 'investigation report'],
    investigation_extension: ['调查期限延长', 'investigation extended'],
    investigation_reply: ['事故调查报告批复', 'reply to the investigation report'],
  } satisfies Record<ChainActKind, Bilingual>,
  role: {
    zone_admin: ['园区管理员', 'Zone administrator'],
    commander: ['应急指挥员', 'Commander'],
    inspector: ['安全监管员', 'Safety inspector'],
    enterprise_officer: ['企业安全管理员', 'Enterprise safety officer'],
    responder: ['应急队员', 'Responder'],
    evaluator: ['演练评估员', 'Drill evaluator'],
    system: ['系统', 'System'],
  } satisfies Record<Role | 'system', Bilingual>,
} as const;

export type EnumTextKind = keyof typeof ENUM_TEXT;

/** An enum value in words; a value this version does not know (a newer server) is shown as is. */
export function enumText<K extends EnumTextKind>(
  kind: K,
  value: keyof (typeof ENUM_TEXT)[K] | (string & {}) | null | undefined,
  lang: RecordLanguage,
): string {
  if (value === null || value === undefined) return '';
  const table = ENUM_TEXT[kind] as Record<string, Bilingual>;
  const text = Object.hasOwn(table, value) ? table[value as string] : undefined;
  return text ? inLanguage(text, lang) : String(value);
}

/**
 * The background work of the system, by what it does: queues and jobs by their names
 * (`server/src/jobs/job.types.ts`, whose spec checks that each has its text here), and the other
 * system actors (`RequestContext.runAsSystem`).
 */
export const QUEUE_TEXT: Record<string, Bilingual> = {
  hazards: ['期限提醒与检查排期', 'Deadline reminders and inspection scheduling'],
  callouts: ['召集与升级', 'Call-outs and escalation'],
  deliveries: ['短信与电话', 'SMS and calls'],
  drills: ['演练时钟', 'Drill clock'],
};

export const JOB_TEXT: Record<string, Bilingual> = {
  'hazard-deadline-scan': ['隐患期限检查', 'Hazard deadline check'],
  'hazard-reminder': ['隐患提醒', 'Hazard reminder'],
  'reminder-scan': ['期限提醒检查', 'Deadline reminder check'],
  'inspection-schedule-scan': ['检查计划排期', 'Inspection scheduling'],
  'outbox-relay': ['任务补发', 'Job relay'],
  'callout-tier-start': ['梯队呼叫', 'Tier paging'],
  'callout-tier-timeout': ['梯队应答超时', 'Tier answer timeout'],
  'callout-voice-escalation': ['语音升级', 'Voice escalation'],
  'drill-inject-due': ['演练注入', 'Drill inject'],
  'drill-clock-sweep': ['演练时钟巡检', 'Drill clock check'],
  'send-sms': ['发送短信', 'Sending SMS'],
  'send-sms-batch': ['批量发送短信', 'Sending SMS in batches'],
  'place-call': ['拨打电话', 'Placing calls'],
  'send-notification-sms': ['发送提醒短信', 'Sending reminder SMS'],
  'duty-alert': ['按值班策略呼叫', 'Paging by the duty policy'],
  'reading-partitions': ['监测读数分区维护', 'Sensor reading partitions kept'],
};

/** A queue or a job by what it does; one this version does not know, by its name. */
export function queueText(name: string, lang: RecordLanguage): string {
  return Object.hasOwn(QUEUE_TEXT, name) ? inLanguage(QUEUE_TEXT[name]!, lang) : name;
}

export function jobText(name: string, lang: RecordLanguage): string {
  return Object.hasOwn(JOB_TEXT, name) ? inLanguage(JOB_TEXT[name]!, lang) : name;
}

const SYSTEM_ACTOR_TEXT: Record<string, Bilingual> = {
  'demo-seed': ['演示数据', 'Demo data'],
};

const SYSTEM: Bilingual = ['系统', 'System'];
const SYSTEM_DOING: Bilingual = ['系统：{what}', 'System: {what}'];

/**
 * Who did it: a person by name; the system by what it was doing ("系统：语音升级" for the voice
 * escalation job), from the name the server records for it (`job:<job name>`, `demo-seed`,
 * `system`; in the audit log `system:` before it).
 */
export function actorText(actor: Pick<RoomActor, 'name' | 'role'>, lang: RecordLanguage): string {
  if (actor.role !== 'system') return actor.name;
  return systemActorText(actor.name, lang);
}

/** A system actor's recorded name in words (see `actorText`). */
export function systemActorText(name: string, lang: RecordLanguage): string {
  const bare = name.replace(/^system:/, '');
  const what = bare.startsWith('job:') ? JOB_TEXT[bare.slice('job:'.length)] : SYSTEM_ACTOR_TEXT[bare];
  return what
    ? fillText(inLanguage(SYSTEM_DOING, lang), { what: inLanguage(what, lang) })
    : inLanguage(SYSTEM, lang);
}

/** A scenario second on the drill clock, as planners write it: T+mm:ss. */
export function scenarioOffsetText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `T+${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
}

/** The sentence of each room event, with its values in braces. */
export const ROOM_EVENT_TEXT = {
  reported: [
    '提交事故快报：{title}（{category}，{severity}）',
    'Filed the incident report: {title} ({category}, {severity})',
  ],
  late: ['（迟报）', ' (late)'],
  supplementary: ['续报：{summary}', 'Supplementary report: {summary}'],
  supplementaryLate: [
    '续报（已过续报期限）：{summary}',
    'Supplementary report (after the window): {summary}',
  ],
  regraded: ['事故等级由{from}调整为{to}', 'Re-graded from {from} to {to}'],
  takenInCharge: [
    '{name}已接警（报告后{minutes}分钟）',
    '{name} took charge ({minutes} min after the report)',
  ],
  statusChanged: ['状态由「{from}」变更为「{to}」', 'Status changed from “{from}” to “{to}”'],
  statusReason: ['原因：{reason}', 'Reason: {reason}'],
  levelSet: ['启动{to}', 'Activated {to}'],
  levelChanged: ['响应级别由{from}调整为{to}', 'Response level changed from {from} to {to}'],
  message: ['{text}', '{text}'],
  taskCreated: ['新建任务：{title}', 'New task: {title}'],
  taskUpdated: ['任务「{title}」：{status}', 'Task “{title}”: {status}'],
  consequenceModelled: [
    '运行后果模型：{title}（{zones} 个影响区）',
    'Ran a consequence model: {title} ({zones} threat zones)',
  ],
  rollCallOpened: [
    '开始清点人数：{points} 个集结点，{enterprises} 家企业',
    'Roll call opened: {points} assembly points, {enterprises} enterprises',
  ],
  rollCallCounted: [
    '{enterprise}在集结点 {point} 清点：实到 {accounted} / 在岗 {expected} 人（{channel}）；全部：{allAccounted} / {allExpected}',
    '{enterprise} at point {point}: {accounted} of {expected} accounted for ({channel}); overall {allAccounted} of {allExpected}',
  ],
  rollCallCheckedIn: [
    '{name}在集结点 {point} 签到（{channel}）',
    '{name} checked in at point {point} ({channel})',
  ],
  rollCallMissingNamed: ['失联人员：{name}（{enterprise}）', 'Missing: {name} ({enterprise})'],
  rollCallMissingCleared: ['{name}已从失联名单移除', '{name} taken off the missing list'],
  rollCallAllAccounted: [
    '人员全部清点到位：{expected} 人（开始清点后 {minutes} 分钟）',
    'Everyone accounted for: {expected} people ({minutes} min after the roll call opened)',
  ],
  rollCallClosed: [
    '清点人数结束：应到 {expected} 人，实到 {accounted} 人，失联 {missing} 人',
    'Roll call closed: {accounted} of {expected} accounted for, {missing} missing',
  ],
  warningSent: [
    '向「{area}」发布预警（{action}）：{enterprises} 家企业、{targets} 个敏感目标、{phones} 个号码',
    'Warned “{area}” ({action}): {enterprises} enterprises, {targets} sensitive targets, {phones} numbers',
  ],
  warningUpdated: ['更新「{area}」的预警（{action}）', 'Updated the warning for “{area}” ({action})'],
  warningCancelled: ['撤销「{area}」的预警', 'Cancelled the warning for “{area}”'],
  warningActionShelter: ['就地避险', 'shelter in place'],
  warningActionEvacuate: ['疏散撤离', 'evacuate'],
  featureAdded: ['标绘{kind}{label}', 'Drew {kind}{label}'],
  featureUpdated: ['修改{kind}{label}', 'Changed {kind}{label}'],
  featureRemoved: ['删除{kind}', 'Deleted {kind}'],
  featureLabel: ['「{label}」', ' “{label}”'],
  dispatched: ['调派资源：{label}', 'Dispatched: {label}'],
  dispatchChanged: ['{label}：{from} → {to}', '{label}: {from} → {to}'],
  calloutStarted: [
    '发起应急呼叫：{message}（{recipients} 人）',
    'Call-out started: {message} ({recipients} people)',
  ],
  calloutOutsideRoster: ['；{count} 人不在演练名单中，未呼叫', '; {count} off the drill roster not paged'],
  calloutTierPaged: [
    '呼叫第 {tier} 梯队（{recipients} 人，{channels}）',
    'Paged tier {tier} ({recipients} people, {channels})',
  ],
  calloutRepeated: [
    '无人应答，第 {tier} 梯队第 {round} 轮重呼',
    'No answer: tier {tier} paged again, round {round}',
  ],
  calloutEscalated: ['应答人数不足，升级呼叫第 {tier} 梯队', 'Too few answered: escalated to tier {tier}'],
  calloutRecipient: ['{name}：{state}', '{name}: {state}'],
  calloutRecipientVia: ['{name}：{state}（{channel}）', '{name}: {state} ({channel})'],
  calloutLocationShared: ['{name} 共享了当前位置', '{name} shared their position'],
  calloutEnded: [
    '应急呼叫结束（{status}）：{acknowledged} / {recipients} 人确认',
    'Call-out ended ({status}): {acknowledged} of {recipients} acknowledged',
  ],
  drillStarted: ['演练开始：{title}（{form}，{scope}）', 'Drill started: {title} ({form}, {scope})'],
  drillInject: ['演练注入 {time}（{kind}）：{synopsis}', 'Drill inject at {time} ({kind}): {synopsis}'],
  drillInjectManual: [
    '演练注入（手动发布）{time}（{kind}）：{synopsis}',
    'Drill inject released by hand at {time} ({kind}): {synopsis}',
  ],
  drillInjectSkipped: ['演练注入已跳过：{synopsis}', 'Drill inject skipped: {synopsis}'],
  drillPaused: ['演练暂停于 {time}', 'Drill paused at {time}'],
  drillResumed: ['演练继续于 {time}', 'Drill resumed at {time}'],
  drillEnded: ['演练结束于 {time}', 'Drill ended at {time}'],
  drillRealIncident: [
    '真实事件！演练期间上报：{title}（{enterprise}，{severity}）',
    'REAL INCIDENT reported during the drill: {title} ({enterprise}, {severity})',
  ],
  chainEnterpriseReport: ['企业已报告事故（单位负责人接报后报告）', 'The enterprise reported the accident'],
  chainOnward: [
    '已向{level}报告（{channel}，{recipient}）',
    'Reported onward to the {level} ({channel}, {recipient})',
  ],
  chainProvincial: [
    '企业已直报省级应急管理部门（{channel}，{recipient}）',
    'The enterprise reported straight to the province ({channel}, {recipient})',
  ],
  chainCasualtyChange: [
    '伤亡人数发生变化，当日须补报：{note}',
    'Casualties changed, a report is due today: {note}',
  ],
  chainInvestigationReport: ['收到事故调查报告', 'Investigation report received'],
  chainInvestigationExtension: [
    '事故调查期限延长 {days} 天（批准：{approver}）：{note}',
    'Investigation extended by {days} days (approved by {approver}): {note}',
  ],
  chainInvestigationReply: ['事故调查报告已批复，结案', 'Investigation report answered; the file is closed'],
  noEnterprise: ['园区', 'the zone'],
  listSeparator: ['、', ', '],
} satisfies Record<string, Bilingual>;

type Describer<T extends RoomEventType> = (
  p: RoomEventPayloads[T],
  say: (key: keyof typeof ROOM_EVENT_TEXT, values?: Record<string, string | number>) => string,
  word: <K extends EnumTextKind>(kind: K, value: Parameters<typeof enumText<K>>[1]) => string,
) => string;

/** One describer per room event type: the compiler refuses a type without its sentence. */
const DESCRIBE: { [T in RoomEventType]: Describer<T> } = {
  'incident.reported': (p, say, word) =>
    say('reported', {
      title: p.title,
      category: word('category', p.category),
      severity: word('severity', p.severity),
    }) + (p.late ? say('late') : ''),
  'incident.supplementary_report': (p, say) =>
    say(p.outsideWindow ? 'supplementaryLate' : 'supplementary', { summary: p.summary }),
  'incident.regraded': (p, say, word) =>
    say('regraded', { from: word('severity', p.from), to: word('severity', p.to) }),
  'reporting.act_recorded': ({ act }, say, word) => {
    switch (act.kind) {
      case 'enterprise_report':
        return say('chainEnterpriseReport');
      case 'onward':
        return say('chainOnward', {
          level: word('reportLevel', act.level),
          channel: word('reportChannel', act.channel),
          recipient: act.recipient ?? '',
        });
      case 'provincial':
        return say('chainProvincial', {
          channel: word('reportChannel', act.channel),
          recipient: act.recipient ?? '',
        });
      case 'casualty_change':
        return say('chainCasualtyChange', { note: act.note });
      case 'investigation_report':
        return say('chainInvestigationReport');
      case 'investigation_extension':
        return say('chainInvestigationExtension', {
          days: act.extensionDays ?? 0,
          approver: act.approver ?? '',
          note: act.note,
        });
      case 'investigation_reply':
        return say('chainInvestigationReply');
      default:
        return word('chainActKind', act.kind);
    }
  },
  'incident.taken_in_charge': (p, say) =>
    say('takenInCharge', { name: p.name, minutes: Math.max(0, Math.round(p.secondsSinceReported / 60)) }),
  'incident.status_changed': (p, say, word) => {
    const line = say('statusChanged', {
      from: word('incidentStatus', p.from),
      to: word('incidentStatus', p.to),
    });
    return p.reason ? `${line} · ${say('statusReason', { reason: p.reason })}` : line;
  },
  'incident.level_set': (p, say, word) =>
    p.from
      ? say('levelChanged', { from: word('responseLevel', p.from), to: word('responseLevel', p.to) })
      : say('levelSet', { to: word('responseLevel', p.to) }),
  message: (p, say) => say('message', { text: p.text }),
  'task.created': (p, say) => say('taskCreated', { title: p.task.title }),
  'task.updated': (p, say, word) =>
    say('taskUpdated', { title: p.task.title, status: word('taskStatus', p.task.status) }),
  'warning.sent': (p, say) => {
    const action = say(p.action === 'evacuate' ? 'warningActionEvacuate' : 'warningActionShelter');
    if (p.msgType === 'Cancel') return say('warningCancelled', { area: p.areaLabel });
    if (p.msgType === 'Update') return say('warningUpdated', { area: p.areaLabel, action });
    return say('warningSent', {
      area: p.areaLabel,
      action,
      enterprises: p.counts.enterprises,
      targets: p.counts.sensitiveTargets,
      phones: p.counts.phones,
    });
  },
  'consequence.modelled': (p, say) => say('consequenceModelled', { title: p.title, zones: p.zones.length }),
  'rollcall.opened': (p, say) =>
    say('rollCallOpened', { points: p.points.length, enterprises: p.enterprises }),
  'rollcall.counted': (p, say, word) =>
    say('rollCallCounted', {
      enterprise: p.enterpriseName,
      point: p.pointCode,
      accounted: p.accounted,
      expected: p.expected,
      channel: word('rollCallChannel', p.channel),
      allAccounted: p.totals.accounted,
      allExpected: p.totals.expected,
    }),
  'rollcall.checked_in': (p, say, word) =>
    say('rollCallCheckedIn', {
      name: p.name,
      point: p.pointCode,
      channel: word('rollCallChannel', p.channel),
    }),
  'rollcall.missing_named': (p, say) =>
    say('rollCallMissingNamed', { name: p.name, enterprise: p.enterpriseName ?? say('noEnterprise') }),
  'rollcall.missing_cleared': (p, say) => say('rollCallMissingCleared', { name: p.name }),
  'rollcall.all_accounted': (p, say) =>
    say('rollCallAllAccounted', { expected: p.expected, minutes: Math.round(p.secondsSinceOpened / 60) }),
  'rollcall.closed': (p, say) =>
    say('rollCallClosed', {
      expected: p.final.expected,
      accounted: p.final.accounted,
      missing: p.final.missing,
    }),
  'map_feature.added': (p, say, word) =>
    say('featureAdded', {
      kind: word('mapFeatureKind', p.feature.kind),
      label: p.feature.label ? say('featureLabel', { label: p.feature.label }) : '',
    }),
  'map_feature.updated': (p, say, word) =>
    say('featureUpdated', {
      kind: word('mapFeatureKind', p.feature.kind),
      label: p.feature.label ? say('featureLabel', { label: p.feature.label }) : '',
    }),
  'map_feature.removed': (p, say, word) => say('featureRemoved', { kind: word('mapFeatureKind', p.kind) }),
  'resource.dispatched': (p, say) => say('dispatched', { label: p.dispatch.label }),
  'resource.status_changed': (p, say, word) =>
    say('dispatchChanged', {
      label: p.dispatch.label,
      from: word('dispatchState', p.from),
      to: word('dispatchState', p.dispatch.state),
    }),
  'callout.started': (p, say) =>
    say('calloutStarted', { message: p.message, recipients: p.recipients }) +
    (p.outsideRoster ? say('calloutOutsideRoster', { count: p.outsideRoster }) : ''),
  'callout.tier_paged': (p, say, word) =>
    say('calloutTierPaged', {
      tier: p.tier + 1,
      recipients: p.recipients,
      channels: p.channels.map((c) => word('calloutChannel', c)).join(say('listSeparator')),
    }),
  'callout.tier_escalated': (p, say) =>
    p.reason === 'repeat'
      ? say('calloutRepeated', { tier: p.tier + 1, round: p.round + 1 })
      : say('calloutEscalated', { tier: p.tier + 1 }),
  'callout.recipient_updated': (p, say, word) =>
    p.channel && p.state !== 'pending' && p.state !== 'exhausted'
      ? say('calloutRecipientVia', {
          name: p.name,
          state: word('recipientState', p.state),
          channel: word('calloutChannel', p.channel),
        })
      : say('calloutRecipient', { name: p.name, state: word('recipientState', p.state) }),
  'callout.location_shared': (p, say) => say('calloutLocationShared', { name: p.name }),
  'callout.ended': (p, say, word) =>
    say('calloutEnded', {
      status: word('calloutStatus', p.status),
      acknowledged: p.acknowledged,
      recipients: p.recipients,
    }),
  'drill.started': (p, say, word) =>
    say('drillStarted', {
      title: p.title,
      form: word('drillForm', p.form),
      scope: word('drillScope', p.scope),
    }),
  'drill.inject': (p, say, word) =>
    say(p.manual ? 'drillInjectManual' : 'drillInject', {
      time: scenarioOffsetText(p.scenarioSeconds),
      kind: word('injectKind', p.kind),
      synopsis: p.synopsis,
    }),
  'drill.inject_skipped': (p, say) => say('drillInjectSkipped', { synopsis: p.synopsis }),
  'drill.paused': (p, say) => say('drillPaused', { time: scenarioOffsetText(p.scenarioSeconds) }),
  'drill.resumed': (p, say) => say('drillResumed', { time: scenarioOffsetText(p.scenarioSeconds) }),
  'drill.ended': (p, say) => say('drillEnded', { time: scenarioOffsetText(p.scenarioSeconds) }),
  'drill.real_incident': (p, say, word) =>
    say('drillRealIncident', {
      title: p.title,
      enterprise: p.enterpriseName ?? say('noEnterprise'),
      severity: word('severity', p.severity),
    }),
};

/**
 * One line per room event in the reader's language. A type this version does not know (a newer
 * server's) shows its payload rather than nothing.
 */
export function describeRoomEvent(e: TypedRoomEvent, lang: RecordLanguage): string {
  const describe = DESCRIBE[e.type] as Describer<typeof e.type> | undefined;
  if (!describe) return JSON.stringify(e.payload);
  const say = (key: keyof typeof ROOM_EVENT_TEXT, values: Record<string, string | number> = {}) =>
    fillText(inLanguage(ROOM_EVENT_TEXT[key], lang), values);
  const word = <K extends EnumTextKind>(kind: K, value: Parameters<typeof enumText<K>>[1]) =>
    enumText(kind, value, lang);
  return (describe as Describer<RoomEventType>)(e.payload as never, say, word);
}
