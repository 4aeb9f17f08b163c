import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';
import { Pagination, type PaginationProps } from './Pagination';

/** The part of a react-query result that its loading and error states need. */
export interface QueryStatus {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

/** A query still loading, or failed with a retry; nothing once it has data. */
export function QueryState({ query }: { query: QueryStatus }) {
  return (
    <>
      {query.isPending && <Loading />}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
    </>
  );
}

/** The heading of a column of row buttons: read out, not shown. */
export function ActionsHeading() {
  const { t } = useTranslation();
  return <span className="visually-hidden">{t('common.actions')}</span>;
}

export interface ListTableProps<T> {
  testId: string;
  columns: readonly ReactNode[];
  items: readonly T[];
  /** One `<tr>` with its key. */
  row: (item: T) => ReactNode;
  /** What the single row of an empty list says. */
  empty: ReactNode;
  /** Set while a new page or filter is fetched over the rows still shown. */
  busy?: boolean;
  paging?: PaginationProps;
}

/** A list's table with a row for "nothing here", and its pager when the list is paged. */
export function ListTable<T>({ testId, columns, items, row, empty, busy, paging }: ListTableProps<T>) {
  return (
    <>
      <div className="table-wrap">
        <table className="table" data-testid={testId} aria-busy={busy}>
          <thead>
            <tr>
              {columns.map((column, index) => (
                <th key={index} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="table__empty">
                  {empty}
                </td>
              </tr>
            )}
            {items.map(row)}
          </tbody>
        </table>
      </div>
      {paging && <Pagination {...paging} />}
    </>
  );
}
