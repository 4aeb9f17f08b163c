import './installations.css';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { RESPONSIBLE_ROLES, type InstallationView, type PointView } from '../contracts';
import { useZoneTime } from '../incidents/ui';
import {
  type ChartWindow,
  INGEST_KEY_ROLES,
  INSTALLATION_EDITOR_ROLES,
  WINDOWS,
  useAlarms,
  useInstallation,
  usePoints,
  useReadings,
  useSaveInstallation,
  useSavePoint,
} from './api';
import { AlarmTable } from './AlarmTable';
import { AssessmentDetails } from './AssessmentDetails';
import { gradeKey } from './grade';
import { useInstallationsT } from './i18n';
import { IngestKeyPanel } from './IngestKeyPanel';
import { InstallationForm } from './InstallationForm';
import { PointChart } from './PointChart';
import { PointForm } from './PointForm';
import { useAlarmsLive } from './use-alarms-live';

/** One installation: its chemicals and grade, its responsible persons, its points live, its alarms. */
export function InstallationPage() {
  const { id = '' } = useParams();
  const { t } = useInstallationsT();
  useAlarmsLive();
  const installation = useInstallation(id);
  const save = useSaveInstallation(id);
  const session = useSession();
  const [editing, setEditing] = useState(false);
  if (installation.isPending) return <Loading />;
  if (installation.isError)
    return <ErrorNotice error={installation.error} onRetry={() => void installation.refetch()} />;
  const i = installation.data;
  const role = session?.user.role;
  const editor = role ? INSTALLATION_EDITOR_ROLES.includes(role) : false;
  if (editing) {
    return (
      <div className="page">
        <PageHeader title={t('form.editTitle')}>{`${i.name}（${i.code}）`}</PageHeader>
        <InstallationForm
          initial={i}
          chooseEnterprise={false}
          busy={save.isPending}
          error={save.error}
          onSubmit={(input) => save.mutate(input, { onSuccess: () => setEditing(false) })}
          onCancel={() => setEditing(false)}
        />
      </div>
    );
  }
  return (
    <div className="page installation-page">
      <PageHeader
        title={`${i.name}（${i.code}）`}
        actions={
          <>
            <span
              className={`grade-badge grade-badge--${i.assessment.grade ?? 'none'}`}
              data-testid="installation-grade"
            >
              {t(gradeKey(i.assessment.grade))}
            </span>
            {editor && (
              <button
                type="button"
                className="button"
                data-testid="edit-installation"
                onClick={() => setEditing(true)}
              >
                {t('form.edit')}
              </button>
            )}
          </>
        }
      >
        {i.enterpriseName} · {t(`kind.${i.kind}`)}
      </PageHeader>
      <Identification installation={i} />
      <Responsible installation={i} />
      <Points installationId={i.id} editor={editor} />
      {role && INGEST_KEY_ROLES.includes(role) && (
        <IngestKeyPanel enterpriseId={i.enterpriseId} enterpriseName={i.enterpriseName} />
      )}
      <h2 className="section-title">{t('alarms.openForInstallation')}</h2>
      <InstallationAlarms installationId={i.id} canHandle={session?.user.role !== 'evaluator'} />
    </div>
  );
}

function Identification({ installation: i }: { installation: InstallationView }) {
  const { t } = useInstallationsT();
  return (
    <section className="card" aria-labelledby="identification-title">
      <h2 id="identification-title" className="section-title">
        {t('identification.title')}
      </h2>
      <AssessmentDetails assessment={i.assessment} peopleExposed={i.peopleExposed} />
      <p className="muted">{t('identification.note')}</p>
    </section>
  );
}

