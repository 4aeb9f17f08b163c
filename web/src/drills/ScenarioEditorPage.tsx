import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiRequestError } from '../api/client';
import { useAllEnterprises } from '../api/queries';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import {
  DRILL_FORMS,
  DRILL_SCOPES,
  INCIDENT_CATEGORIES,
  RESPONSE_LEVELS,
  type DrillForm,
  type DrillScope,
  type IncidentCategory,
  type ScenarioDocument,
  type ScenarioView,
} from '../contracts';
import { LocationPicker } from '../incidents/map/LocationPicker';
import { useZoneTime } from '../incidents/ui';
import { ZONE_BOUNDARY } from '../zone';
import {
  archiveScenario,
  copyScenario,
  createScenario,
  exportScenario,
  fetchScenario,
  fetchScenarioVersion,
  fetchScenarioVersions,
  updateScenario,
} from './api';
import { useDrillsT } from './i18n';
import { InjectTimeline } from './InjectTimeline';
import {
  defaultContent,
  emptyScenario,
  errorsAt,
  exportFileName,
  fieldErrors,
  nextId,
  usedIds,
} from './model';
import {
  drillKeys,
  DrillsTabs,
  FieldProblems,
  useCanDirect,
  useContactChoices,
  usePlanChoices,
  useTeamChoices,
} from './ui';

function zoneCentre(): { lat: number; lng: number } {
  const ring = ZONE_BOUNDARY.coordinates[0];
  const sum = ring.reduce((acc, [lng, lat]) => ({ lat: acc.lat + lat, lng: acc.lng + lng }), {
    lat: 0,
    lng: 0,
  });
  return { lat: sum.lat / ring.length, lng: sum.lng / ring.length };
}

/** The document part of a scenario view: what is saved as a new version. */
function documentOf(view: ScenarioView): ScenarioDocument {
  return {
    title: view.title,
    form: view.form,
    scope: view.scope,
    planId: view.planId,
    responseLevel: view.responseLevel,
    objectives: view.objectives,
    roles: view.roles,
    teamIds: view.teamIds,
    setting: view.setting,
    injects: view.injects,
  };
}

export function ScenarioEditorPage() {
  const { id = 'new' } = useParams();
  const { t } = useDrillsT();
  const scenario = useQuery({
    queryKey: drillKeys.scenario(id),
    queryFn: ({ signal }) => fetchScenario(id, signal),
    enabled: id !== 'new',
  });
  if (id === 'new') return <ScenarioEditor key="new" initial={emptyScenario(zoneCentre())} view={null} />;
  if (scenario.isPending) return <Loading />;
  if (scenario.isError) {
    return (
      <div className="page">
        <ErrorNotice error={scenario.error} onRetry={() => void scenario.refetch()} />
        <Link to="/drills/scenarios">{t('scenarios.back')}</Link>
      </div>
    );
  }
  // Keyed by version: a save answers the next version, which the form then starts from.
  return (
    <ScenarioEditor
      key={`${scenario.data.id}:${scenario.data.version}`}
      initial={documentOf(scenario.data)}
      view={scenario.data}
    />
  );
}

