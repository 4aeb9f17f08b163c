import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiRequestError } from '../api/client';
import { useSession } from '../auth/session-hooks';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { ChoiceFilter, FilterBar } from '../components/ListControls';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { RUN_STATUSES, type RunStatus } from '../contracts';
import { useZoneTime, useZoneTimeZone } from '../incidents/ui';
import { fetchDrillStaff, fetchRuns, fetchScenarios, scheduleRun } from './api';
import { useDrillsT } from './i18n';
import { RosterFields } from './RosterFields';
import { errorsAt, fieldErrors, isoToZonedLocal, zonedLocalToIso } from './model';
import {
  drillKeys,
  DrillsTabs,
  FieldProblems,
  RunStatusBadge,
  useCanDirect,
  useCanEvaluate,
  useRosterLine,
} from './ui';

const PAGE_SIZE = 30;

/** Drill runs: scheduled, running and past, and scheduling a new one. */
export function RunsPage() {
  const { t } = useDrillsT();
  const zoneTime = useZoneTime();
  const canDirect = useCanDirect();
  const canEvaluate = useCanEvaluate();
  const rosterLine = useRosterLine();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<RunStatus | ''>('');
  const [page, setPage] = useState(1);
  const filter = { status, page, pageSize: PAGE_SIZE };
  const runs = useQuery({
    queryKey: drillKeys.runs(filter),
    queryFn: ({ signal }) => fetchRuns(filter, signal),
    placeholderData: keepPreviousData,
  });
  const scheduleFor = params.get('schedule');
  const scheduling = scheduleFor !== null;
  const closeSchedule = () =>
    setParams(
      (p) => {
        p.delete('schedule');
        return p;
      },
      { replace: true },
    );

  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        actions={
          canDirect && (
            <button
              type="button"
              className="button button--primary"
              data-testid="run-schedule"
              onClick={() => setParams({ schedule: '' })}
            >
              {t('runs.schedule')}
            </button>
          )
        }
      >
        {t('runs.subtitle')}
      </PageHeader>
      <DrillsTabs />
      <FilterBar>
        <ChoiceFilter
          id="run-status"
          label={t('runs.status')}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          choices={RUN_STATUSES.map((s) => ({ value: s, label: t(`runStatus.${s}`) }))}
        />
      </FilterBar>
      <QueryState query={runs} />
      {runs.data && (
        <ListTable
          testId="run-table"
          columns={[
            t('runs.drill'),
            t('runs.scheduledFor'),
            t('runs.status'),
            t('runs.director'),
            t('runs.roster'),
            t('runs.open'),
          ]}
          items={runs.data.items}
          empty={t('runs.empty')}
          paging={{ page, pageSize: PAGE_SIZE, total: runs.data.total, onPage: setPage }}
          row={(run) => (
            <tr key={run.id} data-testid="run-row" data-run-id={run.id}>
              <td>
                <Link className="cell-title" to={`/drills/runs/${run.id}`}>
                  {run.title}
                </Link>
                <div className="cell-sub">
                  {t(`form.${run.form}`)} · {t(`scope.${run.scope}`)} · {run.enterpriseName ?? t('zone')}
                </div>
              </td>
              <td className="nowrap">{zoneTime(run.scheduledFor)}</td>
              <td>
                <RunStatusBadge status={run.status} />
              </td>
              <td>{run.directorName}</td>
              <td className="nowrap">{rosterLine(run.roster)}</td>
              <td className="nowrap">
                <Link to={`/drills/runs/${run.id}`}>{t('runs.console')}</Link>
                {canEvaluate && run.incidentId && (
                  <>
                    {' · '}
                    <Link to={`/drills/runs/${run.id}/evaluate`}>{t('runs.evaluate')}</Link>
                  </>
                )}
                {' · '}
                <Link to={`/drills/runs/${run.id}/report`}>{t('runs.report')}</Link>
              </td>
            </tr>
          )}
        />
      )}
      <Dialog open={scheduling} title={t('runs.schedule')} onClose={closeSchedule}>
        {scheduling && <ScheduleForm scenarioId={scheduleFor} onCancel={closeSchedule} />}
      </Dialog>
    </div>
  );
}

function inAnHour(timeZone: string): string {
  const next = new Date(Date.now() + 3_600_000);
  next.setUTCMinutes(0, 0, 0);
  return isoToZonedLocal(next.toISOString(), timeZone);
}

