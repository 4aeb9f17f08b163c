import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { usePublicConfig } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { FileOpenButton } from '../components/FileOpenButton';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { YearField as SharedYearField } from '../components/YearField';
import {
  SAFETY_FUND_CATEGORIES,
  SAFETY_FUND_INDUSTRIES,
  type SafetyFundCategory,
  type SafetyFundIndustry,
  type SafetyFundYearView,
} from '../contracts';
import { downloadXlsx, uploadFile } from '../hazards/api';
import { useAddSpend, useFundTable, useLedger, useRemoveSpend, useSetYear } from './api';
import { useSafetyFundsT } from './i18n';
import './safety-funds.css';

const WRITERS = ['zone_admin', 'enterprise_officer'];

function useYear(): [number, (y: number) => void] {
  const config = usePublicConfig();
  const timeZone = config.data?.timeZone ?? 'Asia/Shanghai';
  const [params, setParams] = useSearchParams();
  const current = Number(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(new Date()));
  const year = Number(params.get('year')) || current;
  return [year, (y) => setParams({ year: String(y) }, { replace: true })];
}

function useMoney() {
  const { i18n } = useSafetyFundsT();
  const format = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (n: number | null) => (n === null ? '—' : format.format(n));
}

function Flag({ row }: { row: SafetyFundYearView }) {
  const { t } = useSafetyFundsT();
  if (row.required === null)
    return <span className="fund-flag fund-flag--unknown">{t('table.unknown')}</span>;
  return row.belowRequirement ? (
    <span className="fund-flag fund-flag--below" data-testid="fund-below">
      {t('table.below')}
    </span>
  ) : (
    <span className="fund-flag fund-flag--ok">{t('table.ok')}</span>
  );
}

function YearField({ year, setYear }: { year: number; setYear: (y: number) => void }) {
  const { t } = useSafetyFundsT();
  return (
    <SharedYearField id="fund-year" className="fund-year" label={t('year')} year={year} setYear={setYear} />
  );
}

/** Per enterprise: what it had to set aside, what it did, what it spent, and who is short. */
export function SafetyFundsPage() {
  const { t } = useSafetyFundsT();
  const money = useMoney();
  const [year, setYear] = useYear();
  const table = useFundTable(year);
  const [exportError, setExportError] = useState<unknown>(null);
  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        actions={
          <button
            type="button"
            className="button"
            onClick={() => {
              setExportError(null);
              downloadXlsx('/api/safety-funds/export', { year }, `safety-funds-${year}.xlsx`).catch(
                setExportError,
              );
            }}
          >
            {t('export')}
          </button>
        }
      >
        {t('subtitle')}
      </PageHeader>
      {Boolean(exportError) && <ErrorNotice error={exportError} />}
      <YearField year={year} setYear={setYear} />
      <QueryState query={table} />
      {table.data && (
        <ListTable
          testId="fund-table"
          columns={[
            t('table.enterprise'),
            t('table.industry'),
            t('table.required'),
            t('table.setAside'),
            t('table.flag'),
            t('table.spent'),
            t('table.usage'),
            t('table.balance'),
          ]}
          items={table.data}
          empty={t('table.empty')}
          row={(r) => (
            <tr key={r.enterpriseId} data-enterprise={r.enterpriseId}>
              <td>
                <Link to={`/safety-funds/${r.enterpriseId}?year=${year}`}>{r.enterpriseName}</Link>
              </td>
              <td>{t(`industry.${r.industry ?? 'none'}`)}</td>
              <td className="num">{money(r.required)}</td>
              <td className="num">{money(r.setAside)}</td>
              <td>
                <Flag row={r} />
              </td>
              <td className="num" data-testid="fund-spent">
                {money(r.spent)}
              </td>
              <td className="num">{r.setAside > 0 ? `${Math.round((r.spent / r.setAside) * 100)}%` : '—'}</td>
              <td className="num">{money(r.balance)}</td>
            </tr>
          )}
        />
      )}
    </div>
  );
}

/** One enterprise's year: the figures it reports and its spending ledger. */
export function SafetyFundLedgerPage() {
  const { id = '' } = useParams();
  const { t } = useSafetyFundsT();
  const money = useMoney();
  const [year, setYear] = useYear();
  const session = useSession();
  const writer = session ? WRITERS.includes(session.user.role) : false;
  const ledger = useLedger(id, year);
  const remove = useRemoveSpend();
  const view = ledger.data?.year;
  return (
    <div className="page">
      <QueryState query={ledger} />
      {view && ledger.data && (
        <>
          <PageHeader title={`${view.enterpriseName} · ${t('title')} ${year}`}>
            {view.article ? t('ledger.article', { article: view.article }) : t('subtitle')}
          </PageHeader>
          <p>
            <Link to={`/safety-funds?year=${year}`}>{t('ledger.back')}</Link>
          </p>
          <YearField year={year} setYear={setYear} />
          <dl className="fund-facts" data-testid="fund-facts">
            <dt>{t('table.priorRevenue')}</dt>
            <dd>{money(view.priorRevenue)}</dd>
            <dt>{t('table.required')}</dt>
            <dd>{money(view.required)}</dd>
            <dt>{t('table.setAside')}</dt>
            <dd>
              {money(view.setAside)} <Flag row={view} />
            </dd>
            <dt>{t('table.carriedOver')}</dt>
            <dd>{money(view.carriedOver)}</dd>
            <dt>{t('table.spent')}</dt>
            <dd>{money(view.spent)}</dd>
            <dt>{t('table.balance')}</dt>
            <dd>{money(view.balance)}</dd>
          </dl>
          {writer && (
            // Keyed by what it was filled from: another year, or a saved change, starts it afresh.
            <YearForm
              key={`${year}:${view.industry}:${view.priorRevenue}:${view.setAside}`}
              enterpriseId={id}
              year={year}
              view={view}
            />
          )}
          {writer && <SpendForm enterpriseId={id} year={year} />}
          <h2>{t('ledger.spends')}</h2>
          {remove.isError && <ErrorNotice error={remove.error} />}
          <ListTable
            testId="fund-spends"
            columns={[
              t('ledger.spentOn'),
              t('ledger.category'),
              t('ledger.amount'),
              t('ledger.description'),
              t('ledger.receipts'),
              '',
            ]}
            items={ledger.data.spends}
            empty={t('ledger.noSpends')}
            row={(s) => (
              <tr key={s.id}>
                <td className="nowrap">{s.spentOn}</td>
                <td>{t(`category.${s.category}`)}</td>
                <td className="num">{money(s.amount)}</td>
                <td>{s.description}</td>
                <td>
                  {s.receipts.map((f) => (
                    <FileOpenButton key={f.id} file={f} />
                  ))}
                </td>
                <td>
                  {writer && (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => window.confirm(t('ledger.confirmDelete')) && remove.mutate(s.id)}
                    >
                      {t('ledger.delete')}
                    </button>
                  )}
                </td>
              </tr>
            )}
          />
        </>
      )}
    </div>
  );
}

