import { useState } from 'react';
import { ChoiceField } from '../components/ChoiceField';
import { ErrorNotice } from '../components/ErrorNotice';
import { POINT_ALARM_ACTIONS, POINT_KINDS, type PointKind, type PointView } from '../contracts';
import type { PointInput } from './api';
import { useInstallationsT } from './i18n';

/** The unit each kind of point usually reads in, offered until the user types another. */
const USUAL_UNIT: Record<PointKind, string> = {
  gas: 'ppm',
  level: '%',
  pressure: 'MPa',
  temperature: '℃',
  flow: 'm³/h',
};

/** Alarms on rising values (a gas, a pressure) or on falling ones (a level that must not run dry). */
type Direction = 'high' | 'low';

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const num = (s: string) => (s.trim() === '' ? null : Number(s));

/**
 * A sensor point of an installation: its tag (the last level of its MQTT topic), what it
 * measures in which unit and range, its alarm limits — high and high-high, or low and low-low —
 * and what an alarm does besides notifying.
 */
export function PointForm({
  initial,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  initial?: PointView;
  busy: boolean;
  error: unknown;
  onSubmit: (input: PointInput) => void;
  onCancel: () => void;
}) {
  const { t } = useInstallationsT();
  const [code, setCode] = useState(initial?.code ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState<PointKind>(initial?.kind ?? 'gas');
  const [unit, setUnit] = useState(initial?.unit ?? USUAL_UNIT.gas);
  const [rangeMin, setRangeMin] = useState(text(initial?.rangeMin ?? 0));
  const [rangeMax, setRangeMax] = useState(text(initial?.rangeMax));
  const [direction, setDirection] = useState<Direction>(
    initial && (initial.low !== null || initial.lowLow !== null) ? 'low' : 'high',
  );
  const [first, setFirst] = useState(text(direction === 'low' ? initial?.low : initial?.high));
  const [second, setSecond] = useState(text(direction === 'low' ? initial?.lowLow : initial?.highHigh));
  const [delay, setDelay] = useState(text(initial?.delaySeconds ?? 5));
  const [hold, setHold] = useState(text(initial?.holdSeconds ?? 30));
  const [onAlarm, setOnAlarm] = useState(initial?.onAlarm ?? 'notify');

  const changeKind = (k: PointKind) => {
    if (unit === USUAL_UNIT[kind]) setUnit(USUAL_UNIT[k]);
    setKind(k);
  };
  const high = direction === 'high';

  return (
    <form
      className="form point-form"
      data-testid="point-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({
          code,
          name,
          kind,
          unit,
          rangeMin: Number(rangeMin),
          rangeMax: Number(rangeMax),
          high: high ? num(first) : null,
          highHigh: high ? num(second) : null,
          low: high ? null : num(first),
          lowLow: high ? null : num(second),
          delaySeconds: Number(delay),
          holdSeconds: Number(hold),
          onAlarm,
        });
      }}
    >
      <div className="form__row">
        <div className="field">
          <label htmlFor="pt-code">{t('pointForm.code')}</label>
          <input
            id="pt-code"
            required
            pattern="[A-Za-z0-9_.\-]{1,64}"
            title={t('pointForm.codeHint')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="pt-name">{t('pointForm.name')}</label>
          <input
            id="pt-name"
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <ChoiceField
          id="pt-kind"
          label={t('points.kind')}
          value={kind}
          values={POINT_KINDS}
          text={(k) => t(`pointKind.${k}`)}
          onChange={changeKind}
        />
        <div className="field">
          <label htmlFor="pt-unit">{t('pointForm.unit')}</label>
          <input
            id="pt-unit"
            required
            maxLength={20}
            value={unit}
            onChange={(e) => setUnit(e.target.value)}
          />
        </div>
      </div>
      <div className="form__row">
        <div className="field">
          <label htmlFor="pt-min">{t('pointForm.rangeMin')}</label>
          <input
            id="pt-min"
            type="number"
            step="any"
            required
            value={rangeMin}
            onChange={(e) => setRangeMin(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="pt-max">{t('pointForm.rangeMax')}</label>
          <input
            id="pt-max"
            type="number"
            step="any"
            required
            value={rangeMax}
            onChange={(e) => setRangeMax(e.target.value)}
          />
        </div>
        <ChoiceField
          id="pt-direction"
          label={t('pointForm.direction')}
          value={direction}
          values={['high', 'low'] as const}
          text={(d) => t(`pointForm.directions.${d}`)}
          onChange={setDirection}
        />
        <div className="field">
          <label htmlFor="pt-first">{high ? t('level.high') : t('level.low')}</label>
          <input
            id="pt-first"
            type="number"
            step="any"
            value={first}
            onChange={(e) => setFirst(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="pt-second">{high ? t('level.high_high') : t('level.low_low')}</label>
          <input
            id="pt-second"
            type="number"
            step="any"
            value={second}
            onChange={(e) => setSecond(e.target.value)}
          />
        </div>
      </div>
      <div className="form__row">
        <div className="field">
          <label htmlFor="pt-delay">{t('pointForm.delay')}</label>
          <input
            id="pt-delay"
            type="number"
            min={0}
            max={3600}
            step={1}
            required
            value={delay}
            onChange={(e) => setDelay(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="pt-hold">{t('pointForm.hold')}</label>
          <input
            id="pt-hold"
            type="number"
            min={0}
            max={86400}
            step={1}
            required
            value={hold}
            onChange={(e) => setHold(e.target.value)}
          />
        </div>
        <ChoiceField
          id="pt-on-alarm"
          label={t('pointForm.onAlarm')}
          value={onAlarm}
          values={POINT_ALARM_ACTIONS}
          text={(a) => t(`pointForm.actions.${a}`)}
          onChange={setOnAlarm}
        />
      </div>
      {Boolean(error) && <ErrorNotice error={error} />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('form.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
