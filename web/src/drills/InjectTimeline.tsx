import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTION_MATCHES,
  INCIDENT_STATUSES,
  INJECT_KINDS,
  MAP_FEATURE_KINDS,
  type ActionMatchKind,
  type ExpectedAction,
  type IncidentReportInjectContent,
  type InjectKind,
  type MapEventInjectContent,
  type MapFeatureKind,
  type MessageInjectContent,
  type ResourceUnavailableInjectContent,
  type ResponderUnreachableInjectContent,
  type ScenarioInject,
  type ScenarioObjective,
  type ScenarioSetting,
} from '../contracts';
import { LocationPicker } from '../incidents/map/LocationPicker';
import { useDrillsT } from './i18n';
import { defaultContent, formatOffset, formatSpan, parseOffset, reorderInjects } from './model';
import { ResourcePicker } from './ResourcePicker';
import { FieldProblems } from './ui';

/** A person an inject can make unreachable: a directory contact, or one on a run's roster. */
export interface ContactChoice {
  id: string;
  name: string;
  detail?: string;
}

/** Where the editor's field problems come from: the path of a field in the document as sent. */
export type ProblemsAt = (path: string, nested?: boolean) => string[];

type OffsetInputProps = {
  id: string;
  seconds: number;
  onChange: (seconds: number) => void;
  prefix?: boolean;
  invalid?: boolean;
  label?: string;
};

/**
 * A time typed as `T+mm:ss` (or `mm:ss`, or minutes). The text is the person's until they leave
 * the field; then it is read, and shown back in the canonical form. A new value from outside
 * (a drag, a restored version) starts the field afresh.
 */
export function OffsetInput(props: OffsetInputProps) {
  return <OffsetField key={`${props.prefix !== false}:${props.seconds}`} {...props} />;
}

function OffsetField({ id, seconds, onChange, prefix = true, invalid, label }: OffsetInputProps) {
  const { t } = useDrillsT();
  const show = (s: number) => (prefix ? formatOffset(s) : formatSpan(s));
  const [text, setText] = useState(() => show(seconds));
  const [bad, setBad] = useState(false);
  return (
    <>
      <input
        id={id}
        className="drill-offset-input"
        value={text}
        aria-label={label}
        aria-invalid={bad || invalid || undefined}
        placeholder={prefix ? 'T+mm:ss' : 'mm:ss'}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => {
          const parsed = parseOffset(text);
          if (parsed === null) setBad(true);
          else {
            setBad(false);
            if (parsed !== seconds) onChange(parsed);
            else setText(show(parsed));
          }
        }}
      />
      {bad && <FieldProblems problems={[t('inject.offsetUnreadable')]} />}
    </>
  );
}

export interface InjectTimelineProps {
  injects: ScenarioInject[];
  onChange: (injects: ScenarioInject[]) => void;
  roles: string[];
  objectives: ScenarioObjective[];
  setting: ScenarioSetting;
  contacts: ContactChoice[];
  problemsOf: (injectId: string) => ProblemsAt;
  disabled: boolean;
  onAdd: () => void;
}

