import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isDispatchable } from '../contracts';
import { formatDistance } from '../resources/resource-features';
import { fetchNearest } from '../resources/api';
import { useDrillsT } from './i18n';

/** How many of the register's resources nearest the scenario's scene the picker offers. */
const CHOICES = 100;

/**
 * Picks the resource a "resource unavailable" inject takes away, from the register: those
 * nearest the scenario's scene first (what the drill would send), places left out.
 */
export function ResourcePicker({
  id,
  at,
  value,
  label,
  onChange,
}: {
  id: string;
  at: { lat: number; lng: number };
  value: string | null | undefined;
  /** The name kept in the scenario, shown while the register is loading or if it is gone. */
  label: string;
  onChange: (picked: { resourceId: string | null; label: string }) => void;
}) {
  const { t } = useDrillsT();
  const { t: tg } = useTranslation();
  const nearest = useQuery({
    queryKey: ['resources', 'nearest', at.lat, at.lng, 'drill-picker'],
    queryFn: ({ signal }) => fetchNearest({ ...at, limit: CHOICES }, signal),
  });
  const choices = (nearest.data?.items ?? []).filter((r) => isDispatchable(r.type));
  return (
    <select
      id={id}
      value={value ?? ''}
      data-testid="inject-resource"
      onChange={(event) => {
        const r = choices.find((x) => x.id === event.target.value);
        onChange(r ? { resourceId: r.id, label: r.name } : { resourceId: null, label: '' });
      }}
    >
      <option value="">{nearest.isPending ? tg('resources.loading') : t('choose')}</option>
      {value && !choices.some((x) => x.id === value) && <option value={value}>{label}</option>}
      {choices.map((r) => (
        <option key={r.id} value={r.id}>
          {r.name} · {tg(`resources.type.${r.type}`)} · {formatDistance(r.distanceM)}
        </option>
      ))}
    </select>
  );
}
