import { create } from 'xmlbuilder2';
import { ZONE_NAME } from '@muster/contracts';
import type { PortalItem, PortalSection } from './portal-sections.js';

export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

/** The day the zone's public pages began: part of every tag: id, so ids never change (RFC 4151). */
const TAG_DATE = '2026-01-01';

export interface FeedEntry {
  section: PortalSection;
  item: PortalItem;
}

/**
 * An Atom 1.0 feed (RFC 4287) the government portal pulls: plain text stays `type="text"` and is
 * escaped by the builder, ids are tag: URIs of the public host, every link is absolute.
 */
export function atomFeed(
  baseUrl: string,
  feed: { path: string; title: string },
  entries: FeedEntry[],
): string {
  const base = baseUrl.replace(/\/+$/, '');
  const host = new URL(base).hostname;
  const updated = entries.reduce((max, e) => Math.max(max, e.item.updatedAt.getTime()), 0);
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele(ATOM_NAMESPACE, 'feed', {
    'xml:lang': 'zh-CN',
  });
  doc.ele('id').txt(`tag:${host},${TAG_DATE}:${feed.path}`);
  doc.ele('title', { type: 'text' }).txt(feed.title);
  doc.ele('updated').txt(new Date(updated).toISOString());
  doc.ele('author').ele('name').txt(`${ZONE_NAME.zh}管理委员会`);
  doc.ele('link', { rel: 'self', type: 'application/atom+xml', href: `${base}${feed.path}` });
  doc.ele('link', {
    rel: 'alternate',
    type: 'text/html',
    href: `${base}${feed.path.replace(/feed\.atom$/, '')}`,
  });
  for (const { section, item } of entries) {
    const page = `${base}/public/${section.key}/${encodeURIComponent(item.id)}`;
    const entry = doc.ele('entry');
    entry.ele('id').txt(`tag:${host},${TAG_DATE}:public/${section.key}/${item.id}`);
    entry.ele('title', { type: 'text' }).txt(item.title);
    entry.ele('updated').txt(item.updatedAt.toISOString());
    entry.ele('published').txt(item.publishedAt.toISOString());
    entry.ele('link', { rel: 'alternate', type: 'text/html', href: page });
    if (item.alternate)
      entry.ele('link', { rel: 'related', type: item.alternate.type, href: item.alternate.url });
    for (const a of item.attachments ?? []) {
      entry.ele('link', {
        rel: 'enclosure',
        type: a.mime,
        length: String(a.size),
        title: a.name,
        href: `${page}/files/${a.id}`,
      });
    }
    entry.ele('category', { term: section.key, label: section.title.zh });
    entry.ele('summary', { type: 'text' }).txt(item.summary || item.title);
    entry.ele('content', { type: 'text' }).txt(item.body);
  }
  return doc.end({ prettyPrint: true });
}
