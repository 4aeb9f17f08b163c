import type { ReactNode } from 'react';

/** A labelled field of the report form, with its hint and its errors (ids the input points at). */
export function Field({
  id,
  label,
  required,
  errors,
  hint,
  children,
  className,
}: {
  id: string;
  label: string;
  required?: boolean;
  errors: string[];
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {errors.map((e) => (
        <p key={e} id={`${id}-error`} className="field__error" data-testid={`error-${id}`}>
          {e}
        </p>
      ))}
    </div>
  );
}
