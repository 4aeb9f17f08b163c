import type {
  DutyRecordView,
  FileView,
  SignState,
  StatementSignatureView,
  StatementVersionView,
} from '@muster/contracts';
import type {
  DutyRecord,
  ResponsibilityPost,
  StatementSignature,
  StatementVersion,
} from './responsibility-statements.entities.js';

export function mapSignature(s: StatementSignature): StatementSignatureView {
  return {
    id: s.id,
    versionId: s.versionId,
    version: s.version,
    contactId: s.contactId,
    signerName: s.signerName,
    textHash: s.textHash,
    method: s.method,
    ip: s.ip,
    signedAt: s.signedAt.toISOString(),
  };
}

export function mapVersion(v: StatementVersion, signatures: StatementSignature[]): StatementVersionView {
  return {
    ...mapVersionText(v),
    signatures: signatures.filter((s) => s.versionId === v.id).map(mapSignature),
  };
}

/** A version's text and facts, without who signed it (what a personal signing link shows). */
export function mapVersionText(v: StatementVersion): Omit<StatementVersionView, 'signatures'> {
  return {
    id: v.id,
    postId: v.postId,
    version: v.version,
    year: v.year,
    title: v.title,
    duties: v.duties,
    clauses: v.clauses,
    targets: v.targets,
    text: v.text,
    textHash: v.textHash,
    publishedAt: v.publishedAt.toISOString(),
  };
}

export function mapDutyRecord(
  d: DutyRecord,
  post: Pick<ResponsibilityPost, 'name' | 'unit'> | undefined,
  files: Map<string, FileView>,
): DutyRecordView {
  return {
    id: d.id,
    postId: d.postId,
    postName: post?.name ?? '',
    unit: post?.unit ?? '',
    enterpriseId: d.enterpriseId,
    contactId: d.contactId,
    personName: d.personName,
    doneOn: d.doneOn,
    duty: d.duty,
    description: d.description,
    files: d.fileIds.flatMap((id) => {
      const f = files.get(id);
      return f ? [f] : [];
    }),
    createdAt: d.createdAt.toISOString(),
  };
}

/**
 * Where a person stands on a post's statement: `signatures` are theirs for this post (any order).
 * A post without a published statement leaves everyone unsigned.
 */
export function signState(
  current: { version: number } | undefined,
  signatures: Pick<StatementSignature, 'version' | 'signedAt'>[],
): { state: SignState; signedVersion: number | null; signedAt: string | null } {
  const latest = [...signatures].sort((a, b) => b.version - a.version)[0];
  if (!latest) return { state: 'none', signedVersion: null, signedAt: null };
  return {
    state: current && latest.version === current.version ? 'current' : 'older',
    signedVersion: latest.version,
    signedAt: latest.signedAt.toISOString(),
  };
}
