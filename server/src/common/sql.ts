/** Escapes LIKE/ILIKE wildcards in user input, so a search for "50%" finds that text. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The largest value of a PostgreSQL `integer` column: a larger one is refused by the database. */
export const PG_INT_MAX = 2_147_483_647;
