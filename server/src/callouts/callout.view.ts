import type { CalloutDeliveryView, CalloutRecipientView, CalloutView } from '@muster/contracts';
import type { Callout, CalloutDelivery, CalloutRecipient } from './callout.entities.js';
import { acknowledgements } from './ladder.js';

export function mapDelivery(d: CalloutDelivery): CalloutDeliveryView {
  return {
    id: d.id,
    channel: d.channel,
    tier: d.tier,
    round: d.round,
    status: d.status,
    provider: d.provider,
    providerId: d.providerSid,
    errorCode: d.errorCode,
    errorMessage: d.errorMessage,
    updatedAt: d.updatedAt.toISOString(),
  };
}

export function mapRecipient(r: CalloutRecipient, deliveries: CalloutDelivery[]): CalloutRecipientView {
  return {
    id: r.id,
    contactId: r.contactId,
    name: r.name,
    phone: r.phone,
    language: r.language,
    tier: r.tier,
    state: r.state,
    unreachable: r.unreachable,
    notifiedAt: r.notifiedAt?.toISOString() ?? null,
    respondedAt: r.respondedAt?.toISOString() ?? null,
    responseChannel: r.responseChannel,
    secondsToRespond:
      r.respondedAt && r.notifiedAt
        ? Math.round((r.respondedAt.getTime() - r.notifiedAt.getTime()) / 1000)
        : null,
    lastError: r.lastError,
    deliveries: deliveries.map(mapDelivery),
  };
}

export function mapCallout(
  c: Callout,
  recipients: CalloutRecipient[],
  deliveries: CalloutDelivery[],
): CalloutView {
  const byRecipient = new Map<string, CalloutDelivery[]>();
  for (const d of deliveries) byRecipient.set(d.recipientId, [...(byRecipient.get(d.recipientId) ?? []), d]);
  return {
    id: c.id,
    incidentId: c.incidentId,
    policyId: c.policyId,
    message: c.message,
    responseLevel: c.responseLevel,
    isDrill: c.isDrill,
    shortCode: c.shortCode,
    status: c.status,
    tiers: c.tiers.map(({ policyQuorum, ...t }) => ({ ...t, policyQuorum: policyQuorum ?? t.quorum })),
    currentTier: c.currentTier,
    currentRound: c.currentRound,
    acknowledged: acknowledgements(recipients),
    createdAt: c.createdAt.toISOString(),
    endedAt: c.endedAt?.toISOString() ?? null,
    endReason: c.endReason,
    recipients: recipients.map((r) => mapRecipient(r, byRecipient.get(r.id) ?? [])),
  };
}
