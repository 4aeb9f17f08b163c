import type {
  CalloutView,
  WarningBoardTarget,
  WarningCounts,
  WarningDelivery,
  WarningTarget,
} from '@muster/contracts';

/**
 * The counts of a warning: targets by kind, the distinct numbers paged and, in a drill, the
 * numbers left out because they are not on its roster.
 */
export function countTargets(targets: WarningTarget[], isDrill: boolean): WarningCounts {
  const paged = new Set<string>();
  const left = new Set<string>();
  for (const t of targets) for (const p of t.people) (isDrill && !p.onRoster ? left : paged).add(p.phone);
  for (const phone of paged) left.delete(phone);
  const sensitive = targets.filter((t) => t.kind === 'sensitive_target');
  return {
    enterprises: targets.filter((t) => t.kind === 'enterprise').length,
    sensitiveTargets: sensitive.length,
    zonePeople: targets.filter((t) => t.kind === 'zone_person').length,
    phones: paged.size,
    outsideRoster: left.size,
    populationDay: sensitive.reduce((n, t) => n + (t.populationDay ?? 0), 0),
    populationNight: sensitive.reduce((n, t) => n + (t.populationNight ?? 0), 0),
  };
}

/**
 * The board: each target with each of its people's delivery, matched to the call-out's
 * recipients by number (a number is paged once per warning, whichever target it came with).
 */
export function boardTargets(targets: WarningTarget[], callout: CalloutView | null): WarningBoardTarget[] {
  const byPhone = new Map((callout?.recipients ?? []).map((r) => [r.phone, r]));
  return targets.map((t) => {
    const people: WarningDelivery[] = t.people.map((p) => {
      const r = byPhone.get(p.phone);
      if (!r)
        return { name: p.name, phone: p.phone, state: 'not_paged', lastDelivery: null, acknowledgedAt: null };
      const last = r.deliveries[r.deliveries.length - 1];
      return {
        name: p.name,
        phone: p.phone,
        state: r.state,
        lastDelivery: last ? { channel: last.channel, status: last.status } : null,
        acknowledgedAt: r.state === 'acknowledged' ? r.respondedAt : null,
      };
    });
    return { ...t, people, acknowledged: people.some((p) => p.state === 'acknowledged') };
  });
}
