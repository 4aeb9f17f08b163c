import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import { Db } from '../database/db.js';
import { StoredFile } from './stored-file.entity.js';

@Injectable()
export class FileRepository extends EnterpriseScopedRepository<StoredFile> {
  protected readonly target = StoredFile;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'File not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  insert(f: Partial<StoredFile>): Promise<StoredFile> {
    this.assertInScope(f.enterpriseId ?? null);
    return this.repo.save(this.repo.create(f));
  }

  /** Files visible to the caller among `ids` (others are simply absent). */
  findVisible(ids: string[]): Promise<StoredFile[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.query('f').andWhere('f.id IN (:...ids)', { ids }).getMany();
  }

  /** Any files by id, for mapping records the caller has already been allowed to read. */
  findByIds(ids: string[]): Promise<StoredFile[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo.createQueryBuilder('f').where('f.id IN (:...ids)', { ids }).getMany();
  }

  async assignEnterprise(ids: string[], enterpriseId: string): Promise<void> {
    if (!ids.length) return;
    await this.repo
      .createQueryBuilder()
      .update()
      .set({ enterpriseId })
      .where('id IN (:...ids) AND enterprise_id IS NULL', { ids })
      .execute();
  }
}
