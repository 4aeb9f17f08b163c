import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { ListResponse, ImprovementItemView } from '@muster/contracts';
import { Db } from '../database/db.js';
import { zoneDay } from './compliance.js';
import { DrillImprovement } from './drill.entities.js';
import { assertEvaluable } from './evaluation.service.js';
import { DrillRunRepository } from './drill-run.repository.js';
import type {
  ImprovementCompleteDto,
  ImprovementCreateDto,
  ImprovementListQueryDto,
} from './improvement.dto.js';
import { mapImprovement } from './improvement.view.js';
import { ImprovementRepository } from './improvement.repository.js';
import { ConflictError, InvalidError } from '../common/domain-errors.js';

/** Improvement items (整改项) from a drill's after-action review, tracked until done. */
@Injectable()
export class ImprovementService {
  constructor(
    private readonly db: Db,
    private readonly items: ImprovementRepository,
    private readonly runs: DrillRunRepository,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(q: ImprovementListQueryDto): Promise<ListResponse<ImprovementItemView>> {
    const [rows, total] = await this.items.list({ status: q.status, ...pageWindow(q) });
    return { items: await this.views(rows), total };
  }

  async forRun(runId: string): Promise<ImprovementItemView[]> {
    return this.views(await this.items.forRun(runId));
  }

  async create(runId: string, dto: ImprovementCreateDto): Promise<ImprovementItemView> {
    return this.db.transaction(async () => {
      const run = await this.runs.getById(runId);
      assertEvaluable(run);
      const today = this.today();
      if (dto.dueOn < today) throw new InvalidError([`dueOn: must not be before today (${today})`]);
      const saved = await this.items.save(
        Object.assign(new DrillImprovement(), {
          runId,
          // The drilled enterprise owns the item, so its officer sees it and reports it done.
          enterpriseId: run.enterpriseId,
          title: dto.title,
          owner: dto.owner,
          dueOn: dto.dueOn,
          status: 'open',
          completedAt: null,
          completionNote: '',
          createdBy: this.context.principal()?.id ?? null,
        }),
      );
      const view = mapImprovement(saved, run.document.title, today);
      await this.audit.record({
        action: 'drill_improvement.created',
        entity: 'drill_improvement',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async complete(id: string, dto: ImprovementCompleteDto): Promise<ImprovementItemView> {
    return this.db.transaction(async () => {
      const item = await this.items.getForUpdate(id);
      if (item.status === 'done') throw new ConflictError('The improvement item is already done');
      const [before] = await this.views([item]);
      item.status = 'done';
      item.completedAt = this.clock.now();
      item.completionNote = dto.note;
      const saved = await this.items.save(item);
      const view = mapImprovement(saved, before!.runTitle, this.today());
      await this.audit.record({
        action: 'drill_improvement.completed',
        entity: 'drill_improvement',
        entityId: id,
        before,
        after: view,
      });
      return view;
    });
  }

  private async views(rows: DrillImprovement[]): Promise<ImprovementItemView[]> {
    const titles = await this.items.runTitles(rows.map((r) => r.runId));
    const today = this.today();
    return rows.map((r) => mapImprovement(r, titles.get(r.runId) ?? '', today));
  }

  private today(): string {
    return zoneDay(this.clock.now(), this.config.TZ);
  }
}
