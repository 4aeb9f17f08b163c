import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../lib/use-debounced';

/**
 * The state behind a paged, searchable list: the search text as typed, the debounced `q` the
 * list is fetched with, and the page. A changed search or filter starts again on page 1, or a
 * narrowed list could open on a page past its end; `resetsPage` wraps a filter's setter so.
 */
export function usePagedSearch() {
  const [search, setSearchText] = useState('');
  const [page, setPage] = useState(1);
  const q = useDebounced(search.trim());
  const resetsPage =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  return { search, setSearch: resetsPage(setSearchText), q, page, setPage, resetsPage };
}

/** The row of filters above a list; it filters as the user types, so it never submits. */
export function FilterBar({ search = false, children }: { search?: boolean; children: ReactNode }) {
  return (
    <form
      className="filters"
      role={search ? 'search' : undefined}
      onSubmit={(event) => event.preventDefault()}
    >
      {children}
    </form>
  );
}

export function SearchField({
  id,
  label,
  placeholder,
  value,
  onChange,
}: {
  id: string;
  label: string;
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field field--inline">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        placeholder={placeholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

export interface Choice<T extends string> {
  value: T;
  label: string;
}

/** A select filter whose empty choice (first) means "any". */
export function ChoiceFilter<T extends string>({
  id,
  label,
  value,
  onChange,
  choices,
}: {
  id: string;
  label: string;
  value: T | '';
  onChange: (value: T | '') => void;
  choices: readonly Choice<T>[];
}) {
  const { t } = useTranslation();
  return (
    <div className="field field--inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T | '')}>
        <option value="">{t('common.all')}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
