import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiRequestError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { FilterBar, SearchField, usePagedSearch } from '../components/ListControls';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { useZoneTime } from '../incidents/ui';
import { fetchScenarios, importScenario } from './api';
import { useDrillsT } from './i18n';
import { formatOffset } from './model';
import { drillKeys, DrillsTabs, useCanDirect } from './ui';

const PAGE_SIZE = 30;

/** The scenario library (the MSELs): search, open, start a new one or import one. */
export function ScenariosPage() {
  const { t } = useDrillsT();
  const zoneTime = useZoneTime();
  const navigate = useNavigate();
  const canEdit = useCanDirect();
  const { search, setSearch, q, page, setPage } = usePagedSearch();
  const filter = { q, page, pageSize: PAGE_SIZE };
  const scenarios = useQuery({
    queryKey: drillKeys.scenarios(filter),
    queryFn: ({ signal }) => fetchScenarios(filter, signal),
    placeholderData: keepPreviousData,
  });
  const fileInput = useRef<HTMLInputElement>(null);

  const importing = useMutation({
    mutationFn: async (file: File) => {
      let body: unknown;
      try {
        body = JSON.parse(await file.text());
      } catch {
        // Shown like a server refusal, so the person sees one kind of message for a bad file.
        throw new ApiRequestError(400, [t('scenarios.importNotJson', { name: file.name })]);
      }
      return importScenario(body);
    },
    onSuccess: (scenario) => navigate(`/drills/scenarios/${scenario.id}`),
  });

  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        actions={
          canEdit && (
            <>
              <button
                type="button"
                className="button"
                onClick={() => fileInput.current?.click()}
                disabled={importing.isPending}
              >
                {importing.isPending ? t('scenarios.importing') : t('scenarios.import')}
              </button>
              <Link className="button button--primary" to="/drills/scenarios/new" data-testid="scenario-new">
                {t('scenarios.new')}
              </Link>
            </>
          )
        }
      >
        {t('scenarios.subtitle')}
      </PageHeader>
      <DrillsTabs />
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="scenario-import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) importing.mutate(file);
        }}
      />
      {importing.isError && <ErrorNotice error={importing.error} />}

      <FilterBar search>
        <SearchField id="scenario-search" label={t('scenarios.search')} value={search} onChange={setSearch} />
      </FilterBar>

      <QueryState query={scenarios} />
      {scenarios.data && (
        <ListTable
          testId="scenario-table"
          columns={[
            t('scenario.title'),
            t('scenario.type'),
            t('scenario.enterprise'),
            t('scenario.plan'),
            t('scenarios.injects'),
            t('scenarios.version'),
            t('scenarios.updated'),
          ]}
          items={scenarios.data.items}
          empty={t('scenarios.empty')}
          paging={{ page: page, pageSize: PAGE_SIZE, total: scenarios.data.total, onPage: setPage }}
          row={(s) => {
            const last = s.injects.reduce((max, i) => Math.max(max, i.offsetSeconds), 0);
            return (
              <tr key={s.id} data-testid="scenario-row">
                <td>
                  <Link className="cell-title" to={`/drills/scenarios/${s.id}`}>
                    {s.title}
                  </Link>
                  <div className="cell-sub">{s.setting.title}</div>
                </td>
                <td className="nowrap">
                  {t(`form.${s.form}`)} · {t(`scope.${s.scope}`)}
                </td>
                <td>{s.enterpriseName ?? t('zone')}</td>
                <td>{s.planTitle ?? t('none')}</td>
                <td className="nowrap">
                  {t('scenarios.injectCount', { count: s.injects.length })}
                  {s.injects.length > 0 && <div className="cell-sub">{formatOffset(last)}</div>}
                </td>
                <td>v{s.version}</td>
                <td className="nowrap">{zoneTime(s.updatedAt)}</td>
              </tr>
            );
          }}
        />
      )}
    </div>
  );
}