/** The MSEL: injects in clock order, dragged by their handle to change the order. */
export function InjectTimeline(props: InjectTimelineProps) {
  const { t } = useDrillsT();
  const { injects, onChange } = props;
  const [open, setOpen] = useState<string | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = (event: DragEndEvent) => {
    if (!event.over || event.active.id === event.over.id) return;
    const from = injects.findIndex((i) => i.id === event.active.id);
    const to = injects.findIndex((i) => i.id === event.over!.id);
    onChange(reorderInjects(injects, from, to));
  };

  return (
    <section className="card" aria-labelledby="injects-title">
      <h2 id="injects-title" className="card__title">
        {t('inject.title')}
      </h2>
      <p className="card__hint">{t('inject.reorderHint')}</p>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={injects.map((i) => i.id)} strategy={verticalListSortingStrategy}>
          <ol className="drill-injects" data-testid="inject-timeline">
            {injects.length === 0 && <li className="table__empty">{t('inject.empty')}</li>}
            {injects.map((inject, index) => (
              <SortableInject
                key={inject.id}
                {...props}
                inject={inject}
                index={index}
                open={open === inject.id}
                onToggle={() => setOpen(open === inject.id ? null : inject.id)}
                onInjectChange={(next) => onChange(injects.map((i, j) => (j === index ? next : i)))}
                onRemove={() => onChange(injects.filter((_, j) => j !== index))}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {!props.disabled && (
        <button
          type="button"
          className="button"
          data-testid="inject-add"
          onClick={() => {
            props.onAdd();
          }}
        >
          {t('inject.add')}
        </button>
      )}
    </section>
  );
}

function SortableInject({
  inject,
  index,
  open,
  onToggle,
  onInjectChange,
  onRemove,
  problemsOf,
  disabled,
  roles,
  objectives,
  setting,
  contacts,
}: InjectTimelineProps & {
  inject: ScenarioInject;
  index: number;
  open: boolean;
  onToggle: () => void;
  onInjectChange: (inject: ScenarioInject) => void;
  onRemove: () => void;
}) {
  const { t } = useDrillsT();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: inject.id,
    disabled,
  });
  const problems = problemsOf(inject.id);
  const invalid = problems('', true).length > 0;
  const bodyId = useId();
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`drill-inject${isDragging ? ' drill-inject--dragging' : ''}${invalid ? ' drill-inject--invalid' : ''}`}
      data-testid="scenario-inject"
      data-inject-id={inject.id}
    >
      <div className="drill-inject__head">
        {!disabled && (
          <button
            type="button"
            className="drill-inject__handle"
            aria-label={t('inject.dragHandle', { n: index + 1 })}
            {...attributes}
            {...listeners}
          >
            ⠿
          </button>
        )}
        <span className="drill-inject__offset" data-testid="inject-offset">
          {formatOffset(inject.offsetSeconds)}
        </span>
        <span className="drill-inject__synopsis">{inject.synopsis || t('inject.noSynopsis')}</span>
        <span className="chip">{t(`kind.${inject.kind}`)}</span>
        <span className="cell-sub">{t('inject.actionCount', { count: inject.expectedActions.length })}</span>
        <button
          type="button"
          className="button button--small"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={onToggle}
        >
          {open ? t('inject.collapse') : t('inject.edit')}
        </button>
        {!disabled && (
          <button type="button" className="button button--small button--danger" onClick={onRemove}>
            {t('remove')}
          </button>
        )}
      </div>
      {invalid && !open && <FieldProblems problems={problems('', true)} />}
      {open && (
        <div className="drill-inject__body" id={bodyId}>
          <InjectFields
            inject={inject}
            onChange={onInjectChange}
            problems={problems}
            roles={roles}
            objectives={objectives}
            setting={setting}
            contacts={contacts}
          />
        </div>
      )}
    </li>
  );
}

