import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { uploadFile } from '../hazards/api';
import { ErrorNotice } from '../components/ErrorNotice';
import type { UnreportedDrill } from '../contracts';
import { isoToZonedInput, zonedInputToIso } from '../incidents/incident-model';
import { useZoneTimeZone } from '../incidents/ui';
import { reportRunToDepartment } from './api';
import { useDrillsT } from './i18n';

/**
 * Records that a listed unit's drill was reported to the competent department (MEM Order 2
 * Art. 33): when (on the zone's clock), to whom, and the document as sent.
 */
export function DepartmentReportForm({ drill, onDone }: { drill: UnreportedDrill; onDone: () => void }) {
  const { t } = useDrillsT();
  const timeZone = useZoneTimeZone();
  const queryClient = useQueryClient();
  const [reportedAt, setReportedAt] = useState(() => isoToZonedInput(new Date(), timeZone));
  const [department, setDepartment] = useState('');
  const [fileId, setFileId] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [timeError, setTimeError] = useState(false);
  const save = useMutation({
    mutationFn: (iso: string) => reportRunToDepartment(drill.runId, { reportedAt: iso, department, fileId }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['drills'] });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const iso = zonedInputToIso(reportedAt, timeZone);
    setTimeError(!iso);
    if (iso) save.mutate(iso);
  };
  const id = (f: string) => `dept-${drill.runId}-${f}`;
  return (
    <form
      className="form-grid"
      onSubmit={submit}
      aria-label={t('departmentReport.formLabel', { title: drill.title })}
    >
      <div className="field">
        <label htmlFor={id('at')}>{t('departmentReport.reportedAt')}</label>
        <input
          id={id('at')}
          type="datetime-local"
          required
          value={reportedAt}
          onChange={(e) => setReportedAt(e.target.value)}
        />
        {timeError && <p className="field__error">{t('departmentReport.badTime')}</p>}
      </div>
      <div className="field">
        <label htmlFor={id('dept')}>{t('departmentReport.department')}</label>
        <input
          id={id('dept')}
          required
          minLength={2}
          maxLength={100}
          placeholder={t('departmentReport.departmentPlaceholder')}
          value={department}
          onChange={(e) => setDepartment(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={id('file')}>{t('departmentReport.document')}</label>
        <input
          id={id('file')}
          type="file"
          accept="application/pdf,image/jpeg,image/png,image/webp"
          onChange={(e) => {
            const file = e.target.files?.[0];
            setUploadError(null);
            setFileId(null);
            if (!file) return;
            setUploading(true);
            uploadFile(file).then(
              (stored) => {
                setFileId(stored.id);
                setUploading(false);
              },
              (err: unknown) => {
                setUploadError(err);
                setUploading(false);
              },
            );
          }}
        />
        {uploadError != null && <ErrorNotice error={uploadError} compact />}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending || uploading}>
          {t('departmentReport.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('departmentReport.cancel')}
        </button>
      </div>
      {save.error && <ErrorNotice error={save.error} />}
    </form>
  );
}