function YearForm({
  enterpriseId,
  year,
  view,
}: {
  enterpriseId: string;
  year: number;
  view: SafetyFundYearView;
}) {
  const { t } = useSafetyFundsT();
  const save = useSetYear(enterpriseId, year);
  const [industry, setIndustry] = useState<SafetyFundIndustry | ''>(view.industry ?? '');
  const [revenue, setRevenue] = useState(view.priorRevenue === null ? '' : String(view.priorRevenue));
  const [setAside, setSetAside] = useState(String(view.setAside));
  return (
    <details className="fund-form">
      <summary>{t('ledger.yearForm')}</summary>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            industry: industry || null,
            priorRevenue: revenue === '' ? null : Number(revenue),
            setAside: Number(setAside),
          });
        }}
      >
        <div className="form__row">
          <div className="field">
            <label htmlFor="fy-industry">{t('industry.label')}</label>
            <select
              id="fy-industry"
              value={industry}
              onChange={(e) => setIndustry(e.target.value as SafetyFundIndustry | '')}
            >
              <option value="">{t('industry.none')}</option>
              {SAFETY_FUND_INDUSTRIES.map((i) => (
                <option key={i} value={i}>
                  {t(`industry.${i}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="fy-revenue">{t('table.priorRevenue')}</label>
            <input
              id="fy-revenue"
              type="number"
              min="0"
              step="0.01"
              value={revenue}
              onChange={(e) => setRevenue(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="fy-set-aside">{t('table.setAside')}</label>
            <input
              id="fy-set-aside"
              type="number"
              min="0"
              step="0.01"
              value={setAside}
              onChange={(e) => setSetAside(e.target.value)}
              required
            />
          </div>
        </div>
        {save.isError && <ErrorNotice error={save.error} />}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {t('ledger.save')}
          </button>
        </div>
      </form>
    </details>
  );
}

function SpendForm({ enterpriseId, year }: { enterpriseId: string; year: number }) {
  const { t } = useSafetyFundsT();
  const add = useAddSpend();
  const [spentOn, setSpentOn] = useState('');
  const [category, setCategory] = useState<SafetyFundCategory>('facilities');
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [fileKey, setFileKey] = useState(0);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setUploadError(null);
    let receiptFileIds: string[];
    try {
      receiptFileIds = (await Promise.all(files.map((f) => uploadFile(f)))).map((f) => f.id);
    } catch (err) {
      setUploadError(err);
      return;
    }
    add.mutate(
      { enterpriseId, spentOn, category, amount: Number(amount), description, receiptFileIds },
      {
        onSuccess: () => {
          setAmount('');
          setDescription('');
          setFiles([]);
          setFileKey((k) => k + 1);
        },
      },
    );
  };
  return (
    <details className="fund-form" open>
      <summary>{t('ledger.spendForm')}</summary>
      <form className="form" onSubmit={(e) => void submit(e)} data-testid="fund-spend-form">
        <div className="form__row">
          <div className="field">
            <label htmlFor="fs-date">{t('ledger.spentOn')}</label>
            <input
              id="fs-date"
              type="date"
              min={`${year}-01-01`}
              max={`${year}-12-31`}
              value={spentOn}
              onChange={(e) => setSpentOn(e.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="fs-category">{t('ledger.category')}</label>
            <select
              id="fs-category"
              value={category}
              onChange={(e) => setCategory(e.target.value as SafetyFundCategory)}
            >
              {SAFETY_FUND_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`category.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="fs-amount">{t('ledger.amount')}</label>
            <input
              id="fs-amount"
              type="number"
              min="0.01"
              step="0.01"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              required
            />
          </div>
        </div>
        <div className="field">
          <label htmlFor="fs-description">{t('ledger.description')}</label>
          <input
            id="fs-description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="fs-receipts">{t('ledger.receipts')}</label>
          <input
            key={fileKey}
            id="fs-receipts"
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp,application/pdf"
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
        </div>
        {Boolean(uploadError) && <ErrorNotice error={uploadError} />}
        {add.isError && <ErrorNotice error={add.error} />}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={add.isPending}>
            {t('ledger.add')}
          </button>
        </div>
      </form>
    </details>
  );
}
