import type { ModelRunMetric } from '../contracts';
import { useConsequencesT } from './i18n';
import { distanceParts } from './threat-zones';

/** The consequence models a drill ran, on its scenario clock: part of its measurement and report. */
export function ModelRunsTable({
  runs,
  className,
  formatSeconds,
}: {
  runs: ModelRunMetric[];
  className: string;
  formatSeconds: (s: number | null) => string;
}) {
  const { t } = useConsequencesT();
  return (
    <>
      <h3 className="card__title">{t('measure.title')}</h3>
      <table className={className}>
        <thead>
          <tr>
            <th scope="col">{t('measure.at')}</th>
            <th scope="col">{t('measure.run')}</th>
            <th scope="col">{t('measure.zones')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.length === 0 && (
            <tr>
              <td colSpan={3}>{t('measure.none')}</td>
            </tr>
          )}
          {runs.map((r) => (
            <tr key={r.modelRunId} data-testid="model-run-metric">
              <td className="drill-num">{formatSeconds(r.scenarioSeconds)}</td>
              <td>{r.title}</td>
              <td>
                {r.zones
                  .map((z) => {
                    const d = distanceParts(z.extentM ?? 0);
                    return `${t(`level.${z.level}` as never)} ${t(`units.${d.unit}`, d)}`;
                  })
                  .join('；')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
