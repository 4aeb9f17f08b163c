import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import type { ImportResult } from '../contracts';
import { downloadExport, uploadImport } from './api';

export interface ImportExportBarProps {
  /** `/api/contacts` or `/api/resources`. */
  base: string;
  /** File name stem of exports. */
  name: string;
  formats: ('csv' | 'xlsx' | 'geojson')[];
  canImport: boolean;
  onImported: () => void;
  labels: {
    import: string;
    imported: (r: ImportResult) => string;
    importFailed: string;
    export: Record<string, string>;
  };
}

/**
 * Import (CSV/XLSX, all or nothing) and export buttons. A rejected file shows the server's
 * per-row report, one line per bad cell, so the user can fix the sheet and try again.
 */
export function ImportExportBar({
  base,
  name,
  formats,
  canImport,
  onImported,
  labels,
}: ImportExportBarProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => uploadImport(`${base}/import`, file),
    onSuccess: (r) => {
      setDone(r);
      onImported();
    },
  });
  const download = useMutation({
    mutationFn: (format: string) => downloadExport(`${base}/export?format=${format}`, `${name}.${format}`),
  });
  const rows =
    upload.error instanceof ApiRequestError && upload.error.status === 400 ? upload.error.messages : null;

  return (
    <div className="import-export">
      <div className="page-header__actions">
        {formats.map((f) => (
          <button key={f} type="button" className="button button--small" onClick={() => download.mutate(f)}>
            {labels.export[f]}
          </button>
        ))}
        {canImport && (
          <>
            <input
              ref={input}
              type="file"
              accept={[
                '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
                ...(formats.includes('geojson') ? ['.geojson,application/geo+json'] : []),
              ].join(',')}
              hidden
              data-testid={`${name}-import-file`}
              onChange={(e) => {
                const file = e.target.files?.[0];
                setDone(null);
                if (file) upload.mutate(file);
                e.target.value = '';
              }}
            />
            <button
              type="button"
              className="button button--small"
              disabled={upload.isPending}
              onClick={() => input.current?.click()}
            >
              {upload.isPending ? t('common.saving') : labels.import}
            </button>
          </>
        )}
      </div>
      {done && (
        <p role="status" data-testid="import-done">
          {labels.imported(done)}
        </p>
      )}
      {rows && (
        <div role="alert" className="import-report" data-testid="import-report">
          <p>{labels.importFailed}</p>
          <ul>
            {rows.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {upload.error && !rows && <ErrorNotice error={upload.error} compact />}
      {download.error && <ErrorNotice error={download.error} compact />}
    </div>
  );
}
