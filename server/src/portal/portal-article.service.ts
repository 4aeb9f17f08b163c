import { Injectable } from '@nestjs/common';
import {
  type ArticleFileView,
  type ArticleKind,
  type ArticleView,
  type ListResponse,
  articleCanSubmit,
  personalDataIn,
  type Role,
} from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import {
  ConflictError,
  ForbiddenError,
  InvalidError,
  type Problem,
  problem,
} from '../common/domain-errors.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.js';
import { FileService } from '../files/file.service.js';
import { UserFinder } from '../identity/user-finder.js';
import type {
  ArticleCreateDto,
  ArticleListQueryDto,
  ArticleReviewDto,
  ArticleUpdateDto,
} from './portal-article.dto.js';
import { PortalArticle } from './portal-article.entity.js';
import { PortalArticleRepository } from './portal-article.repository.js';
import { mapArticle, mayReview } from './portal-article.view.js';

/**
 * The zone's notices and safety knowledge, from draft through review to the public pages: a
 * reviewer other than the author approves each version, and the public keeps reading the last
 * approved one while a revision waits.
 */
@Injectable()
export class PortalArticleService {
  constructor(
    private readonly db: Db,
    private readonly articles: PortalArticleRepository,
    private readonly files: FileService,
    private readonly users: UserFinder,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
  ) {}

  async list(q: ArticleListQueryDto): Promise<ListResponse<ArticleView>> {
    const [rows, total] = await this.articles.list({ kind: q.kind, state: q.state, ...pageWindow(q) });
    return { items: await this.views(rows), total };
  }

  async get(id: string): Promise<ArticleView> {
    return this.view(await this.articles.getById(id));
  }

