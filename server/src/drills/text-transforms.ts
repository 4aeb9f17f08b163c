/**
 * `@Transform` callback of the drill DTOs: text is trimmed before it is validated, so a note of
 * spaces is refused as empty rather than stored.
 */

/** Trims a string field; anything else passes unchanged for the validators to refuse. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
