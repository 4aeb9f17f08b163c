import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapFeatureKind } from '../../contracts';
import { DRAW_SHAPES, DRAWABLE_KINDS, type DrawShape } from '../incident-model';
import type { DrawRequest } from '../map/RoomMap';

/** Choose what to draw (and its shape and label) before drawing it on the map. */
export function DrawToolbar({
  request,
  saving,
  onStart,
  onCancel,
}: {
  request: DrawRequest | null;
  saving: boolean;
  onStart: (request: Omit<DrawRequest, 'nonce'>) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const formId = useId();
  const [kind, setKind] = useState<MapFeatureKind>('hazard_zone');
  const [shape, setShape] = useState<DrawShape>('circle');
  const [label, setLabel] = useState('');
  const shapes = DRAW_SHAPES[kind];
  const chosenShape = shapes.includes(shape) ? shape : shapes[0]!;

  if (request) {
    return (
      <div className="draw-toolbar draw-toolbar--active" role="status" data-testid="draw-toolbar">
        <span className="draw-toolbar__state">
          <strong>{t('incidents.map.drawing', { kind: t(`incidents.map.kinds.${request.kind}`) })}</strong>
          <span>{t(`incidents.map.hint.${request.shape}`)}</span>
        </span>
        <button type="button" className="button button--small" onClick={onCancel}>
          {t('incidents.map.cancel')}
        </button>
      </div>
    );
  }

  return (
    <form
      className="draw-toolbar"
      data-testid="draw-toolbar"
      onSubmit={(e) => {
        e.preventDefault();
        onStart({ kind, shape: chosenShape, label: label.trim() });
        setLabel('');
      }}
    >
      <div className="field field--inline">
        <label htmlFor={`${formId}-kind`} className="visually-hidden">
          {t('incidents.map.kind')}
        </label>
        <select
          id={`${formId}-kind`}
          value={kind}
          onChange={(e) => setKind(e.target.value as MapFeatureKind)}
          data-testid="draw-kind"
        >
          {DRAWABLE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`incidents.map.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {shapes.length > 1 && (
        <fieldset className="draw-toolbar__shapes">
          <legend className="visually-hidden">{t('incidents.map.shape')}</legend>
          {shapes.map((s) => (
            <label key={s} className="segmented">
              <input
                type="radio"
                name={`${formId}-shape`}
                value={s}
                checked={chosenShape === s}
                onChange={() => setShape(s)}
              />
              <span>{t(`incidents.map.shapes.${s}`)}</span>
            </label>
          ))}
        </fieldset>
      )}
      <div className="field field--inline">
        <label htmlFor={`${formId}-label`} className="visually-hidden">
          {t('incidents.map.labelOptional')}
        </label>
        <input
          id={`${formId}-label`}
          placeholder={t('incidents.map.labelOptional')}
          value={label}
          maxLength={200}
          onChange={(e) => setLabel(e.target.value)}
        />
      </div>
      <button
        type="submit"
        className="button button--small button--primary"
        disabled={saving}
        data-testid="draw-start"
      >
        {saving ? t('incidents.map.saving') : t('incidents.map.start')}
      </button>
    </form>
  );
}