function Responsible({ installation: i }: { installation: InstallationView }) {
  const { t } = useInstallationsT();
  return (
    <section className="card" aria-labelledby="responsible-title">
      <h2 id="responsible-title" className="section-title">
        {t('responsible.title')}
      </h2>
      <dl className="responsible">
        {RESPONSIBLE_ROLES.map((role) => {
          const p = i.responsible[role];
          return (
            <div key={role}>
              <dt>{t(`responsible.${role}`)}</dt>
              <dd>{p ? `${p.name} ${p.phone}` : t('responsible.none')}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

function Points({ installationId, editor }: { installationId: string; editor: boolean }) {
  const { t } = useInstallationsT();
  const points = usePoints(installationId);
  const time = useZoneTime();
  const [window, setWindow] = useState<ChartWindow>('hour');
  /** The point being edited: 'new' for one being added. */
  const [editing, setEditing] = useState<PointView | 'new' | null>(null);
  if (points.isPending) return <Loading />;
  if (points.isError) return <ErrorNotice error={points.error} onRetry={() => void points.refetch()} />;
  return (
    <section className="card" aria-labelledby="points-title">
      <h2 id="points-title" className="section-title">
        {t('points.title')}
      </h2>
      {editor && editing === null && (
        <button type="button" className="button" data-testid="add-point" onClick={() => setEditing('new')}>
          {t('pointForm.add')}
        </button>
      )}
      {editing !== null && (
        <PointEditor
          installationId={installationId}
          point={editing === 'new' ? undefined : editing}
          onDone={() => setEditing(null)}
        />
      )}
      {points.data.length === 0 && <p className="muted">{t('points.empty')}</p>}
      {points.data.length > 0 && (
        <table className="table" data-testid="points-table">
          <thead>
            <tr>
              <th>{t('points.code')}</th>
              <th>{t('points.name')}</th>
              <th>{t('points.kind')}</th>
              <th>{t('points.latest')}</th>
              <th>{t('points.thresholds')}</th>
              <th>{t('pointForm.onAlarm')}</th>
              {editor && <th />}
            </tr>
          </thead>
          <tbody>
            {points.data.map((p) => (
              <tr key={p.id} data-testid={`point-${p.code}`}>
                <td>{p.code}</td>
                <td>{p.name}</td>
                <td>{t(`pointKind.${p.kind}`)}</td>
                <td>
                  {p.latest ? (
                    <>
                      <strong className={p.latest.band ? 'alarm-active' : ''}>
                        {p.latest.value} {p.unit}
                      </strong>{' '}
                      <span className="muted">
                        {p.latest.band ? t(`level.${p.latest.band}`) : t('points.inBand')} ·{' '}
                        {time(p.latest.ts)}
                      </span>
                    </>
                  ) : (
                    <span className="muted">{t('points.noReading')}</span>
                  )}
                </td>
                <td>{limits(p)}</td>
                <td>{t(`pointForm.actions.${p.onAlarm}`)}</td>
                {editor && (
                  <td>
                    <button type="button" className="button button--small" onClick={() => setEditing(p)}>
                      {t('form.edit')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {points.data.length > 0 && (
        <>
          <div className="chart-windows" role="group" aria-label={t('chart.title')}>
            {(Object.keys(WINDOWS) as ChartWindow[]).map((w) => (
              <button
                key={w}
                type="button"
                className={`button button--small${w === window ? ' button--primary' : ''}`}
                aria-pressed={w === window}
                onClick={() => setWindow(w)}
              >
                {t(`chart.${w}`)}
              </button>
            ))}
          </div>
          <div className="point-charts">
            {points.data.map((p) => (
              <PointTrend key={p.id} point={p} window={window} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function PointEditor({
  installationId,
  point,
  onDone,
}: {
  installationId: string;
  point: PointView | undefined;
  onDone: () => void;
}) {
  const { t } = useInstallationsT();
  const save = useSavePoint(installationId, point?.id);
  return (
    <div className="point-editor">
      <h3>{point ? t('pointForm.editTitle', { code: point.code }) : t('pointForm.add')}</h3>
      <PointForm
        initial={point}
        busy={save.isPending}
        error={save.error}
        onSubmit={(input) => save.mutate(input, { onSuccess: onDone })}
        onCancel={onDone}
      />
    </div>
  );
}

function limits(p: PointView): string {
  const parts: string[] = [];
  if (p.lowLow !== null) parts.push(`LL ${p.lowLow}`);
  if (p.low !== null) parts.push(`L ${p.low}`);
  if (p.high !== null) parts.push(`H ${p.high}`);
  if (p.highHigh !== null) parts.push(`HH ${p.highHigh}`);
  return `${parts.join(' · ')} ${p.unit}`;
}

function PointTrend({ point, window }: { point: PointView; window: ChartWindow }) {
  const { t } = useInstallationsT();
  const series = useReadings(point.id, window);
  return (
    <figure className="point-trend">
      <figcaption>
        <strong>{point.code}</strong> {point.name}
      </figcaption>
      {series.data && series.data.readings.length === 0 && <p className="muted">{t('chart.empty')}</p>}
      {series.data && series.data.readings.length > 0 && (
        <PointChart point={point} series={series.data} label={t('chart.label', { point: point.code })} />
      )}
      {series.isError && <ErrorNotice error={series.error} compact />}
    </figure>
  );
}

function InstallationAlarms({ installationId, canHandle }: { installationId: string; canHandle: boolean }) {
  const alarms = useAlarms({ installationId, open: true });
  if (alarms.isPending) return <Loading />;
  if (alarms.isError) return <ErrorNotice error={alarms.error} compact />;
  return <AlarmTable alarms={alarms.data.items} canHandle={canHandle} />;
}
