import type { LatLngTuple } from '../enterprise-features';

/**
 * One thing the map's search can fly to. Every source (enterprises, resources, addresses, and
 * layers that register one) answers these; the box ranks them together.
 */
export interface SearchResult {
  /** Unique across sources: `<source>:<id>`. */
  key: string;
  /** What kind of thing it is, already in the reader's language (e.g. "Enterprise"). */
  kind: string;
  title: string;
  detail?: string;
  position: LatLngTuple;
  /** The zoom to fly to; a street-level default when left out. */
  zoom?: number;
  /** How well it matches (`matchScore`), for ranking across sources. */
  score: number;
}

/** Lower case, full-width forms folded and spaces squeezed, so "ＡＢＣ 化工" finds "abc化工". */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * How well `text` answers `query`: 0 when it does not contain every word of it; higher for a
 * match at the start, and for a shorter text (the query names more of it). Chinese is written
 * without spaces, so the words of a query are matched as parts anywhere in the text.
 */
export function matchScore(query: string, text: string): number {
  const words = query.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = normalize(text);
  if (words.length === 0 || haystack.length === 0) return 0;
  let score = 0;
  for (const word of words) {
    const at = haystack.indexOf(word);
    if (at < 0) return 0;
    score += at === 0 ? 3 : 1;
  }
  const covered = words.reduce((n, w) => n + w.length, 0) / haystack.length;
  return score + covered;
}

/** The best score over a thing's texts (its name, address, code…). */
export function bestScore(query: string, texts: readonly (string | null | undefined)[]): number {
  let best = 0;
  for (const text of texts) if (text) best = Math.max(best, matchScore(query, text));
  return best;
}

/** Results of every source, best first, each once, at most `limit`. */
export function rankResults(results: readonly SearchResult[], limit: number): SearchResult[] {
  const seen = new Set<string>();
  return [...results]
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'zh-CN'))
    .filter((r) => (seen.has(r.key) ? false : (seen.add(r.key), true)))
    .slice(0, limit);
}
