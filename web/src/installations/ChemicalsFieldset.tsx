import {
  GB18218_CATEGORIES,
  GB18218_CATEGORY_CODES,
  GB18218_SUBSTANCE_KEYS,
  GB18218_SUBSTANCES,
  type Gb18218Category,
  type Gb18218Substance,
} from '../contracts';
import { useInstallationsT } from './i18n';

/** One chemical row as typed: the quantity stays text until it is a number. */
export interface ChemicalDraft {
  substance: Gb18218Substance | null;
  name: string;
  category: Gb18218Category;
  quantity: string;
}

export const emptyChemical = (): ChemicalDraft => ({
  substance: null,
  name: '',
  category: 'J3',
  quantity: '',
});

/** Table 1 in the standard's order, carbon monoxide (Table 3 only) last. */
const SUBSTANCES_IN_ORDER = [...GB18218_SUBSTANCE_KEYS].sort(
  (a, b) => (GB18218_SUBSTANCES[a].no ?? 999) - (GB18218_SUBSTANCES[b].no ?? 999),
);

/**
 * The unit's hazardous chemicals: a substance named in GB 18218 Table 1 (its category then
 * follows from the table), or any other chemical by its Table 2 category, with the maximum
 * quantity the unit can hold.
 */
export function ChemicalsFieldset({
  rows,
  onChange,
}: {
  rows: ChemicalDraft[];
  onChange: (rows: ChemicalDraft[]) => void;
}) {
  const { t, i18n } = useInstallationsT();
  const en = i18n.language === 'en';
  const set = (i: number, patch: Partial<ChemicalDraft>) =>
    onChange(rows.map((r, n) => (n === i ? { ...r, ...patch } : r)));
  const pick = (i: number, value: string) => {
    if (!value) return set(i, { substance: null });
    const key = value as Gb18218Substance;
    const s = GB18218_SUBSTANCES[key];
    const row = rows[i]!;
    // A named substance is graded by its own category; its name fills an empty name field.
    set(i, { substance: key, category: s.category, name: row.name.trim() ? row.name : en ? s.en : s.zh });
  };
  return (
    <fieldset className="fieldset" data-testid="chemicals-fieldset">
      <legend>{t('form.chemicals')}</legend>
      {rows.map((r, i) => (
        <div className="form__row chemical-row" key={i} data-testid={`chemical-${i}`}>
          <div className="field">
            <label htmlFor={`chem-substance-${i}`}>{t('form.substance')}</label>
            <select
              id={`chem-substance-${i}`}
              value={r.substance ?? ''}
              onChange={(e) => pick(i, e.target.value)}
            >
              <option value="">{t('form.byCategory')}</option>
              {SUBSTANCES_IN_ORDER.map((k) => {
                const s = GB18218_SUBSTANCES[k];
                return (
                  <option key={k} value={k}>
                    {t('form.substanceOption', { name: en ? s.en : s.zh, q: s.criticalT })}
                  </option>
                );
              })}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`chem-name-${i}`}>{t('form.chemicalName')}</label>
            <input
              id={`chem-name-${i}`}
              required
              maxLength={100}
              value={r.name}
              onChange={(e) => set(i, { name: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`chem-category-${i}`}>{t('form.category')}</label>
            <select
              id={`chem-category-${i}`}
              value={r.category}
              disabled={r.substance !== null}
              title={r.substance !== null ? t('form.categoryFromTable') : undefined}
              onChange={(e) => set(i, { category: e.target.value as Gb18218Category })}
            >
              {GB18218_CATEGORY_CODES.map((c) => (
                <option key={c} value={c}>
                  {c} {en ? GB18218_CATEGORIES[c].en : GB18218_CATEGORIES[c].zh}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--narrow">
            <label htmlFor={`chem-quantity-${i}`}>{t('form.maxQuantity')}</label>
            <input
              id={`chem-quantity-${i}`}
              type="number"
              required
              min={0}
              step="any"
              value={r.quantity}
              onChange={(e) => set(i, { quantity: e.target.value })}
            />
          </div>
          <button
            type="button"
            className="button button--small"
            disabled={rows.length === 1}
            onClick={() => onChange(rows.filter((_, n) => n !== i))}
          >
            {t('form.removeChemical')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--small"
        data-testid="add-chemical"
        onClick={() => onChange([...rows, emptyChemical()])}
      >
        {t('form.addChemical')}
      </button>
    </fieldset>
  );
}
