import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice';
import { QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { FileOpenButton } from '../components/FileOpenButton';
import { decisionActions, type DecisionAction } from '../contracts';
import { useBoard, useDecision, useDecisionAction } from './api';
import { useOrganisationT } from './i18n';
import {
  DecisionTable,
  Deadline,
  GroupTabs,
  OFFICE_ACTIONS,
  StatusBadge,
  WORKERS,
  uploadAll,
  useRole,
} from './leading-group-shared';
import './organisation.css';

const BOARD_STATES = ['open', 'overdue', 'closed', 'all'] as const;

export function DecisionBoardPage() {
  const { t } = useOrganisationT();
  const [params, setParams] = useSearchParams();
  const state = BOARD_STATES.find((s) => s === params.get('state')) ?? 'open';
  const department = params.get('department') ?? '';
  const board = useBoard(state);
  const set = (next: { state?: string; department?: string }) => {
    const merged = { state, department, ...next };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v)), { replace: true });
  };
  const items = (board.data?.items ?? []).filter((d) => !department || d.department === department);
  return (
    <div className="page">
      <PageHeader title={t('board.title')}>{t('board.subtitle')}</PageHeader>
      <GroupTabs />
      <div className="form__row org-filters">
        <div className="field">
          <label htmlFor="board-state">{t('board.state')}</label>
          <select id="board-state" value={state} onChange={(e) => set({ state: e.target.value })}>
            {BOARD_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`board.states.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryState query={board} />
      {board.data && (
        <>
          <h2>{t('board.byDepartment')}</h2>
          <ul className="org-departments" data-testid="board-departments">
            <li>
              <button
                type="button"
                className={`org-chip${department ? '' : ' org-chip--on'}`}
                onClick={() => set({ department: '' })}
              >
                {t('board.allDepartments')}
              </button>
            </li>
            {board.data.departments.map((d) => (
              <li key={d.department}>
                <button
                  type="button"
                  className={`org-chip${department === d.department ? ' org-chip--on' : ''}`}
                  onClick={() => set({ department: d.department })}
                >
                  {d.department} · {t('board.open')} {d.open}
                  {d.overdue > 0 && (
                    <span className="org-flag org-flag--bad">
                      {t('board.overdue')} {d.overdue}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
          <DecisionTable items={items} testId="decision-board" showMeeting />
        </>
      )}
    </div>
  );
}

export function DecisionPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useOrganisationT();
  const role = useRole();
  const decision = useDecision(id);
  const d = decision.data;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const actions = d
    ? decisionActions(d.status).filter((a) =>
        OFFICE_ACTIONS.includes(a) ? role === 'zone_admin' : WORKERS.includes(role ?? ''),
      )
    : [];
  return (
    <div className="page">
      <QueryState query={decision} />
      {d && (
        <>
          <PageHeader title={d.item}>
            <Link to={`/leading-group/meetings/${d.meetingId}`}>{d.meetingTitle}</Link> · {d.meetingHeldOn}
          </PageHeader>
          <p>
            <Link to="/leading-group/decisions">{t('decision.back')}</Link>
          </p>
          <dl className="org-facts" data-testid="decision-facts">
            <dt>{t('decision.department')}</dt>
            <dd>{d.department}</dd>
            <dt>{t('decision.responsible')}</dt>
            <dd>{d.responsibleName ?? t('decision.none')}</dd>
            <dt>{t('decision.deadline')}</dt>
            <dd>
              <Deadline d={d} />
            </dd>
            <dt>{t('decision.status')}</dt>
            <dd data-testid="decision-status">
              <StatusBadge d={d} />
            </dd>
          </dl>
          <h2>{t('decision.updates')}</h2>
          {d.updates.length === 0 ? (
            <p className="org-muted">{t('decision.noUpdates')}</p>
          ) : (
            <ol className="org-updates" data-testid="decision-updates">
              {d.updates.map((u) => (
                <li key={u.id}>
                  <strong>{t(`decision.actions.${u.action}`)}</strong>{' '}
                  <span className="org-muted">
                    {t('decision.by', { name: u.byName ?? '', at: when.format(new Date(u.at)) })}
                  </span>
                  {u.note && <div className="org-text">{u.note}</div>}
                  {u.files.map((f) => (
                    <FileOpenButton key={f.id} file={f} />
                  ))}
                </li>
              ))}
            </ol>
          )}
          {actions.length > 0 && <ActionForm id={d.id} actions={actions} />}
        </>
      )}
    </div>
  );
}

function ActionForm({ id, actions }: { id: string; actions: DecisionAction[] }) {
  const { t } = useOrganisationT();
  const act = useDecisionAction(id);
  const [action, setAction] = useState<DecisionAction>(actions[0]!);
  const current = actions.includes(action) ? action : actions[0]!;
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [fileKey, setFileKey] = useState(0);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setUploadError(null);
    let fileIds: string[];
    try {
      fileIds = await uploadAll(files);
    } catch (err) {
      setUploadError(err);
      return;
    }
    act.mutate(
      { action: current, note, fileIds },
      {
        onSuccess: () => {
          setNote('');
          setFiles([]);
          setFileKey((k) => k + 1);
        },
      },
    );
  };
  return (
    <form className="form org-form" onSubmit={(e) => void submit(e)} data-testid="decision-action-form">
      <div className="org-actions" role="radiogroup">
        {actions.map((a) => (
          <label key={a} className="org-check">
            <input
              type="radio"
              name="decision-action"
              checked={current === a}
              onChange={() => setAction(a)}
            />
            {t(`decision.actions.${a}`)}
          </label>
        ))}
      </div>
      <div className="field">
        <label htmlFor="da-note">{t(`decision.notes.${current}`)}</label>
        <textarea
          id="da-note"
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          required={current !== 'verify'}
        />
      </div>
      <div className="field">
        <label htmlFor="da-files">{t('decision.files')}</label>
        <input
          key={fileKey}
          id="da-files"
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp,application/pdf"
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
      </div>
      {Boolean(uploadError) && <ErrorNotice error={uploadError} />}
      {act.isError && <ErrorNotice error={act.error} />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={act.isPending}>
          {t(`decision.actions.${current}`)}
        </button>
      </div>
    </form>
  );
}
