import type { AssessmentSubject, IndicatorInput } from '../contracts';

/**
 * The indicators a new scheme starts from (the plan's supervision points, weights to 100), for
 * the admin to adjust; names in the zone's language, as the sheets and notices are.
 */
export const STANDARD_INDICATORS: IndicatorInput[] = [
  {
    group: '隐患排查治理',
    name: '重大事故隐患整改率达100%',
    metric: 'major_hazard_rectification',
    rule: 'target',
    weight: 15,
    param: 1,
    evidence: 'records',
    veto: false,
  },
  {
    group: '隐患排查治理',
    name: '隐患按期整改率',
    metric: 'on_time_rectification',
    rule: 'proportional',
    weight: 15,
    param: null,
    evidence: 'records',
    veto: false,
  },
  {
    group: '隐患排查治理',
    name: '逾期未整改隐患（每项扣2分）',
    metric: 'overdue_hazards',
    rule: 'deduct',
    weight: 10,
    param: 2,
    evidence: 'records',
    veto: false,
  },
  {
    group: '应急演练',
    name: '按《生产安全事故应急预案管理办法》履行演练义务',
    metric: 'drill_duties',
    rule: 'proportional',
    weight: 10,
    param: null,
    evidence: 'records',
    veto: false,
  },
  {
    group: '事故报告',
    name: '按《生产安全事故报告和调查处理条例》按时报告（迟报、漏报每起扣5分）',
    metric: 'reports_on_time',
    rule: 'deduct',
    weight: 10,
    param: 5,
    evidence: 'records',
    veto: false,
  },
  {
    group: '事故控制',
    name: '一般事故每起扣5分；较大及以上事故一票否决',
    metric: 'incidents',
    rule: 'deduct',
    weight: 20,
    param: 5,
    evidence: 'records',
    veto: true,
  },
  {
    group: '监测预警',
    name: '报警平均响应不超过15分钟',
    metric: 'alarm_handling',
    rule: 'limit',
    weight: 5,
    param: 15,
    evidence: 'records',
    veto: false,
  },
  {
    group: '现场检查',
    name: '安全生产主体责任落实情况现场检查',
    metric: 'manual',
    rule: 'manual',
    weight: 15,
    param: null,
    evidence: 'files',
    veto: false,
  },
];

/**
 * A zone department's indicators against its supervision duties (管行业必须管安全): the records of
 * the enterprises it supervises, and the rest of its duty list checked by hand.
 */
export const DEPARTMENT_INDICATORS: IndicatorInput[] = [
  {
    group: '监管履职',
    name: '监管企业检查、抽查按计划完成率',
    metric: 'supervised_inspections',
    rule: 'proportional',
    weight: 30,
    param: null,
    evidence: 'records',
    veto: false,
  },
  {
    group: '监管履职',
    name: '监管企业重大事故隐患督办销号率达100%',
    metric: 'supervised_major_hazards',
    rule: 'target',
    weight: 20,
    param: 1,
    evidence: 'records',
    veto: false,
  },
  {
    group: '监管履职',
    name: '监管企业逾期未整改隐患（每项扣2分）',
    metric: 'supervised_overdue_hazards',
    rule: 'deduct',
    weight: 20,
    param: 2,
    evidence: 'records',
    veto: false,
  },
  {
    group: '责任清单',
    name: '责任清单所列监管职责履行情况',
    metric: 'manual',
    rule: 'manual',
    weight: 30,
    param: null,
    evidence: 'files',
    veto: false,
  },
];

export const TEMPLATES: Record<AssessmentSubject, IndicatorInput[]> = {
  enterprise: STANDARD_INDICATORS,
  department: DEPARTMENT_INDICATORS,
};