  create(dto: ArticleCreateDto): Promise<ArticleView> {
    const me = this.me();
    return this.db.transaction(async () => {
      const fileIds = await this.claim(dto.fileIds ?? []);
      const a = new PortalArticle();
      Object.assign(a, {
        kind: dto.kind,
        state: 'draft',
        title: dto.title,
        body: normalizeBody(dto.body),
        fileIds,
        authorId: me.id,
        editedBy: me.id,
        live: false,
        publicFileIds: [],
      });
      const saved = await this.articles.save(a);
      const view = await this.view(saved);
      await this.audit.record({
        action: 'article.created',
        entity: 'portal_article',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  /** An edit takes the article back to draft: whatever changed is reviewed before it is published. */
  update(id: string, dto: ArticleUpdateDto): Promise<ArticleView> {
    const me = this.me();
    return this.db.transaction(async () => {
      const a = await this.articles.getForUpdate(id);
      const before = await this.view(a);
      if (dto.title !== undefined) a.title = dto.title;
      if (dto.body !== undefined) a.body = normalizeBody(dto.body);
      if (dto.fileIds !== undefined) a.fileIds = await this.claim(dto.fileIds);
      Object.assign(a, { state: 'draft', editedBy: me.id, submittedBy: null, submittedAt: null });
      const view = await this.view(await this.articles.save(a));
      await this.audit.record({
        action: 'article.edited',
        entity: 'portal_article',
        entityId: id,
        before,
        after: view,
      });
      return view;
    });
  }

  submit(id: string): Promise<ArticleView> {
    const me = this.me();
    return this.db.transaction(async () => {
      const a = await this.articles.getForUpdate(id);
      if (!articleCanSubmit(a.state)) {
        throw new ConflictError(
          problem('portal.notSubmittable', `An article that is ${a.state} cannot be submitted for review`, {
            state: a.state,
          }),
        );
      }
      const personal = personalDataProblems(a);
      if (personal.length) throw new InvalidError(personal);
      const before = a.state;
      Object.assign(a, { state: 'pending', submittedBy: me.id, submittedAt: this.clock.now() });
      const view = await this.view(await this.articles.save(a));
      await this.audit.record({
        action: 'article.submitted',
        entity: 'portal_article',
        entityId: id,
        before: { state: before },
        after: { state: 'pending' },
      });
      return view;
    });
  }

  /** Publishes the working copy as it was submitted, in place of any earlier public version. */
  approve(id: string, dto: ArticleReviewDto): Promise<ArticleView> {
    const me = this.me();
    return this.db.transaction(async () => {
      const a = await this.pending(id);
      if (!mayReview(a, me)) {
        throw new ForbiddenError(
          problem('portal.selfApproval', 'An article is approved by a reviewer other than its author'),
        );
      }
      const now = this.clock.now();
      Object.assign(a, {
        state: 'published',
        reviewedBy: me.id,
        reviewedAt: now,
        reviewNote: dto.note || null,
        live: true,
        publicTitle: a.title,
        publicBody: a.body,
        publicFileIds: a.fileIds,
        firstPublishedAt: a.firstPublishedAt ?? now,
        publicUpdatedAt: now,
      });
      const view = await this.view(await this.articles.save(a));
      await this.audit.record({
        action: 'article.published',
        entity: 'portal_article',
        entityId: id,
        after: { title: a.publicTitle, body: a.publicBody, fileIds: a.publicFileIds, note: a.reviewNote },
      });
      return view;
    });
  }

  reject(id: string, dto: ArticleReviewDto): Promise<ArticleView> {
    const me = this.me();
    if (!dto.note) throw new InvalidError(['note: say what to change (required to reject)']);
    return this.db.transaction(async () => {
      const a = await this.pending(id);
      if (!mayReview(a, me)) {
        throw new ForbiddenError(
          problem('portal.selfApproval', 'An article is reviewed by a reviewer other than its author'),
        );
      }
      Object.assign(a, {
        state: 'rejected',
        reviewedBy: me.id,
        reviewedAt: this.clock.now(),
        reviewNote: dto.note,
      });
      const view = await this.view(await this.articles.save(a));
      await this.audit.record({
        action: 'article.rejected',
        entity: 'portal_article',
        entityId: id,
        after: { note: dto.note },
      });
      return view;
    });
  }

  /** Takes the public version off the pages and the feed; the working copy stays for the authors. */
  withdraw(id: string, dto: ArticleReviewDto): Promise<ArticleView> {
    const me = this.me();
    return this.db.transaction(async () => {
      const a = await this.articles.getForUpdate(id);
      if (!a.live) {
        throw new ConflictError(problem('portal.notLive', 'Only a published article can be withdrawn'));
      }
      Object.assign(a, {
        state: 'withdrawn',
        live: false,
        reviewedBy: me.id,
        reviewedAt: this.clock.now(),
        reviewNote: dto.note || null,
      });
      const view = await this.view(await this.articles.save(a));
      await this.audit.record({
        action: 'article.withdrawn',
        entity: 'portal_article',
        entityId: id,
        after: { note: a.reviewNote },
      });
      return view;
    });
  }

  /** The live versions for the public pages: no author or reviewer, only what was approved. */
  async published(kind: ArticleKind, limit: number): Promise<PortalArticle[]> {
    return this.articles.live(kind, limit);
  }

  publishedOne(kind: ArticleKind, id: string): Promise<PortalArticle | null> {
    return this.articles.liveOne(kind, id);
  }

  async publishedFiles(ids: string[]): Promise<Map<string, ArticleFileView>> {
    return fileViews(await this.files.viewsByIds(ids));
  }

  /**
   * The bytes of an attachment of an article's public version, for a reader without an account;
   * null when the article is not live or the file is not one of its public attachments.
   */
  async openPublishedFile(
    kind: ArticleKind,
    id: string,
    fileId: string,
  ): Promise<Awaited<ReturnType<FileService['open']>> | null> {
    const a = await this.articles.liveOne(kind, id);
    if (!a?.publicFileIds.includes(fileId)) return null;
    return this.context.runAsSystem('public-pages', () => this.files.open(fileId, false));
  }

  private async pending(id: string): Promise<PortalArticle> {
    const a = await this.articles.getForUpdate(id);
    if (a.state !== 'pending') {
      throw new ConflictError(
        problem('portal.notPending', 'Only an article submitted for review can be decided'),
      );
    }
    return a;
  }

  /** Attachments are the zone's own uploads (no enterprise's file becomes public through here). */
  private async claim(ids: string[]): Promise<string[]> {
    return (await this.files.claim(ids, null, 'fileIds')).map((f) => f.id);
  }

  private me(): { id: string; role: Role } {
    const p = this.context.principal();
    if (!p) throw new ForbiddenError('Articles are written and reviewed by zone users');
    return p;
  }

  private async view(a: PortalArticle): Promise<ArticleView> {
    return (await this.views([a]))[0]!;
  }

  private async views(rows: PortalArticle[]): Promise<ArticleView[]> {
    const names = await this.users.namesByIds(
      rows.flatMap((a) => [a.authorId, a.editedBy, ...(a.reviewedBy ? [a.reviewedBy] : [])]),
    );
    const files = fileViews(await this.files.viewsByIds(rows.flatMap((a) => a.fileIds)));
    const p = this.context.principal();
    return rows.map((a) => mapArticle(a, names, files, p));
  }
}

function fileViews(views: Map<string, { id: string; name: string; mime: string; size: number }>) {
  return new Map(
    [...views.values()].map((f) => [f.id, { id: f.id, name: f.name, mime: f.mime, size: f.size }]),
  );
}

/** Line ends as one kind, no trailing blanks: the public page splits paragraphs on blank lines. */
function normalizeBody(body: string): string {
  const text = body
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .trim();
  if (!text) throw new InvalidError(['body: must not be blank']);
  return text;
}

function personalDataProblems(a: PortalArticle): Problem[] {
  const problems: Problem[] = [];
  for (const field of ['title', 'body'] as const) {
    for (const kind of personalDataIn(a[field])) {
      problems.push(
        problem(
          `portal.personalData.${kind}`,
          `${field}: contains what looks like a ${kind === 'mobile' ? 'mobile number' : 'resident ID number'}; the public pages carry no personal data`,
        ),
      );
    }
  }
  return problems;
}
