import { useDrillsT } from '../i18n';
import { nextId, usedIds } from '../model';
import { FieldProblems } from '../ui';
import type { ScenarioSectionProps } from './use-scenario-editor';

/** What the drill sets out to test; expected actions of the injects point at these. */
export function ObjectivesSection({ doc, update, at }: ScenarioSectionProps) {
  const { t } = useDrillsT();
  return (
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
  );
}
