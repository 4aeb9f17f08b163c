import { Fragment, type ReactNode } from 'react';
import { Dialog } from './Dialog';

/** What a page is editing: a new record, an existing one, or nothing (the dialog is closed). */
export type Editing<T> = T | 'new' | null;

/**
 * The dialog of a record's form, for adding one or editing one. The form remounts per record,
 * so a draft never carries over from one record to the next.
 */
export function EditDialog<T extends { id: string }>({
  editing,
  addTitle,
  editTitle,
  onClose,
  children,
}: {
  editing: Editing<T>;
  addTitle: string;
  editTitle: string;
  onClose: () => void;
  /** The form, given the record or null for a new one. */
  children: (record: T | null) => ReactNode;
}) {
  return (
    <Dialog open={editing !== null} title={editing === 'new' ? addTitle : editTitle} onClose={onClose}>
      {editing !== null && (
        <Fragment key={editing === 'new' ? 'new' : editing.id}>
          {children(editing === 'new' ? null : editing)}
        </Fragment>
      )}
    </Dialog>
  );
}
