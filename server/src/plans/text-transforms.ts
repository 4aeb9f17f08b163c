/**
 * `@Transform` callbacks of the plan DTOs: text is trimmed before it is validated, so a title
 * of spaces is refused as empty rather than stored.
 */

/** Trims a string field; anything else passes unchanged for the validators to refuse. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Trims each string of an array field; anything else passes unchanged. */
export const trimAll = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;
