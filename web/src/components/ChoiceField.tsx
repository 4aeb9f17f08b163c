/** A labelled choice among fixed values (an enum of the contracts), each shown by its text. */
export function ChoiceField<V extends string>({
  id,
  label,
  value,
  values,
  text,
  onChange,
  disabled,
}: {
  id: string;
  label: string;
  value: V;
  values: readonly V[];
  text: (value: V) => string;
  onChange: (value: V) => void;
  disabled?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as V)}>
        {values.map((v) => (
          <option key={v} value={v}>
            {text(v)}
          </option>
        ))}
      </select>
    </div>
  );
}
