import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import type { ScenarioDocument, ScenarioView } from '../../contracts';
import { useZoneTime } from '../../incidents/ui';
import {
  archiveScenario,
  copyScenario,
  exportScenario,
  fetchScenarioVersion,
  fetchScenarioVersions,
} from '../api';
import { useDrillsT } from '../i18n';
import { exportFileName } from '../model';
import { drillKeys, useCanDirect } from '../ui';

/** Versions, copy and export of a saved scenario. */
export function ScenarioTools({
  view,
  onRestore,
}: {
  view: ScenarioView;
  onRestore: (doc: ScenarioDocument) => void;
}) {
  const { t } = useDrillsT();
  const zoneTime = useZoneTime();
  const navigate = useNavigate();
  const canEdit = useCanDirect();
  const versions = useQuery({
    queryKey: drillKeys.versions(view.id),
    queryFn: ({ signal }) => fetchScenarioVersions(view.id, signal),
  });
  const restore = useMutation({
    mutationFn: (version: number) => fetchScenarioVersion(view.id, version),
    onSuccess: onRestore,
  });
  const copy = useMutation({
    mutationFn: () => copyScenario(view.id),
    onSuccess: (copied) => navigate(`/drills/scenarios/${copied.id}`),
  });
  const download = useMutation({
    mutationFn: async () => {
      const data = await exportScenario(view.id);
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = exportFileName(view.title);
      document.body.append(a);
      a.click();
      a.remove();
      // Revoked after the click has been handled, or some browsers cancel the download.
      setTimeout(() => URL.revokeObjectURL(url), 1_000);
    },
  });
  const queryClient = useQueryClient();
  const archive = useMutation({
    mutationFn: () => archiveScenario(view.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['drills', 'scenarios'] });
      navigate('/drills/scenarios');
    },
  });
  const sorted = useMemo(
    () => [...(versions.data ?? [])].sort((a, b) => b.version - a.version),
    [versions.data],
  );

  return (
    <>
      <section className="card">
        <h2 className="card__title">{t('editor.tools')}</h2>
        <div style={{ display: 'grid', gap: 8 }}>
          <button
            type="button"
            className="button"
            onClick={() => download.mutate()}
            disabled={download.isPending}
            data-testid="scenario-export"
          >
            {t('editor.export')}
          </button>
          {canEdit && (
            <button
              type="button"
              className="button"
              onClick={() => copy.mutate()}
              disabled={copy.isPending}
              data-testid="scenario-copy"
            >
              {t('editor.copy')}
            </button>
          )}
          {canEdit && (
            <Link className="button button--primary" to={`/drills?schedule=${view.id}`}>
              {t('editor.schedule')}
            </Link>
          )}
          {canEdit && (
            <button
              type="button"
              className="button button--danger"
              onClick={() => window.confirm(t('editor.archiveConfirm')) && archive.mutate()}
              disabled={archive.isPending}
              data-testid="scenario-archive"
            >
              {t('editor.archive')}
            </button>
          )}
        </div>
        {download.isError && <ErrorNotice error={download.error} compact />}
        {copy.isError && <ErrorNotice error={copy.error} compact />}
        {archive.isError && <ErrorNotice error={archive.error} compact />}
      </section>
      <section className="card" aria-labelledby="versions-title">
        <h2 id="versions-title" className="card__title">
          {t('editor.versions')}
        </h2>
        {versions.isPending && <Loading />}
        {versions.isError && <ErrorNotice error={versions.error} compact />}
        <ol className="drill-list-editor" data-testid="scenario-versions">
          {sorted.map((v) => (
            <li key={v.version}>
              <div style={{ flex: 1 }}>
                <strong>v{v.version}</strong> {v.title}
                <div className="cell-sub">
                  {zoneTime(v.createdAt)}
                  {v.createdBy ? ` · ${v.createdBy}` : ''}
                </div>
              </div>
              {canEdit && v.version !== view.version && (
                <button
                  type="button"
                  className="button button--small"
                  disabled={restore.isPending}
                  onClick={() => restore.mutate(v.version)}
                  title={t('editor.restoreHint')}
                >
                  {t('editor.restore')}
                </button>
              )}
            </li>
          ))}
        </ol>
        {restore.isError && <ErrorNotice error={restore.error} compact />}
      </section>
    </>
  );
}
