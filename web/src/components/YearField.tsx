/**
 * The year a yearly page shows (funds, culture, implementation plans). A value typed half-way
 * ("20") is not a year yet and is not applied.
 */
export function YearField({
  id,
  label,
  className,
  year,
  setYear,
}: {
  id: string;
  label: string;
  className: string;
  year: number;
  setYear: (y: number) => void;
}) {
  return (
    <div className={`field ${className}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min="2000"
        max="2100"
        value={year}
        onChange={(e) => Number(e.target.value) >= 2000 && setYear(Number(e.target.value))}
      />
    </div>
  );
}
