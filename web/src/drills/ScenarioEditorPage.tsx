import { useQuery } from '@tanstack/react-query';
import { ZONE_BOUNDARY, type ScenarioDocument, type ScenarioView } from '../contracts';
import { Link, useParams } from 'react-router';
import { ApiRequestError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { fetchScenario } from './api';
import { useDrillsT } from './i18n';
import { InjectTimeline } from './InjectTimeline';
import { emptyScenario } from './model';
import { BasicsSection } from './scenario-editor/BasicsSection';
import { ObjectivesSection } from './scenario-editor/ObjectivesSection';
import { RolesSection } from './scenario-editor/RolesSection';
import { ScenarioTools } from './scenario-editor/ScenarioTools';
import { SettingSection } from './scenario-editor/SettingSection';
import { useScenarioEditor } from './scenario-editor/use-scenario-editor';
import { drillKeys, DrillsTabs, FieldProblems, useCanDirect, useContactChoices } from './ui';

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
  const canEdit = useCanDirect();
  const contacts = useContactChoices();
  const editor = useScenarioEditor(initial, view);
  const { doc, update, at, save } = editor;
  const sections = { doc, update, at };

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
        <form className="form" onSubmit={editor.submit} data-testid="scenario-form" noValidate>
          {save.isError && !(save.error instanceof ApiRequestError && save.error.status === 400) && (
            <ErrorNotice error={save.error} />
          )}
          {save.isError && save.error instanceof ApiRequestError && save.error.status === 400 && (
            <p className="notice notice--error" role="alert">
              {t('editor.fixFields')}
            </p>
          )}
          <FieldProblems problems={editor.formProblems} />

          <BasicsSection {...sections} planTitle={view?.planTitle} />
          <ObjectivesSection {...sections} />
          <RolesSection {...sections} />
          <SettingSection {...sections} />

          <InjectTimeline
            injects={doc.injects}
            onChange={(injects) => update((d) => ({ ...d, injects }))}
            roles={doc.roles}
            objectives={doc.objectives}
            setting={doc.setting}
            contacts={(contacts.data ?? []).map((c) => ({ id: c.id, name: c.name, detail: c.organization }))}
            problemsOf={editor.injectProblems}
            disabled={!canEdit}
            onAdd={editor.addInject}
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
              {editor.dirty && <span className="field__hint">{t('editor.unsaved')}</span>}
            </div>
          )}
        </form>
        {view && (
          <aside className="drill-editor__side">
            <ScenarioTools view={view} onRestore={editor.restore} />
          </aside>
        )}
      </div>
    </div>
  );
}
