/** Escapes LIKE/ILIKE wildcards in user input, so a search for "50%" finds that text. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