export function InjectFields({
  inject,
  onChange,
  problems,
  roles,
  objectives,
  setting,
  contacts,
}: {
  inject: ScenarioInject;
  onChange: (inject: ScenarioInject) => void;
  problems: ProblemsAt;
  roles: string[];
  objectives: ScenarioObjective[];
  setting: ScenarioSetting;
  contacts: ContactChoice[];
}) {
  const { t } = useDrillsT();
  const id = useId();
  const set = (patch: Partial<ScenarioInject>) => onChange({ ...inject, ...patch });
  const extraRoles = inject.targetRoles.filter((r) => !roles.includes(r));
  return (
    <>
      <div className="drill-grid-2">
        <div className="field">
          <label htmlFor={`${id}-offset`}>{t('inject.offset')}</label>
          <OffsetInput
            id={`${id}-offset`}
            seconds={inject.offsetSeconds}
            invalid={problems('offsetSeconds').length > 0}
            onChange={(offsetSeconds) => set({ offsetSeconds })}
          />
          <FieldProblems problems={problems('offsetSeconds')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('inject.kind')}</label>
          <select
            id={`${id}-kind`}
            value={inject.kind}
            onChange={(event) => {
              const kind = event.target.value as InjectKind;
              set({ kind, content: defaultContent(kind, setting) });
            }}
          >
            {INJECT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
          <FieldProblems problems={problems('kind')} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-synopsis`}>{t('inject.synopsis')}</label>
        <input
          id={`${id}-synopsis`}
          value={inject.synopsis}
          maxLength={500}
          aria-invalid={problems('synopsis').length > 0 || undefined}
          onChange={(event) => set({ synopsis: event.target.value })}
        />
        <FieldProblems problems={problems('synopsis')} />
      </div>
      <fieldset className="field">
        <legend>{t('inject.targetRoles')}</legend>
        {roles.length === 0 && extraRoles.length === 0 && (
          <p className="field__hint">{t('inject.noRoles')}</p>
        )}
        <div className="drill-checks">
          {[...roles, ...extraRoles].map((role) => (
            <label key={role}>
              <input
                type="checkbox"
                checked={inject.targetRoles.includes(role)}
                onChange={(event) =>
                  set({
                    targetRoles: event.target.checked
                      ? [...inject.targetRoles, role]
                      : inject.targetRoles.filter((r) => r !== role),
                  })
                }
              />
              {role}
            </label>
          ))}
        </div>
        <FieldProblems problems={problems('targetRoles', true)} />
      </fieldset>
      <ContentFields
        inject={inject}
        onChange={onChange}
        problems={problems}
        setting={setting}
        contacts={contacts}
      />
      <ExpectedActions
        actions={inject.expectedActions}
        objectives={objectives}
        problems={problems}
        injectId={inject.id}
        onChange={(expectedActions) => set({ expectedActions })}
      />
    </>
  );
}

function numberOr(value: string, fallback: number): number {
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : fallback;
}

/** The fields of what the inject delivers, which differ by kind. */
function ContentFields({
  inject,
  onChange,
  problems,
  setting,
  contacts,
}: {
  inject: ScenarioInject;
  onChange: (inject: ScenarioInject) => void;
  problems: ProblemsAt;
  setting: ScenarioSetting;
  contacts: ContactChoice[];
}) {
  const { t } = useDrillsT();
  const { t: tg } = useTranslation();
  const id = useId();
  const p = (field: string) => problems(`content.${field}`, true);
  const setContent = (content: ScenarioInject['content']) => onChange({ ...inject, content });
  switch (inject.kind) {
    case 'message': {
      const c = inject.content as MessageInjectContent;
      return (
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('content.text')}</label>
          <textarea
            id={`${id}-text`}
            rows={3}
            maxLength={1000}
            value={c.text ?? ''}
            onChange={(event) => setContent({ ...c, text: event.target.value })}
          />
          <FieldProblems problems={p('text')} />
        </div>
      );
    }
    case 'incident_report': {
      const c = inject.content as IncidentReportInjectContent;
      const casualties = c.casualties ?? { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0 };
      const keys = ['deaths', 'missing', 'seriousInjuries', 'minorInjuries'] as const;
      return (
        <>
          <div className="field">
            <label htmlFor={`${id}-summary`}>{t('content.summary')}</label>
            <textarea
              id={`${id}-summary`}
              rows={3}
              maxLength={2000}
              value={c.summary ?? ''}
              onChange={(event) => setContent({ ...c, summary: event.target.value })}
            />
            <FieldProblems problems={p('summary')} />
          </div>
          <div className="drill-grid-2">
            {keys.map((k) => (
              <div className="field" key={k}>
                <label htmlFor={`${id}-${k}`}>{t(`content.${k}`)}</label>
                <input
                  id={`${id}-${k}`}
                  type="number"
                  min={0}
                  value={casualties[k]}
                  onChange={(event) =>
                    setContent({
                      ...c,
                      casualties: { ...casualties, [k]: numberOr(event.target.value, 0) },
                    })
                  }
                />
                <FieldProblems problems={p(`casualties.${k}`)} />
              </div>
            ))}
            <div className="field">
              <label htmlFor={`${id}-loss`}>{t('content.directLossCny')}</label>
              <input
                id={`${id}-loss`}
                type="number"
                min={0}
                value={c.directLossCny ?? 0}
                onChange={(event) => setContent({ ...c, directLossCny: numberOr(event.target.value, 0) })}
              />
              <FieldProblems problems={p('directLossCny')} />
            </div>
          </div>
        </>
      );
    }
    case 'map_event': {
      const c = inject.content as MapEventInjectContent;
      const point = c.geometry?.type === 'Point' ? (c.geometry.coordinates as number[]) : null;
      return (
        <>
          <div className="drill-grid-2">
            <div className="field">
              <label htmlFor={`${id}-fk`}>{t('content.featureKind')}</label>
              <select
                id={`${id}-fk`}
                value={c.featureKind}
                onChange={(event) => setContent({ ...c, featureKind: event.target.value as MapFeatureKind })}
              >
                {MAP_FEATURE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {tg(`incidents.map.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-label`}>{t('content.label')}</label>
              <input
                id={`${id}-label`}
                value={c.label ?? ''}
                maxLength={200}
                onChange={(event) => setContent({ ...c, label: event.target.value })}
              />
              <FieldProblems problems={p('label')} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-radius`}>{t('content.radiusM')}</label>
              <input
                id={`${id}-radius`}
                type="number"
                min={0}
                value={c.radiusM ?? ''}
                onChange={(event) =>
                  setContent({
                    ...c,
                    radiusM: event.target.value === '' ? null : numberOr(event.target.value, 0),
                  })
                }
              />
              <FieldProblems problems={p('radiusM')} />
            </div>
          </div>
          <div className="field">
            <span className="field__hint">
              {point ? t('content.whereHint') : t('content.shapeKept', { type: c.geometry?.type ?? '' })}
            </span>
            <div className="drill-map">
              <LocationPicker
                value={point ? [point[1], point[0]] : null}
                focus={point ? [point[1], point[0]] : [setting.location.lat, setting.location.lng]}
                onChange={([lat, lng]) =>
                  setContent({ ...c, geometry: { type: 'Point', coordinates: [lng, lat] } })
                }
              />
            </div>
            <FieldProblems problems={p('geometry')} />
          </div>
        </>
      );
    }
    case 'resource_unavailable': {
      const c = inject.content as ResourceUnavailableInjectContent;
      return (
        <div className="field">
          <label htmlFor={`${id}-res`}>{t('content.resourceLabel')}</label>
          <ResourcePicker
            id={`${id}-res`}
            at={setting.location}
            value={c.resourceId}
            label={c.label ?? ''}
            onChange={(picked) => setContent({ ...c, ...picked })}
          />
          <FieldProblems problems={[...p('resourceId'), ...p('label')]} />
        </div>
      );
    }
    case 'responder_unreachable': {
      const c = inject.content as ResponderUnreachableInjectContent;
      return (
        <div className="field">
          <label htmlFor={`${id}-contact`}>{t('content.contact')}</label>
          <select
            id={`${id}-contact`}
            value={c.contactId ?? ''}
            onChange={(event) => {
              const contact = contacts.find((x) => x.id === event.target.value);
              setContent({ contactId: contact?.id ?? '', name: contact?.name ?? '' });
            }}
          >
            <option value="">{t('choose')}</option>
            {c.contactId && !contacts.some((x) => x.id === c.contactId) && (
              <option value={c.contactId}>{c.name}</option>
            )}
            {contacts.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
                {x.detail ? ` · ${x.detail}` : ''}
              </option>
            ))}
          </select>
          <FieldProblems problems={p('contactId')} />
        </div>
      );
    }
  }
}

