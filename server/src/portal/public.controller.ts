import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { Public } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { atomFeed, type FeedEntry } from './public-feed.js';
import { PortalSections, type PortalItem, type PortalSection } from './portal-sections.js';
import { PublicListQueryDto, PublicPageQueryDto } from './public.dto.js';
import {
  indexPage,
  itemPage,
  type Lang,
  notFoundPage,
  type PageContext,
  sectionPage,
} from './public-pages.js';

const PAGE_SIZE = 20;
const INDEX_ITEMS = 5;
const FEED_ITEMS = 50;
/** Short enough that a withdrawn item leaves readers' caches within minutes. */
const CACHE_CONTROL = 'public, max-age=60';
/** Item ids as sections make them (uuids, document numbers in ASCII): anything else is no item. */
const ITEM_ID = /^[\w.-]{1,100}$/;

/**
 * The public pages (政府门户发布) and their Atom feeds, without login: what the registered sections
 * answer as published, rendered escaped, cacheable, and answered 304 when the reader has it.
 */
@ApiTags('public')
@Controller('public')
@Public()
export class PublicController {
  constructor(
    private readonly sections: PortalSections,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ApiDoc('The public pages: every section with its newest items', 400)
  @Get()
  @ApiProduces('text/html')
  async index(@Query() q: PublicPageQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    const all = this.sections.all();
    const newest = await Promise.all(
      all.map(async (section) => ({ section, items: await section.list(INDEX_ITEMS) })),
    );
    const ctx = this.context(q.lang, '/public/');
    send(req, res, 'text/html', indexPage(ctx, newest));
  }

  @ApiDoc('Atom feed of everything published on the public pages, newest first', 400)
  @Get('feed.atom')
  @ApiProduces('application/atom+xml')
  async feed(@Req() req: Request, @Res() res: Response): Promise<void> {
    const entries = (
      await Promise.all(
        this.sections
          .all()
          .map(async (section) =>
            (await section.list(FEED_ITEMS)).map((item): FeedEntry => ({ section, item })),
          ),
      )
    )
      .flat()
      .sort((a, b) => b.item.updatedAt.getTime() - a.item.updatedAt.getTime())
      .slice(0, FEED_ITEMS);
    const xml = atomFeed(
      this.config.PUBLIC_URL,
      { path: '/public/feed.atom', title: '杜集经济开发区安全生产信息公开' },
      entries,
    );
    send(req, res, 'application/atom+xml', xml);
  }

  @ApiDoc("Atom feed of one section's published items", 400, 404)
  @Get(':section/feed.atom')
  @ApiProduces('application/atom+xml')
  async sectionFeed(@Param('section') key: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const section = this.sections.get(key);
    if (!section) return this.notFound(res, 'zh');
    const items = await section.list(FEED_ITEMS);
    const xml = atomFeed(
      this.config.PUBLIC_URL,
      { path: `/public/${section.key}/feed.atom`, title: `杜集经济开发区 · ${section.title.zh}` },
      items.map((item) => ({ section, item })),
    );
    send(req, res, 'application/atom+xml', xml);
  }

  @ApiDoc("One section's published items, newest first, a page at a time", 400, 404)
  @Get(':section')
  @ApiProduces('text/html')
  async section(
    @Param('section') key: string,
    @Query() q: PublicListQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const section = this.sections.get(key);
    if (!section) return this.notFound(res, q.lang);
    const page = q.page ?? 1;
    // One more than the page holds tells whether there is a next page.
    const rows = await section.list(page * PAGE_SIZE + 1);
    const items = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const ctx = this.context(q.lang, `/public/${section.key}`, section.key, page > 1 ? { page } : {});
    send(req, res, 'text/html', sectionPage(ctx, section, items, page, rows.length > page * PAGE_SIZE));
  }

  @ApiDoc('One published item', 400, 404)
  @Get(':section/:id')
  @ApiProduces('text/html')
  async item(
    @Param('section') key: string,
    @Param('id') id: string,
    @Query() q: PublicPageQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const found = await this.find(key, id);
    if (!found) return this.notFound(res, q.lang);
    const [section, item] = found;
    const ctx = this.context(q.lang, `/public/${section.key}/${encodeURIComponent(item.id)}`, section.key);
    send(req, res, 'text/html', itemPage(ctx, section, item), item);
  }

  @ApiDoc('An attachment of a published item', 400, 404)
  @Get(':section/:id/files/:fileId')
  async file(
    @Param('section') key: string,
    @Param('id') id: string,
    @Param('fileId') fileId: string,
    @Res() res: Response,
  ): Promise<void> {
    const section = this.sections.get(key);
    const file =
      section?.openFile && ITEM_ID.test(id) && ITEM_ID.test(fileId)
        ? await section.openFile(id, fileId)
        : null;
    if (!file) return this.notFound(res, 'zh');
    res.once('close', () => file.body.destroy());
    res.setHeader('Content-Type', file.mime);
    res.setHeader('Cache-Control', CACHE_CONTROL);
    // Only images are shown in place: a PDF opened inline would run in the browser's viewer on
    // this origin with whatever it carries.
    const disposition = file.mime.startsWith('image/') ? 'inline' : 'attachment';
    res.setHeader('Content-Disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    file.body.pipe(res);
  }

  private async find(key: string, id: string): Promise<[PortalSection, PortalItem] | null> {
    const section = this.sections.get(key);
    if (!section || !ITEM_ID.test(id)) return null;
    const item = await section.get(id);
    return item ? [section, item] : null;
  }

  private context(
    lang: Lang | undefined,
    path: string,
    current?: string,
    query: Record<string, number> = {},
  ): PageContext {
    return {
      lang: lang ?? 'zh',
      sections: this.sections.all(),
      timeZone: this.config.TZ,
      path,
      current,
      query,
    };
  }

  private notFound(res: Response, lang: Lang | undefined): void {
    res
      .status(404)
      .type('text/html')
      .setHeader('Cache-Control', 'no-store')
      .send(notFoundPage(this.context(lang, '/public/')));
  }
}

/**
 * Sends a page or feed with a strong ETag of its bytes, and an item's page with its change as
 * Last-Modified: a reader who has it is answered 304 without the body. Lists and feeds carry no
 * Last-Modified: an item withdrawn from them leaves the newest change where it was, and a date
 * would tell the reader nothing had changed.
 */
function send(req: Request, res: Response, type: string, body: string, item?: PortalItem): void {
  res.setHeader('Content-Type', `${type}; charset=utf-8`);
  res.setHeader('Cache-Control', CACHE_CONTROL);
  res.setHeader('ETag', `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`);
  if (item) res.setHeader('Last-Modified', item.updatedAt.toUTCString());
  // Express compares If-None-Match (first) and If-Modified-Since with the headers set above.
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.send(body);
}