function ScenarioEditor({ initial, view }: { initial: ScenarioDocument; view: ScenarioView | null }) {
  const { t } = useDrillsT();
  const { t: tg } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canEdit = useCanDirect();
  const [doc, setDoc] = useState<ScenarioDocument>(initial);
  const [dirty, setDirty] = useState(false);
  // Problems of the last save, with the inject ids in the order they were sent: a 400 names
  // injects by index, and the planner may drag them before fixing the field.
  const [problems, setProblems] = useState<{ errors: Map<string, string[]>; sentIds: string[] } | null>(null);
  const plans = usePlanChoices();
  const teams = useTeamChoices();
  const contacts = useContactChoices();
  const enterprises = useAllEnterprises();

  const update = (fn: (d: ScenarioDocument) => ScenarioDocument) => {
    setDoc((d) => fn(d));
    setDirty(true);
  };
  const at = (path: string, nested = false) => (problems ? errorsAt(problems.errors, path, nested) : []);
  const injectProblems = (injectId: string) => {
    const index = problems?.sentIds.indexOf(injectId) ?? -1;
    return (path: string, nested = false) =>
      index < 0 ? [] : at(path ? `injects.${index}.${path}` : `injects.${index}`, nested);
  };

  const save = useMutation({
    mutationFn: (d: ScenarioDocument) => (view ? updateScenario(view.id, d) : createScenario(d)),
    onMutate: (d) => setProblems({ errors: new Map(), sentIds: d.injects.map((i) => i.id) }),
    onSuccess: (saved) => {
      setDirty(false);
      setProblems(null);
      queryClient.setQueryData(drillKeys.scenario(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['drills', 'scenarios'] });
      void queryClient.invalidateQueries({ queryKey: drillKeys.versions(saved.id) });
      if (!view) navigate(`/drills/scenarios/${saved.id}`, { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiRequestError && error.status === 400) {
        setProblems((p) => ({ errors: fieldErrors(error.messages), sentIds: p?.sentIds ?? [] }));
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(doc);
  };

  const general = at('');
  const knownPaths = /^(title|form|scope|planId|responseLevel|objectives|roles|teamIds|setting|injects)\b/;
  const unplaced = problems
    ? [...problems.errors.entries()]
        .filter(([path]) => path && !knownPaths.test(path))
        .map(([path, list]) => `${path}: ${list.join('；')}`)
    : [];

  const addInject = () =>
    update((d) => {
      const last = d.injects.reduce((max, i) => Math.max(max, i.offsetSeconds), 0);
      const id = nextId('inject', usedIds(d));
      return {
        ...d,
        injects: [
          ...d.injects,
          {
            id,
            offsetSeconds: d.injects.length ? last + 300 : 0,
            synopsis: '',
            kind: 'message',
            targetRoles: [],
            content: defaultContent('message', d.setting),
            expectedActions: [],
          },
        ],
      };
    });

  return (
    <div className="page">
      <PageHeader
        title={view ? view.title : t('editor.newTitle')}
        actions={<Link to="/drills/scenarios">{t('scenarios.back')}</Link>}
      >
        {view ? t('editor.versionLine', { version: view.version }) : t('editor.newHint')}
      </PageHeader>
      <DrillsTabs />
      <div className="drill-editor">
        <form className="form" onSubmit={submit} data-testid="scenario-form" noValidate>
          {save.isError && !(save.error instanceof ApiRequestError && save.error.status === 400) && (
            <ErrorNotice error={save.error} />
          )}
          {save.isError && save.error instanceof ApiRequestError && save.error.status === 400 && (
            <p className="notice notice--error" role="alert">
              {t('editor.fixFields')}
            </p>
          )}
          <FieldProblems problems={[...general, ...unplaced]} />

          <section className="card" aria-labelledby="basics-title">
            <h2 id="basics-title" className="card__title">
              {t('editor.basics')}
            </h2>
            <div className="field">
              <label htmlFor="scenario-title">{t('scenario.title')}</label>
              <input
                id="scenario-title"
                value={doc.title}
                maxLength={200}
                aria-invalid={at('title').length > 0 || undefined}
                onChange={(event) => update((d) => ({ ...d, title: event.target.value }))}
              />
              <FieldProblems problems={at('title')} />
            </div>
            <div className="drill-grid-2">
              <div className="field">
                <label htmlFor="scenario-form">{t('scenario.form')}</label>
                <select
                  id="scenario-form"
                  value={doc.form}
                  onChange={(event) => update((d) => ({ ...d, form: event.target.value as DrillForm }))}
                >
                  {DRILL_FORMS.map((f) => (
                    <option key={f} value={f}>
                      {t(`form.${f}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="scenario-scope">{t('scenario.scope')}</label>
                <select
                  id="scenario-scope"
                  value={doc.scope}
                  onChange={(event) => update((d) => ({ ...d, scope: event.target.value as DrillScope }))}
                >
                  {DRILL_SCOPES.map((s) => (
                    <option key={s} value={s}>
                      {t(`scope.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="scenario-plan">{t('scenario.plan')}</label>
                <select
                  id="scenario-plan"
                  value={doc.planId ?? ''}
                  onChange={(event) => update((d) => ({ ...d, planId: event.target.value || null }))}
                >
                  <option value="">{t('none')}</option>
                  {doc.planId && !plans.data?.items.some((p) => p.id === doc.planId) && (
                    <option value={doc.planId}>{view?.planTitle ?? doc.planId}</option>
                  )}
                  {(plans.data?.items ?? []).map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.title}
                      {p.enterpriseName ? ` · ${p.enterpriseName}` : ''}
                    </option>
                  ))}
                </select>
                <FieldProblems problems={at('planId')} />
              </div>
              <div className="field">
                <label htmlFor="scenario-level">{t('scenario.responseLevel')}</label>
                <select
                  id="scenario-level"
                  value={doc.responseLevel ?? ''}
                  onChange={(event) => update((d) => ({ ...d, responseLevel: event.target.value || null }))}
                >
                  <option value="">{t('none')}</option>
                  {RESPONSE_LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {tg(`incidents.level.${l}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          </section>

          <section className="card" aria-labelledby="objectives-title">
            <h2 id="objectives-title" className="card__title">
              {t('editor.objectives')}
            </h2>
            <ul className="drill-list-editor" data-testid="objectives">
              {doc.objectives.map((o, i) => (
                <li key={o.id}>
                  <span className="drill-id">{o.id}</span>
                  <div className="field" style={{ flex: 1 }}>
                    <input
                      aria-label={t('editor.objective', { n: i + 1 })}
                      value={o.text}
                      maxLength={500}
                      onChange={(event) =>
                        update((d) => ({
                          ...d,
                          objectives: d.objectives.map((x, j) =>
                            j === i ? { ...x, text: event.target.value } : x,
                          ),
                        }))
                      }
                    />
                    <FieldProblems problems={at(`objectives.${i}`, true)} />
                  </div>
                  <button
                    type="button"
                    className="button button--small button--danger"
                    onClick={() =>
                      update((d) => ({
                        ...d,
                        objectives: d.objectives.filter((_, j) => j !== i),
                        // An action may not point at an objective that is gone.
                        injects: d.injects.map((inj) => ({
                          ...inj,
                          expectedActions: inj.expectedActions.map((a) =>
                            a.objectiveId === o.id ? { ...a, objectiveId: null } : a,
                          ),
                        })),
                      }))
                    }
                  >
                    {t('remove')}
                  </button>
                </li>
              ))}
            </ul>
            <button
              type="button"
              className="button button--small"
              onClick={() =>
                update((d) => ({
                  ...d,
                  objectives: [...d.objectives, { id: nextId('obj', usedIds(d)), text: '' }],
                }))
              }
            >
              {t('editor.addObjective')}
            </button>
          </section>

          <section className="card" aria-labelledby="roles-title">
            <h2 id="roles-title" className="card__title">
              {t('editor.rolesAndTeams')}
            </h2>
            <RolesEditor
              roles={doc.roles}
              onChange={(roles) => update((d) => ({ ...d, roles }))}
              problems={at('roles', true)}
            />
            <fieldset className="field">
              <legend>{t('scenario.teams')}</legend>
              <div className="drill-checks">
                {(teams.data?.items ?? []).map((team) => (
                  <label key={team.id}>
                    <input
                      type="checkbox"
                      checked={doc.teamIds.includes(team.id)}
                      onChange={(event) =>
                        update((d) => ({
                          ...d,
                          teamIds: event.target.checked
                            ? [...d.teamIds, team.id]
                            : d.teamIds.filter((x) => x !== team.id),
                        }))
                      }
                    />
                    {team.name}
                  </label>
                ))}
              </div>
              {teams.isError && <ErrorNotice error={teams.error} compact />}
              <FieldProblems problems={at('teamIds', true)} />
            </fieldset>
          </section>

          <section className="card" aria-labelledby="setting-title">
            <h2 id="setting-title" className="card__title">
              {t('editor.setting')}
            </h2>
            <p className="card__hint">{t('editor.settingHint')}</p>
            <div className="drill-grid-2">
              <div className="field">
                <label htmlFor="setting-enterprise">{t('scenario.enterprise')}</label>
                <select
                  id="setting-enterprise"
                  value={doc.setting.enterpriseId ?? ''}
                  onChange={(event) => {
                    const enterprise = enterprises.data?.items.find((e) => e.id === event.target.value);
                    update((d) => ({
                      ...d,
                      setting: {
                        ...d.setting,
                        enterpriseId: enterprise?.id ?? null,
                        // The enterprise's site is where its scenario most likely happens.
                        ...(enterprise
                          ? {
                              location: { lat: enterprise.location.lat, lng: enterprise.location.lng },
                              address: d.setting.address || enterprise.address,
                            }
                          : {}),
                      },
                    }));
                  }}
                >
                  <option value="">{t('zone')}</option>
                  {(enterprises.data?.items ?? []).map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.name}
                    </option>
                  ))}
                </select>
                <FieldProblems problems={at('setting.enterpriseId')} />
              </div>
              <div className="field">
                <label htmlFor="setting-category">{t('scenario.category')}</label>
                <select
                  id="setting-category"
                  value={doc.setting.category}
                  onChange={(event) =>
                    update((d) => ({
                      ...d,
                      setting: { ...d.setting, category: event.target.value as IncidentCategory },
                    }))
                  }
                >
                  {INCIDENT_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {tg(`incidents.category.${c}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="setting-title">{t('scenario.settingTitle')}</label>
                <input
                  id="setting-title"
                  value={doc.setting.title}
                  maxLength={200}
                  aria-invalid={at('setting.title').length > 0 || undefined}
                  onChange={(event) =>
                    update((d) => ({ ...d, setting: { ...d.setting, title: event.target.value } }))
                  }
                />
                <FieldProblems problems={at('setting.title')} />
              </div>
              <div className="field">
                <label htmlFor="setting-address">{t('scenario.address')}</label>
                <input
                  id="setting-address"
                  value={doc.setting.address}
                  maxLength={300}
                  aria-invalid={at('setting.address').length > 0 || undefined}
                  onChange={(event) =>
                    update((d) => ({ ...d, setting: { ...d.setting, address: event.target.value } }))
                  }
                />
                <FieldProblems problems={at('setting.address')} />
              </div>
            </div>
            <div className="field">
              <label htmlFor="setting-summary">{t('scenario.summary')}</label>
              <textarea
                id="setting-summary"
                rows={3}
                maxLength={2000}
                value={doc.setting.summary}
                aria-invalid={at('setting.summary').length > 0 || undefined}
                onChange={(event) =>
                  update((d) => ({ ...d, setting: { ...d.setting, summary: event.target.value } }))
                }
              />
              <FieldProblems problems={at('setting.summary')} />
            </div>
            <div className="field">
              <span className="field__hint">
                {t('editor.locationHint', {
                  lat: doc.setting.location.lat.toFixed(5),
                  lng: doc.setting.location.lng.toFixed(5),
                })}
              </span>
              <div className="drill-map">
                <LocationPicker
                  value={[doc.setting.location.lat, doc.setting.location.lng]}
                  focus={[doc.setting.location.lat, doc.setting.location.lng]}
                  onChange={([lat, lng]) =>
                    update((d) => ({ ...d, setting: { ...d.setting, location: { lat, lng } } }))
                  }
                />
              </div>
              <FieldProblems problems={at('setting.location', true)} />
            </div>
          </section>

          <InjectTimeline
            injects={doc.injects}
            onChange={(injects) => update((d) => ({ ...d, injects }))}
            roles={doc.roles}
            objectives={doc.objectives}
            setting={doc.setting}
            contacts={(contacts.data ?? []).map((c) => ({ id: c.id, name: c.name, detail: c.organization }))}
            problemsOf={injectProblems}
            disabled={!canEdit}
            onAdd={addInject}
          />

          {canEdit && (
            <div className="form__actions">
              <button
                type="submit"
                className="button button--primary"
                disabled={save.isPending}
                data-testid="scenario-save"
              >
                {save.isPending ? t('saving') : view ? t('editor.saveVersion') : t('editor.create')}
              </button>
              {dirty && <span className="field__hint">{t('editor.unsaved')}</span>}
            </div>
          )}
        </form>
        {view && (
          <aside className="drill-editor__side">
            <ScenarioTools
              view={view}
              onRestore={(restored) => {
                setDoc(restored);
                setDirty(true);
                setProblems(null);
              }}
            />
          </aside>
        )}
      </div>
    </div>
  );
}

function RolesEditor({
  roles,
  onChange,
  problems,
}: {
  roles: string[];
  onChange: (roles: string[]) => void;
  problems: string[];
}) {
  const { t } = useDrillsT();
  const [text, setText] = useState('');
  const add = () => {
    const names = text
      .split(/[,，、;；\n]/)
      .map((s) => s.trim())
      .filter((s) => s && !roles.includes(s));
    if (names.length) onChange([...roles, ...new Set(names)]);
    setText('');
  };
  return (
    <div className="field">
      <label htmlFor="role-input">{t('scenario.roles')}</label>
      <div>
        {roles.map((r) => (
          <span key={r} className="chip" data-testid="scenario-role">
            {r}{' '}
            <button
              type="button"
              className="drill-chip-remove"
              aria-label={t('editor.removeRole', { role: r })}
              onClick={() => onChange(roles.filter((x) => x !== r))}
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <div style={{ display: 'flex', gap: 8 }}>
        <input
          id="role-input"
          value={text}
          placeholder={t('editor.rolePlaceholder')}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button button--small" onClick={add} disabled={!text.trim()}>
          {t('editor.addRole')}
        </button>
      </div>
      <FieldProblems problems={problems} />
    </div>
  );
}

/** Versions, copy and export of a saved scenario. */
function ScenarioTools({
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