const NEEDS_TEXT: readonly ActionMatchKind[] = ['task_done', 'message_posted'];

function ExpectedActions({
  actions,
  objectives,
  problems,
  injectId,
  onChange,
}: {
  actions: ExpectedAction[];
  objectives: ScenarioObjective[];
  problems: ProblemsAt;
  injectId: string;
  onChange: (actions: ExpectedAction[]) => void;
}) {
  const { t } = useDrillsT();
  const { t: tg } = useTranslation();
  const id = useId();
  const set = (index: number, patch: Partial<ExpectedAction>) =>
    onChange(actions.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  const add = () => {
    let n = actions.length + 1;
    while (actions.some((a) => a.id === `${injectId}.a${n}`)) n++;
    onChange([
      ...actions,
      {
        id: `${injectId}.a${n}`,
        description: '',
        match: { kind: 'callout_started' },
        targetSeconds: 300,
        objectiveId: objectives[0]?.id ?? null,
      },
    ]);
  };
  return (
    <fieldset className="field">
      <legend>{t('action.title')}</legend>
      <p className="field__hint">{t('action.hint')}</p>
      {actions.length > 0 && (
        <table className="drill-small-table drill-actions-table">
          <thead>
            <tr>
              <th scope="col">{t('action.description')}</th>
              <th scope="col">{t('action.match')}</th>
              <th scope="col">{t('action.target')}</th>
              <th scope="col">{t('action.objective')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {actions.map((a, i) => {
              const at = (f: string) => problems(`expectedActions.${i}.${f}`, true);
              return (
                <tr key={a.id} data-testid="expected-action">
                  <td>
                    <input
                      aria-label={t('action.description')}
                      value={a.description}
                      maxLength={500}
                      onChange={(event) => set(i, { description: event.target.value })}
                    />
                    <FieldProblems problems={at('description')} />
                  </td>
                  <td>
                    <select
                      aria-label={t('action.match')}
                      value={a.match.kind}
                      onChange={(event) => set(i, { match: { kind: event.target.value as ActionMatchKind } })}
                    >
                      {ACTION_MATCHES.map((m) => (
                        <option key={m} value={m}>
                          {t(`match.${m}`)}
                        </option>
                      ))}
                    </select>
                    {a.match.kind === 'map_feature_added' && (
                      <select
                        aria-label={t('content.featureKind')}
                        value={a.match.featureKind ?? ''}
                        onChange={(event) =>
                          set(i, {
                            match: {
                              ...a.match,
                              featureKind: (event.target.value || undefined) as MapFeatureKind | undefined,
                            },
                          })
                        }
                      >
                        <option value="">{t('choose')}</option>
                        {MAP_FEATURE_KINDS.map((k) => (
                          <option key={k} value={k}>
                            {tg(`incidents.map.kinds.${k}`)}
                          </option>
                        ))}
                      </select>
                    )}
                    {NEEDS_TEXT.includes(a.match.kind) && (
                      <input
                        aria-label={t('action.textIncludes')}
                        placeholder={t('action.textIncludes')}
                        value={a.match.textIncludes ?? ''}
                        onChange={(event) =>
                          set(i, { match: { ...a.match, textIncludes: event.target.value || undefined } })
                        }
                      />
                    )}
                    {a.match.kind === 'status_changed' && (
                      <select
                        aria-label={t('action.status')}
                        value={a.match.status ?? ''}
                        onChange={(event) =>
                          set(i, { match: { ...a.match, status: event.target.value || undefined } })
                        }
                      >
                        <option value="">{t('choose')}</option>
                        {INCIDENT_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {tg(`incidents.status.${s}`)}
                          </option>
                        ))}
                      </select>
                    )}
                    <FieldProblems problems={at('match')} />
                  </td>
                  <td>
                    <OffsetInput
                      id={`${id}-target-${i}`}
                      label={t('action.target')}
                      prefix={false}
                      seconds={a.targetSeconds}
                      onChange={(targetSeconds) => set(i, { targetSeconds })}
                    />
                    <FieldProblems problems={at('targetSeconds')} />
                  </td>
                  <td>
                    <select
                      aria-label={t('action.objective')}
                      value={a.objectiveId ?? ''}
                      onChange={(event) => set(i, { objectiveId: event.target.value || null })}
                    >
                      <option value="">{t('none')}</option>
                      {objectives.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.text || o.id}
                        </option>
                      ))}
                    </select>
                    <FieldProblems problems={at('objectiveId')} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--small button--danger"
                      onClick={() => onChange(actions.filter((_, j) => j !== i))}
                    >
                      {t('remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div>
        <button type="button" className="button button--small" onClick={add}>
          {t('action.add')}
        </button>
      </div>
    </fieldset>
  );
}
