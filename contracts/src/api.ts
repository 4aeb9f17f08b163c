import type { RegulatoryCategory } from './regulatory-category.js';
/**
 * Shapes that cross the wire between the server and its clients (web console, worker, tests).
 * The server's response mappers return these types, and the web console reads them, so the two
 * cannot drift apart.
 */
import type { Role } from './roles.js';

export interface ListResponse<T> {
  items: T[];
  total: number;
}

export interface ApiError {
  statusCode: number;
  message: string | string[];
  error: string;
  errorId?: string;
  /**
   * The messages that have a stable code, for clients that word them in their own language
   * (the console: `errors.<code>` with `params`); absent when none has.
   */
  problems?: ApiProblem[];
}

/** One message of an error, by its code: `message` is the text it explains. */
export interface ApiProblem {
  message: string;
  /** e.g. `maxLength` (a field's validation rule), `drill.notOnRoster`, `auth.invalidCredentials`. */
  code: string;
  /** The field's path, for a field problem (`title`, `location.lat`, `contactIds`). */
  field?: string;
  params?: Record<string, string | number>;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  enterpriseId: string | null;
  active: boolean;
  createdAt: string;
}

export interface LoginResponse {
  accessToken: string;
  user: Pick<UserView, 'id' | 'email' | 'role' | 'enterpriseId'> & { name: string };
}

export interface GeoPoint {
  lat: number;
  lng: number;
}

/** GeoJSON Polygon or MultiPolygon geometry of an enterprise site outline. */
export interface GeoJsonPolygon {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: number[][][] | number[][][][];
}

export const RISK_CLASSES = ['major', 'high', 'medium', 'low'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

/** Enterprise size per the NBS standard (统计上大中小微型企业划分办法). */
export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/**
 * What MEM Order 2 Art. 35 names for the three-yearly plan evaluation: mines; metal smelting;
 * construction; producers, traders, storers and transporters of dangerous goods; chemical
 * enterprises using hazardous chemicals above the national quantities; fireworks producers and
 * wholesalers. `other`: none of these (then only the size decides).
 */
export const EVALUATION_CATEGORIES = [
  'mine',
  'metal_smelting',
  'construction',
  'dangerous_goods',
  'hazardous_chemicals_user',
  'fireworks',
  'other',
] as const;
export type EvaluationCategory = (typeof EVALUATION_CATEGORIES)[number];

export interface EnterpriseView {
  id: string;
  name: string;
  creditCode: string;
  industry: string;
  /**
   * 重大/较大/一般/低. Follows the worst assessed risk point once there is one
   * (`riskClassSource: 'risk_points'`); until then the class the zone recorded.
   */
  riskClass: RiskClass;
  riskClassSource: 'recorded' | 'risk_points';
  /** null: not recorded yet. */
  sizeClass: SizeClass | null;
  /** null: not recorded yet. */
  evaluationCategory: EvaluationCategory | null;
  /** MEM Order 2 Art. 33 category, set by the zone; null while not yet recorded. */
  regulatoryCategory: RegulatoryCategory | null;
  address: string;
  location: GeoPoint;
  outline: GeoJsonPolygon | null;
  legalRepresentative: string;
  /** 实际控制人, with the legal representative a first person responsible; null: not recorded. */
  actualController: string | null;
  safetyLead: string;
  dutyPhone: string;
  createdAt: string;
  updatedAt: string;
}

export interface AuditEntryView {
  id: string;
  at: string;
  userId: string | null;
  userEmail: string | null;
  role: string | null;
  enterpriseId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** What the record is called (its name or title), when it can be told; null otherwise. */
  entityLabel: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
}

/** `GET /api/config/public`: what the console needs before login. */
export interface PublicConfig {
  zoneName: string;
  timeZone: string;
  /** Empty: draw the bundled offline basemap of the zone. */
  mapTileUrl: string;
  demoMode: boolean;
}