function ScheduleForm({ scenarioId, onCancel }: { scenarioId: string; onCancel: () => void }) {
  const { t } = useDrillsT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const timeZone = useZoneTimeZone();
  const [scenario, setScenario] = useState(scenarioId);
  const [when, setWhen] = useState(() => inAnHour(timeZone));
  const [directorId, setDirectorId] = useState('');
  const [contactIds, setContactIds] = useState<string[]>([]);
  // Null until the director changes it: the chosen scenario's teams are on the roster by default.
  const [pickedTeams, setTeamIds] = useState<string[] | null>(null);
  const [evaluatorIds, setEvaluatorIds] = useState<string[]>([]);
  const [whenError, setWhenError] = useState(false);
  const scenarios = useQuery({
    queryKey: drillKeys.scenarios({ pageSize: 200 }),
    queryFn: ({ signal }) => fetchScenarios({ pageSize: 200 }, signal),
  });
  const staff = useQuery({
    queryKey: ['drills', 'staff'],
    queryFn: ({ signal }) => fetchDrillStaff(signal),
  });
  const chosen = scenarios.data?.items.find((s) => s.id === scenario);
  const teamIds = pickedTeams ?? chosen?.teamIds ?? [];

  const pickScenario = (id: string) => {
    setScenario(id);
    setTeamIds(null);
  };

  const save = useMutation({
    mutationFn: scheduleRun,
    onSuccess: (run) => {
      void queryClient.invalidateQueries({ queryKey: ['drills', 'runs'] });
      navigate(`/drills/runs/${run.id}`);
    },
  });
  const errors =
    save.error instanceof ApiRequestError && save.error.status === 400
      ? fieldErrors(save.error.messages)
      : null;
  const at = (path: string) => (errors ? errorsAt(errors, path, true) : []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const scheduledFor = zonedLocalToIso(when, timeZone);
    setWhenError(!scheduledFor);
    if (!scheduledFor || !scenario) return;
    save.mutate({
      scenarioId: scenario,
      scheduledFor,
      ...(directorId ? { directorId } : {}),
      contactIds,
      teamIds,
      evaluatorIds,
    });
  };

  return (
    <form className="form" onSubmit={submit} data-testid="schedule-form" noValidate>
      {save.isError && !errors && <ErrorNotice error={save.error} />}
      {errors && <FieldProblems problems={errorsAt(errors, '')} />}
      <div className="drill-grid-2">
        <div className="field">
          <label htmlFor="run-scenario">{t('runs.scenario')}</label>
          <select
            id="run-scenario"
            value={scenario}
            onChange={(event) => pickScenario(event.target.value)}
            aria-invalid={at('scenarioId').length > 0 || undefined}
          >
            <option value="">{t('choose')}</option>
            {(scenarios.data?.items ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} (v{s.version})
              </option>
            ))}
          </select>
          {chosen && (
            <p className="field__hint">
              {t(`form.${chosen.form}`)} · {t(`scope.${chosen.scope}`)} ·{' '}
              {t('scenarios.injectCount', { count: chosen.injects.length })}
            </p>
          )}
          <FieldProblems problems={at('scenarioId')} />
        </div>
        <div className="field">
          <label htmlFor="run-when">{t('runs.scheduledFor')}</label>
          <input
            id="run-when"
            type="datetime-local"
            value={when}
            onChange={(event) => setWhen(event.target.value)}
            aria-invalid={whenError || at('scheduledFor').length > 0 || undefined}
          />
          <p className="field__hint">{t('runs.zoneTime', { zone: timeZone })}</p>
          <FieldProblems problems={whenError ? [t('runs.badTime')] : at('scheduledFor')} />
        </div>
        <div className="field">
          <label htmlFor="run-director">{t('runs.director')}</label>
          {staff.data ? (
            <select
              id="run-director"
              value={directorId}
              onChange={(event) => setDirectorId(event.target.value)}
            >
              <option value="">{t('runs.me', { name: session?.user.name ?? '' })}</option>
              {staff.data.directors
                .filter((u) => u.id !== session?.user.id)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
            </select>
          ) : (
            <input id="run-director" value={session?.user.name ?? ''} readOnly />
          )}
          <FieldProblems problems={at('directorId')} />
        </div>
      </div>
      <RosterFields
        value={{ contactIds, teamIds, evaluatorIds }}
        onChange={(roster) => {
          setContactIds(roster.contactIds);
          setTeamIds(roster.teamIds);
          setEvaluatorIds(roster.evaluatorIds);
        }}
        problemsAt={at}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending || !scenario}>
          {save.isPending ? t('saving') : t('runs.scheduleSubmit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
