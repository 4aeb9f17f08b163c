import type { ApiProblem } from '../contracts';

/** The two things of i18next the wording needs (a `t` over the main catalogue, and `exists`). */
export interface ProblemCatalog {
  t: (key: string, options?: Record<string, unknown>) => string;
  exists: (key: string, options?: Record<string, unknown>) => boolean;
}

/**
 * A server message in the interface language when the server gave it a code: `errors.<code>`
 * with its params (`count` choosing the plural), after the field's label for a field's rule
 * (`maxLength` → "标题：不能超过 200 个字"). A code the console has no words for, and a message
 * without a code, stay as the server wrote them.
 */
export function problemWords(
  catalog: ProblemCatalog,
  message: string,
  problem: ApiProblem | undefined,
): string {
  // With the params: a plural key exists only in its forms (`maxLength_one`, `maxLength_other`).
  if (!problem || !catalog.exists(`errors.${problem.code}`, problem.params)) return message;
  const text = catalog.t(`errors.${problem.code}`, problem.params);
  // Domain codes (`drill.notOnRoster`) are whole sentences; a rule's code names its field.
  if (!problem.field || problem.code.includes('.')) return text;
  const leaf =
    problem.field
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .at(-1) ?? problem.field;
  const field = catalog.t(`errors.field.${leaf}`, { defaultValue: problem.field });
  return catalog.t('errors.fieldProblem', { field, problem: text });
}
