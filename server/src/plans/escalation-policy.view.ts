import type { EscalationPolicyView } from '@muster/contracts';
import type { EscalationPolicy } from './escalation-policy.entity.js';

export function mapPolicy(p: EscalationPolicy, enterpriseName: string | null): EscalationPolicyView {
  return {
    id: p.id,
    enterpriseId: p.enterpriseId,
    enterpriseName,
    name: p.name,
    description: p.description,
    tiers: p.tiers.map((t) => ({
      contactIds: t.contactIds,
      teamIds: t.teamIds,
      rotationId: t.rotationId,
      channels: t.channels,
      voiceDelaySeconds: t.voiceDelaySeconds,
      ackTimeoutSeconds: t.ackTimeoutSeconds,
      quorum: t.quorum,
      repeats: t.repeats,
    })),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
