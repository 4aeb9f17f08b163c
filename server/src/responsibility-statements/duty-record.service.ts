import { Injectable } from '@nestjs/common';
import type { DutyRecordView, ListResponse } from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { InvalidError } from '../common/domain-errors.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.js';
import { ContactService } from '../directory/contact.service.js';
import { FileService } from '../files/file.service.js';
import type { DutyRecordCreateDto, DutyRecordQueryDto } from './responsibility-statements.dto.js';
import { DutyRecord } from './responsibility-statements.entities.js';
import {
  DutyRecordRepository,
  PostRepository,
  StatementRepository,
} from './responsibility-statements.repository.js';
import { mapDutyRecord } from './responsibility-statements.view.js';

/**
 * Records of duties carried out (履职记录), each attached to a post and to the holder who carried
 * it out, naming which duty of the post's list it fulfils, with its evidence.
 */
@Injectable()
export class DutyRecordService {
  constructor(
    private readonly db: Db,
    private readonly records: DutyRecordRepository,
    private readonly posts: PostRepository,
    private readonly statements: StatementRepository,
    private readonly files: FileService,
    private readonly contacts: ContactService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(q: DutyRecordQueryDto): Promise<ListResponse<DutyRecordView>> {
    const [rows, total] = await this.records.list({
      enterpriseId: q.enterpriseId,
      postId: q.postId,
      contactId: q.contactId,
      ...pageWindow(q),
    });
    const [posts, files] = await Promise.all([
      this.posts.anyByIds(rows.map((r) => r.postId)),
      this.files.viewsByIds(rows.flatMap((r) => r.fileIds)),
    ]);
    const byId = new Map(posts.map((p) => [p.id, p]));
    return { items: rows.map((r) => mapDutyRecord(r, byId.get(r.postId), files)), total };
  }

  async create(postId: string, dto: DutyRecordCreateDto): Promise<DutyRecordView> {
    const post = await this.posts.getById(postId);
    this.posts.assertInScope(post.enterpriseId);
    const problems: string[] = [];
    if (!post.duties.includes(dto.duty))
      problems.push('duty: not a duty of this post in the responsibility list');
    const holder = (await this.statements.assignmentsOf([post.id])).find(
      (a) => a.contactId === dto.contactId,
    );
    if (!holder) problems.push(`contactId: ${dto.contactId} does not hold this post`);
    if (problems.length) throw new InvalidError(problems);
    return this.db.transaction(async () => {
      const fileIds = [...new Set(dto.fileIds ?? [])];
      if (fileIds.length) await this.files.claim(fileIds, post.enterpriseId, 'fileIds');
      const [person] = await this.contacts.summariesByIds([dto.contactId]);
      const saved = await this.records.save(
        Object.assign(new DutyRecord(), {
          postId: post.id,
          enterpriseId: post.enterpriseId,
          contactId: dto.contactId,
          personName: person!.name,
          doneOn: dto.doneOn,
          duty: dto.duty,
          description: dto.description,
          fileIds,
          createdBy: this.context.principal()?.id ?? null,
        }),
      );
      const view = mapDutyRecord(saved, post, await this.files.viewsByIds(fileIds));
      await this.audit.record({
        action: 'duty_record.created',
        entity: 'duty_record',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }
}
