import type { EvaluationCategory, RegulatoryCategory, RiskClass, Role, SizeClass } from '@muster/contracts';
import { creditCodeCheckChar } from '../enterprises/credit-code.js';

/**
 * The fictional demo zone: enterprises of plausible industries for 杜集经济开发区, placed inside
 * the bundled basemap's boundary. Used only in demo mode (and by tests); never in production.
 */
export const DEMO_PASSWORD = 'muster-demo';

/** 91 = enterprise registered by market regulation; 340602 = 杜集区, 淮北市. */
function code(serial: number): string {
  const first17 = `91340602MA2T${String(serial).padStart(5, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

export interface DemoEnterprise {
  key: string;
  name: string;
  creditCode: string;
  industry: string;
  riskClass: RiskClass;
  /** Size and Art. 35 category: which plans owe the 3-yearly evaluation (MEM Order 2 Art. 35). */
  sizeClass: SizeClass;
  evaluationCategory: EvaluationCategory;
  /** MEM Order 2 Art. 33, as the zone recorded it. */
  regulatoryCategory: RegulatoryCategory;
  address: string;
  lat: number;
  lng: number;
  /** Half-size of the site rectangle in degrees (lat, lng). */
  size: [number, number];
  legalRepresentative: string;
  safetyLead: string;
  dutyPhone: string;
}

export const DEMO_ENTERPRISES: DemoEnterprise[] = [
  {
    key: 'coalchem',
    name: '淮北华晟煤化工有限公司',
    creditCode: code(10011),
    industry: '煤化工',
    riskClass: 'major',
    sizeClass: 'large',
    evaluationCategory: 'dangerous_goods',
    regulatoryCategory: 'dangerous_goods',
    address: '杜集经济开发区凤凰山路88号',
    lat: 33.9962,
    lng: 116.8128,
    size: [0.0018, 0.0026],
    legalRepresentative: '王建国',
    safetyLead: '李志强',
    dutyPhone: '0561-3011001',
  },
  {
    key: 'finechem',
    name: '淮北龙山精细化工有限公司',
    creditCode: code(10023),
    industry: '精细化工',
    riskClass: 'major',
    sizeClass: 'medium',
    evaluationCategory: 'dangerous_goods',
    regulatoryCategory: 'dangerous_goods',
    address: '杜集经济开发区龙山路16号',
    lat: 33.9921,
    lng: 116.8205,
    size: [0.0012, 0.0018],
    legalRepresentative: '陈海峰',
    safetyLead: '赵立新',
    dutyPhone: '0561-3011002',
  },
  {
    key: 'materials',
    name: '安徽杜集新材料科技有限公司',
    creditCode: code(10035),
    industry: '新材料',
    riskClass: 'high',
    sizeClass: 'medium',
    evaluationCategory: 'hazardous_chemicals_user',
    regulatoryCategory: 'other',
    address: '杜集经济开发区高岳路201号',
    lat: 34.0018,
    lng: 116.8262,
    size: [0.0011, 0.0016],
    legalRepresentative: '刘晓东',
    safetyLead: '孙伟',
    dutyPhone: '0561-3011003',
  },
  {
    key: 'machinery',
    name: '淮北凤凰山机械制造有限公司',
    creditCode: code(10047),
    industry: '机械制造',
    riskClass: 'medium',
    sizeClass: 'medium',
    evaluationCategory: 'other',
    regulatoryCategory: 'other',
    address: '杜集经济开发区凤凰山路126号',
    lat: 33.9978,
    lng: 116.8331,
    size: [0.001, 0.0015],
    legalRepresentative: '周国强',
    safetyLead: '吴永华',
    dutyPhone: '0561-3011004',
  },
  {
    key: 'food',
    name: '安徽金穗食品有限公司',
    creditCode: code(10059),
    industry: '食品加工',
    riskClass: 'medium',
    sizeClass: 'small',
    evaluationCategory: 'other',
    regulatoryCategory: 'other',
    address: '杜集经济开发区朔西路9号',
    lat: 33.9856,
    lng: 116.8287,
    size: [0.0009, 0.0013],
    legalRepresentative: '郑丽萍',
    safetyLead: '冯建军',
    dutyPhone: '0561-3011005',
  },
  {
    key: 'logistics',
    name: '淮北通达物流有限公司',
    creditCode: code(10061),
    industry: '仓储物流',
    riskClass: 'high',
    sizeClass: 'medium',
    evaluationCategory: 'dangerous_goods',
    regulatoryCategory: 'other',
    address: '杜集经济开发区高岳路58号',
    lat: 33.9889,
    lng: 116.8402,
    size: [0.0014, 0.0022],
    legalRepresentative: '何斌',
    safetyLead: '马俊',
    dutyPhone: '0561-3011006',
  },
  {
    key: 'power',
    name: '淮北恒信电力装备有限公司',
    creditCode: code(10073),
    industry: '电力装备',
    riskClass: 'medium',
    sizeClass: 'large',
    evaluationCategory: 'other',
    regulatoryCategory: 'other',
    address: '杜集经济开发区龙山路72号',
    lat: 34.0031,
    lng: 116.8412,
    size: [0.0009, 0.0014],
    legalRepresentative: '黄志远',
    safetyLead: '林涛',
    dutyPhone: '0561-3011007',
  },
  {
    key: 'textile',
    name: '安徽绿源纺织有限公司',
    creditCode: code(10085),
    industry: '纺织',
    riskClass: 'low',
    sizeClass: 'small',
    evaluationCategory: 'other',
    regulatoryCategory: 'other',
    address: '杜集经济开发区创业路33号',
    lat: 33.9823,
    lng: 116.8178,
    size: [0.0008, 0.0012],
    legalRepresentative: '徐静',
    safetyLead: '高鹏',
    dutyPhone: '0561-3011008',
  },
  {
    key: 'building',
    name: '淮北宏远建材有限公司',
    creditCode: code(10097),
    industry: '建材',
    riskClass: 'medium',
    sizeClass: 'small',
    evaluationCategory: 'other',
    regulatoryCategory: 'other',
    address: '杜集经济开发区创业路105号',
    lat: 33.9806,
    lng: 116.8356,
    size: [0.001, 0.0016],
    legalRepresentative: '罗成',
    safetyLead: '梁永',
    dutyPhone: '0561-3011009',
  },
  {
    key: 'pharma',
    name: '淮北瑞康医药有限公司',
    creditCode: code(10109),
    industry: '医药制造',
    riskClass: 'high',
    sizeClass: 'medium',
    evaluationCategory: 'hazardous_chemicals_user',
    regulatoryCategory: 'other',
    address: '杜集经济开发区朔西路66号',
    lat: 33.9949,
    lng: 116.8488,
    size: [0.0009, 0.0013],
    legalRepresentative: '宋雅琴',
    safetyLead: '谢文',
    dutyPhone: '0561-3011010',
  },
  {
    key: 'electronics',
    name: '淮北中科电子材料有限公司',
    creditCode: code(10111),
    industry: '电子材料',
    riskClass: 'medium',
    sizeClass: 'micro',
    evaluationCategory: 'other',
    regulatoryCategory: 'other',
    address: '杜集经济开发区高岳路150号',
    lat: 34.0055,
    lng: 116.8187,
    size: [0.0008, 0.0012],
    legalRepresentative: '韩磊',
    safetyLead: '唐宁',
    dutyPhone: '0561-3011011',
  },
];

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  /** Key of a DEMO_ENTERPRISES entry. */
  enterprise?: string;
}

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@muster.test', name: '张明 (管委会管理员)', role: 'zone_admin' },
  { email: 'commander@muster.test', name: '李卫东 (应急指挥)', role: 'commander' },
  { email: 'inspector@muster.test', name: '王芳 (安监检查员)', role: 'inspector' },
  { email: 'evaluator@muster.test', name: '赵勇 (演练评估员)', role: 'evaluator' },
  {
    email: 'officer1@muster.test',
    name: '李志强 (华晟煤化工安全员)',
    role: 'enterprise_officer',
    enterprise: 'coalchem',
  },
  {
    email: 'officer2@muster.test',
    name: '赵立新 (龙山精细化工安全员)',
    role: 'enterprise_officer',
    enterprise: 'finechem',
  },
  { email: 'responder1@muster.test', name: '孙浩 (消防救援队员)', role: 'responder' },
];

export function siteOutline(e: DemoEnterprise): { type: 'Polygon'; coordinates: number[][][] } {
  const [dLat, dLng] = e.size;
  const r = (n: number) => Math.round(n * 1e6) / 1e6;
  const ring = [
    [r(e.lng - dLng), r(e.lat - dLat)],
    [r(e.lng + dLng), r(e.lat - dLat)],
    [r(e.lng + dLng), r(e.lat + dLat)],
    [r(e.lng - dLng), r(e.lat + dLat)],
    [r(e.lng - dLng), r(e.lat - dLat)],
  ];
  return { type: 'Polygon', coordinates: [ring] };
}
