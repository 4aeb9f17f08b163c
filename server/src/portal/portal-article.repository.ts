import { Injectable } from '@nestjs/common';
import type { ArticleKind, ArticleState } from '@muster/contracts';
import { NotFoundError } from '../common/domain-errors.js';
import { Db } from '../database/db.js';
import { PortalArticle } from './portal-article.entity.js';

export interface ArticleFilter {
  kind?: ArticleKind;
  state?: ArticleState;
  skip: number;
  take: number;
}

/** The zone's own articles: no enterprise owns them, the zone roles that may read them see all. */
@Injectable()
export class PortalArticleRepository {
  constructor(private readonly db: Db) {}

  private get repo() {
    return this.db.repo(PortalArticle);
  }

  list(f: ArticleFilter): Promise<[PortalArticle[], number]> {
    const qb = this.repo.createQueryBuilder('a').orderBy('a.updatedAt', 'DESC').addOrderBy('a.id', 'ASC');
    if (f.kind) qb.andWhere('a.kind = :kind', { kind: f.kind });
    if (f.state) qb.andWhere('a.state = :state', { state: f.state });
    return qb.skip(f.skip).take(f.take).getManyAndCount();
  }

  async getById(id: string): Promise<PortalArticle> {
    const a = await this.repo.findOneBy({ id });
    if (!a) throw new NotFoundError('Article not found');
    return a;
  }

  /** Locked for the rest of the transaction: two reviewers deciding at once see each other's result. */
  async getForUpdate(id: string): Promise<PortalArticle> {
    const a = await this.repo
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.id = :id', { id })
      .getOne();
    if (!a) throw new NotFoundError('Article not found');
    return a;
  }

  save(a: PortalArticle): Promise<PortalArticle> {
    return this.repo.save(a);
  }

  /** The live versions of a kind, newest first. */
  live(kind: ArticleKind, limit: number): Promise<PortalArticle[]> {
    return this.repo.find({
      where: { kind, live: true },
      order: { firstPublishedAt: 'DESC', id: 'ASC' },
      take: limit,
    });
  }

  liveOne(kind: ArticleKind, id: string): Promise<PortalArticle | null> {
    return this.repo.findOneBy({ kind, id, live: true });
  }
}
