/** What the zone writes for the public pages itself: notices (通知公告) and safety knowledge (安全知识). */
export const ARTICLE_KINDS = ['notice', 'knowledge'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

/**
 * Where the working copy stands. A published article edited again goes back to `draft` and
 * through review, while the public keeps the version last approved (`live`).
 */
export const ARTICLE_STATES = ['draft', 'pending', 'rejected', 'published', 'withdrawn'] as const;
export type ArticleState = (typeof ARTICLE_STATES)[number];

/** The public section each kind is published in: `/public/<key>`. */
export const ARTICLE_SECTION: Record<ArticleKind, string> = {
  notice: 'notices',
  knowledge: 'knowledge',
};

export interface ArticleFileView {
  id: string;
  name: string;
  mime: string;
  size: number;
}

export interface ArticleView {
  id: string;
  kind: ArticleKind;
  state: ArticleState;
  title: string;
  body: string;
  files: ArticleFileView[];
  /** A version is on the public pages (possibly an older one than the working copy). */
  live: boolean;
  /** The public page of the live version, relative to the site. */
  publicPath: string | null;
  publishedAt: string | null;
  authorName: string;
  editedByName: string;
  submittedAt: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  /** The reviewer's note on the last rejection or approval. */
  reviewNote: string | null;
  createdAt: string;
  updatedAt: string;
  /** Set for the caller: approval is refused to whoever wrote or submitted the copy. */
  canReview: boolean;
}

/** Who reviews and publishes (a different person than the author). */
export const ARTICLE_REVIEWER_ROLES = ['zone_admin'] as const;

/** Allowed workflow steps from each state; the server enforces the same. */
export function articleCanSubmit(state: ArticleState): boolean {
  return state === 'draft' || state === 'rejected' || state === 'withdrawn';
}

export function articleCanWithdraw(a: { live: boolean }): boolean {
  return a.live;
}

/**
 * Personal data the public pages must never carry: mainland mobile numbers and resident ID
 * numbers (GB 11643). Office landlines (0561-…) are the zone's own and may be published.
 */
const MOBILE = /(?<![\d-])(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/;
const RESIDENT_ID = /(?<!\d)\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)/;

export type PersonalDataKind = 'mobile' | 'residentId';

export function personalDataIn(text: string): PersonalDataKind[] {
  const found: PersonalDataKind[] = [];
  if (MOBILE.test(text)) found.push('mobile');
  if (RESIDENT_ID.test(text)) found.push('residentId');
  return found;
}
