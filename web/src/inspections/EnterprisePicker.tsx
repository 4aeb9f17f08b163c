import { useTranslation } from 'react-i18next';
import { useAllEnterprises } from '../api/queries';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';

/** Ticks enterprises of the zone; none ticked means the whole zone (the caller's hint says so). */
export function EnterprisePicker({
  legend,
  hint,
  value,
  onChange,
}: {
  legend: string;
  hint: string;
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const enterprises = useAllEnterprises();
  const chosen = new Set(value);
  return (
    <fieldset className="fieldset" data-testid="enterprise-picker">
      <legend>{legend}</legend>
      <p className="cell-sub">{hint}</p>
      {enterprises.isPending && <Loading />}
      {enterprises.isError && <ErrorNotice error={enterprises.error} compact />}
      <div className="enterprise-picker">
        {enterprises.data?.items.map((e) => (
          <label key={e.id} className="checklist__choice">
            <input
              type="checkbox"
              checked={chosen.has(e.id)}
              onChange={(ev) =>
                onChange(ev.target.checked ? [...value, e.id] : value.filter((id) => id !== e.id))
              }
            />
            {e.name}
          </label>
        ))}
      </div>
      {value.length > 0 && (
        <button type="button" className="button button--small" onClick={() => onChange([])}>
          {t('inspections.planForm.clearScope')}
        </button>
      )}
    </fieldset>
  );
}
