import type { AccountabilityRecordView, FileView } from '@muster/contracts';
import type { AccountabilityRecord } from './accountability.entity.js';

export function mapRecord(
  r: AccountabilityRecord,
  ctx: {
    names: Map<string, string>;
    files: Map<string, FileView>;
    users: Map<string, string>;
    today: string;
  },
): AccountabilityRecordView {
  return {
    id: r.id,
    finding: {
      kind: r.findingKind,
      id: r.findingId,
      enterpriseId: r.findingEnterpriseId,
      enterpriseName: r.findingEnterpriseId ? (ctx.names.get(r.findingEnterpriseId) ?? null) : null,
      title: r.findingTitle,
      at: r.findingAt,
    },
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseId ? (ctx.names.get(r.enterpriseId) ?? null) : null,
    persons: r.persons,
    facts: r.facts,
    measure: r.measure,
    measureDetail: r.measureDetail,
    status: r.status,
    decidedOn: r.decidedOn,
    dueOn: r.dueOn,
    carriedOutOn: r.carriedOutOn,
    outcome: r.outcome,
    withdrawnReason: r.withdrawnReason,
    attachments: r.attachmentIds.flatMap((id) => {
      const f = ctx.files.get(id);
      return f ? [{ id: f.id, name: f.name }] : [];
    }),
    overdue: r.status === 'decided' && !!r.dueOn && r.dueOn < ctx.today,
    createdBy: r.createdBy ? (ctx.users.get(r.createdBy) ?? null) : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
