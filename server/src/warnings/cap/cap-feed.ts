import { Feed } from 'feed';
import type { CapPublisher } from './cap-alert.js';
import { capIdentifier } from './cap-alert.js';

export interface FeedEntry {
  id: string;
  title: string;
  summary: string;
  sentAt: Date;
}

/**
 * The public Atom feed of CAP alerts, newest first: each entry links to its CAP document
 * (`application/cap+xml`), as CAP aggregators expect of a publisher's feed.
 */
export function capAtomFeed(entries: FeedEntry[], publisher: CapPublisher, title: string): string {
  const self = `${publisher.baseUrl}/cap/alerts.atom`;
  const feed = new Feed({
    title,
    id: self,
    link: self,
    feedLinks: { atom: self },
    updated: entries[0]?.sentAt ?? new Date(0),
    copyright: publisher.senderName['zh-CN'],
    author: { name: publisher.senderName['zh-CN'] },
  });
  for (const e of entries) {
    const url = `${publisher.baseUrl}/cap/alerts/${e.id}.xml`;
    feed.addItem({
      title: e.title,
      id: `urn:muster:${capIdentifier(e.id)}`,
      link: url,
      date: e.sentAt,
      description: e.summary,
      enclosure: { url, type: 'application/cap+xml' },
    });
  }
  return feed.atom1();
}
