/**
 * Duty by post and person (全员安全生产责任制): the posts of an enterprise's responsibility list,
 * who holds each, the safety responsibility statement (岗位安全生产责任书) each holder signs, and
 * the records of duties carried out (履职记录).
 */
import type { FileView } from './hazards.js';

export const SIGNATURE_METHODS = ['console', 'link'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

/** current: signed the version in force; older: signed an earlier one only; none: never signed. */
export const SIGN_STATES = ['current', 'older', 'none'] as const;
export type SignState = (typeof SIGN_STATES)[number];

/** Days a holder has to sign a newly published statement before they (and their officers) are reminded. */
export const STATEMENT_SIGN_DAYS = 7;

/** The enterprise's first persons responsible (第一责任人); the same person may be both. */
export interface FirstResponsibleView {
  legalRepresentative: string;
  actualController: string | null;
}

export interface PostHolderView {
  contactId: string;
  name: string;
  /** The contact's own post as the directory has it. */
  directoryPost: string;
  hasAccount: boolean;
  state: SignState;
  /** The latest version this person signed for this post. */
  signedVersion: number | null;
  signedAt: string | null;
}

export interface ResponsibilityPostView {
  id: string;
  enterpriseId: string;
  unit: string;
  name: string;
  duties: string[];
  /** false: the responsibility list no longer names this post (its records are kept). */
  inList: boolean;
  currentVersion: number | null;
  holders: PostHolderView[];
  /** Holders who signed the version in force, of those who must (every holder once one is published). */
  signed: number;
  required: number;
}

export interface PersonWithoutPost {
  contactId: string;
  name: string;
  directoryPost: string;
}

export interface EnterprisePostsView {
  enterpriseId: string;
  enterpriseName: string;
  firstResponsible: FirstResponsibleView;
  posts: ResponsibilityPostView[];
  /** People in the enterprise's directory who hold no post. */
  withoutPost: PersonWithoutPost[];
  signed: number;
  required: number;
}

/** One line of the zone's overview: how far each enterprise's duties reach its people. */
export interface EnterpriseStatementSummary {
  enterpriseId: string;
  enterpriseName: string;
  firstResponsible: FirstResponsibleView;
  posts: number;
  postsWithoutHolder: number;
  peopleWithoutPost: number;
  signed: number;
  required: number;
}

export interface StatementSignatureView {
  id: string;
  versionId: string;
  version: number;
  contactId: string | null;
  signerName: string;
  textHash: string;
  method: SignatureMethod;
  ip: string | null;
  signedAt: string;
}

export interface StatementVersionView {
  id: string;
  postId: string;
  version: number;
  year: number;
  title: string;
  duties: string[];
  clauses: string[];
  targets: string[];
  /** The exact text signed; `textHash` is its SHA-256 (hex). */
  text: string;
  textHash: string;
  publishedAt: string;
  signatures: StatementSignatureView[];
}

export interface DutyRecordView {
  id: string;
  postId: string;
  postName: string;
  unit: string;
  enterpriseId: string;
  contactId: string | null;
  personName: string;
  doneOn: string;
  duty: string;
  description: string;
  files: FileView[];
  createdAt: string;
}

export interface PostDetailView extends ResponsibilityPostView {
  enterpriseName: string;
  firstResponsible: FirstResponsibleView;
  /** Newest first. */
  versions: StatementVersionView[];
  dutyRecords: DutyRecordView[];
}

export interface PersonPostState {
  postId: string;
  unit: string;
  name: string;
  currentVersion: number | null;
  state: SignState;
  signedVersion: number | null;
}

export interface PersonDutiesView {
  contactId: string;
  name: string;
  enterpriseId: string;
  enterpriseName: string;
  posts: PersonPostState[];
  /** Every signature, newest first, earlier versions included. */
  signatures: (StatementSignatureView & { postName: string })[];
  dutyRecords: DutyRecordView[];
}

/** A statement a signed-in user is asked to sign, for their own console. */
export interface MyStatementView {
  postId: string;
  enterpriseName: string;
  unit: string;
  postName: string;
  state: SignState;
  signedVersion: number | null;
  version: StatementVersionView | null;
}

/** What a personal signing link shows: the statement, not who it was sent to. */
export interface StatementSigningView {
  enterpriseName: string;
  unit: string;
  postName: string;
  version: Omit<StatementVersionView, 'signatures'> | null;
  /** The holder already signed this version. */
  signed: boolean;
}

export interface StatementSignResult {
  version: number;
  textHash: string;
  signedAt: string;
  already: boolean;
}

/** The first persons responsible as one line: "王建国（法定代表人、实际控制人）". */
export function firstResponsibleLine(f: FirstResponsibleView, lang: 'zh-CN' | 'en'): string {
  const zh = lang === 'zh-CN';
  const legal = zh ? '法定代表人' : 'legal representative';
  const controller = zh ? '实际控制人' : 'actual controller';
  const [open, sep, close, join] = zh ? ['（', '、', '）', '；'] : [' (', ', ', ')', '; '];
  const legalName = f.legalRepresentative.trim();
  const controllerName = f.actualController?.trim() ?? '';
  if (!controllerName || controllerName === legalName) {
    const roles = controllerName ? [legal, controller] : [legal];
    return `${legalName}${open}${roles.join(sep)}${close}`;
  }
  return `${legalName}${open}${legal}${close}${join}${controllerName}${open}${controller}${close}`;
}

/**
 * The text a holder signs, built from the post's duties, the statement's clauses and the year's
 * targets; its hash is what the signature keeps, so the text must be built the same way always.
 */
export function statementText(s: {
  title: string;
  enterpriseName: string;
  unit: string;
  postName: string;
  year: number;
  duties: string[];
  clauses: string[];
  targets: string[];
  firstResponsible: string;
}): string {
  const list = (items: string[]) => items.map((x, i) => `${i + 1}. ${x}`).join('\n');
  return [
    s.title,
    `${s.enterpriseName} · ${s.unit} · ${s.postName} · ${s.year}年度`,
    `第一责任人：${s.firstResponsible}`,
    '一、岗位安全生产职责',
    list(s.duties),
    '二、安全生产目标',
    list(s.targets),
    '三、责任条款',
    list(s.clauses),
  ].join('\n');
}
