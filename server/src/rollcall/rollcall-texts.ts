import { fillText, type RecordLanguage } from '@muster/contracts';

/** The roll call's answers to texts, zh-CN and en side by side (`{name}` filled from values). */
const TEXTS = {
  counted: [
    '已记录：{enterprise} 集结点 {point} 实到 {accounted} / 在岗 {expected} 人。',
    'Recorded: {enterprise} at point {point}, {accounted} of {expected} accounted for.',
  ],
  stillMissing: [
    '仍有 {missing} 人未清点到，找到后请回复最新人数。',
    '{missing} still missing: text the new count when they are found.',
  ],
  allHere: ['{enterprise}人员已全部清点到位。', 'Everyone of {enterprise} is accounted for.'],
  checkedIn: [
    '{name}已在集结点 {point}（{place}）签到。',
    '{name}, you are checked in at point {point} ({place}).',
  ],
  help: [
    '未能识别这条回复。企业清点人数请回复“到 实到人数/在岗人数”，如“到 45/48”，在其他集结点加代号，如“到 45/48 B”；应急队员签到请回复“签到 A”。集结点：{points}',
    'Could not read that. To report a headcount text "at accounted/on shift", e.g. "at 45/48", adding the point\'s letter for another point, e.g. "at 45/48 B"; responders check in with "check in A". Points: {points}',
  ],
  moreThanExpected: [
    '实到 {accounted} 人多于在岗 {expected} 人，请核对后重新回复，如“到 45/48”（实到/在岗）。',
    '{accounted} accounted for is more than {expected} on shift: check and text again, e.g. "at 45/48" (accounted/on shift).',
  ],
  moreThanHeadcount: [
    '各集结点实到人数合计多于在岗 {expected} 人，请核对后重新回复。',
    'The counts at all points together exceed the {expected} on shift: check and text again.',
  ],
  unknownPoint: ['没有集结点 {code}。集结点：{points}', 'There is no point {code}. Points: {points}'],
  whichPoint: [
    '请注明集结点，如“签到 A”。集结点：{points}',
    'Name your point, e.g. "check in A". Points: {points}',
  ],
  notReporter: [
    '此号码不代表本次清点的企业，不能上报企业人数；应急队员请回复“签到 A”签到。',
    'This number does not report for an enterprise in this roll call; responders check in with "check in A".',
  ],
  pointList: ['{code} {label}', '{code} {label}'],
  separator: ['；', '; '],
} as const satisfies Record<string, readonly [string, string]>;

export type RollCallTextKey = keyof typeof TEXTS;

export function rollCallText(
  lang: RecordLanguage,
  key: RollCallTextKey,
  values: Record<string, string | number> = {},
): string {
  return fillText(TEXTS[key][lang === 'en' ? 1 : 0], values);
}

/** "A 南门广场；B 二号门" — the points a text may name. */
export function pointList(lang: RecordLanguage, points: { code: string; label: string }[]): string {
  return points
    .map((p) => rollCallText(lang, 'pointList', { code: p.code, label: p.label }))
    .join(rollCallText(lang, 'separator'));
}
