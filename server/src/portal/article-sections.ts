import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ARTICLE_SECTION, type ArticleKind } from '@muster/contracts';
import type { PortalArticle } from './portal-article.entity.js';
import { PortalArticleService } from './portal-article.service.js';
import { summaryOf } from './portal-article.view.js';
import { type PortalItem, type PortalSection, PortalSections } from './portal-sections.js';

const TITLES: Record<ArticleKind, { zh: string; en: string }> = {
  notice: { zh: '通知公告', en: 'Notices' },
  knowledge: { zh: '安全知识', en: 'Safety knowledge' },
};

/** The zone's notices and safety knowledge on the public pages: the approved versions only. */
@Injectable()
export class ArticleSections implements OnModuleInit {
  constructor(
    private readonly sections: PortalSections,
    private readonly articles: PortalArticleService,
  ) {}

  onModuleInit(): void {
    for (const kind of ['notice', 'knowledge'] as const) this.sections.register(this.section(kind));
  }

  private section(kind: ArticleKind): PortalSection {
    return {
      key: ARTICLE_SECTION[kind],
      title: TITLES[kind],
      order: kind === 'notice' ? 10 : 20,
      list: async (limit) => this.items(await this.articles.published(kind, limit)),
      get: async (id) => {
        const a = await this.articles.publishedOne(kind, id);
        return a ? (await this.items([a]))[0]! : null;
      },
      openFile: async (id, fileId) => {
        const f = await this.articles.openPublishedFile(kind, id, fileId);
        return f && { name: f.file.name, mime: f.mime, body: f.body };
      },
    };
  }

  private async items(rows: PortalArticle[]): Promise<PortalItem[]> {
    const files = await this.articles.publishedFiles(rows.flatMap((a) => a.publicFileIds));
    return rows.map((a) => ({
      id: a.id,
      title: a.publicTitle!,
      summary: summaryOf(a.publicBody!),
      body: a.publicBody!,
      publishedAt: a.firstPublishedAt!,
      updatedAt: a.publicUpdatedAt!,
      attachments: a.publicFileIds.flatMap((id) => (files.has(id) ? [files.get(id)!] : [])),
    }));
  }
}
