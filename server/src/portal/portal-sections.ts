import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';

/** A file published with an item, served at `/public/<section>/<item>/files/<id>`. */
export interface PortalAttachment {
  id: string;
  name: string;
  mime: string;
  size: number;
}

/**
 * One item the zone has published for the public (政府门户发布): plain text only, with personal
 * data already removed by the section that owns it. Pages and the Atom feed render every field
 * escaped, so stored markup shows as text.
 */
export interface PortalItem {
  /** Unique within its section; part of the item's public address. */
  id: string;
  title: string;
  /** One paragraph for lists and the feed's summary. */
  summary: string;
  /** Paragraphs separated by blank lines. */
  body: string;
  publishedAt: Date;
  updatedAt: Date;
  attachments?: PortalAttachment[];
  /** A document the item is also published as (e.g. a CAP alert), by absolute address. */
  alternate?: { url: string; type: string; label: { zh: string; en: string } };
}

/**
 * A kind of public information (notices, enforcement disclosures, commended enterprises, …),
 * owned by the domain that holds its records. It answers published items only.
 */
export interface PortalSection {
  /** The address segment: `/public/<key>`. Lower-case letters and hyphens. */
  key: string;
  title: { zh: string; en: string };
  /** Where it stands in the navigation and on the index, lowest first (unset: after those that set it). */
  order?: number;
  /** Newest first. */
  list(limit: number): Promise<PortalItem[]>;
  get(id: string): Promise<PortalItem | null>;
  /** The bytes of one of a published item's attachments; null when it is not one of them. */
  openFile?(itemId: string, fileId: string): Promise<{ name: string; mime: string; body: Readable } | null>;
}

/**
 * Where domains register their public sections when they start, so the public pages and the
 * feed depend on no domain and every domain keeps the rule of what of its own may be shown.
 */
@Injectable()
export class PortalSections {
  private readonly sections = new Map<string, PortalSection>();

  register(section: PortalSection): void {
    if (!/^[a-z][a-z-]*$/.test(section.key)) throw new Error(`bad portal section key ${section.key}`);
    if (this.sections.has(section.key)) throw new Error(`portal section ${section.key} registered twice`);
    this.sections.set(section.key, section);
  }

  /** In the order the public pages show them. */
  all(): PortalSection[] {
    return [...this.sections.values()].sort(
      (a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.key.localeCompare(b.key),
    );
  }

  get(key: string): PortalSection | undefined {
    return this.sections.get(key);
  }
}
