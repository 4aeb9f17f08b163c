import {
  ARTICLE_REVIEWER_ROLES,
  ARTICLE_SECTION,
  type ArticleFileView,
  type ArticleView,
  type Role,
} from '@muster/contracts';
import type { PortalArticle } from './portal-article.entity.js';

export function articlePublicPath(a: Pick<PortalArticle, 'kind' | 'id'>): string {
  return `/public/${ARTICLE_SECTION[a.kind]}/${a.id}`;
}

/** Approval is refused to whoever wrote or submitted the copy under review. */
export function mayReview(a: PortalArticle, me: { id: string; role: Role } | null): boolean {
  return (
    !!me &&
    (ARTICLE_REVIEWER_ROLES as readonly Role[]).includes(me.role) &&
    me.id !== a.editedBy &&
    me.id !== a.submittedBy
  );
}

export function mapArticle(
  a: PortalArticle,
  names: Map<string, string>,
  files: Map<string, ArticleFileView>,
  me: { id: string; role: Role } | null,
): ArticleView {
  return {
    id: a.id,
    kind: a.kind,
    state: a.state,
    title: a.title,
    body: a.body,
    files: a.fileIds.flatMap((id) => (files.has(id) ? [files.get(id)!] : [])),
    live: a.live,
    publicPath: a.live ? articlePublicPath(a) : null,
    publishedAt: a.firstPublishedAt?.toISOString() ?? null,
    authorName: names.get(a.authorId) ?? '',
    editedByName: names.get(a.editedBy) ?? '',
    submittedAt: a.submittedAt?.toISOString() ?? null,
    reviewedByName: a.reviewedBy ? (names.get(a.reviewedBy) ?? '') : null,
    reviewedAt: a.reviewedAt?.toISOString() ?? null,
    reviewNote: a.reviewNote,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    canReview: a.state === 'pending' && mayReview(a, me),
  };
}

/**
 * The opening words for lists and the feed, cut at a length a reader shows whole. Paragraphs are
 * run together: a notice's first one is often only its salutation (园区各企业：).
 */
export function summaryOf(body: string, max = 160): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
