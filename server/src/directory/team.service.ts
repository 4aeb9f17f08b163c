import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import type { ListResponse, TeamView } from '@muster/contracts';
import { Db } from '../database/db.js';
import { ContactRepository } from './contact.repository.js';
import { assertOwnerUnchanged, ownerForCreate } from './directory-scope.js';
import { checkMembers } from './members.js';
import type { TeamCreateDto, TeamListQueryDto, TeamUpdateDto } from './team.dto.js';
import { Team } from './team.entity.js';
import { TeamRepository } from './team.repository.js';
import { mapTeam } from './team.view.js';
import { InvalidError } from '../common/domain-errors.js';

@Injectable()
export class TeamService {
  constructor(
    private readonly db: Db,
    private readonly teams: TeamRepository,
    private readonly contacts: ContactRepository,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(q: TeamListQueryDto): Promise<ListResponse<TeamView>> {
    const [rows, total] = await this.teams.list({ ...q, ...pageWindow(q) });
    return { items: rows.map(mapTeam), total };
  }

  async get(id: string): Promise<TeamView> {
    return mapTeam(await this.teams.getById(id));
  }

  /** The teams among `ids` visible to the caller, in the order asked; unknown ids are left out. */
  async findByIds(ids: readonly string[]): Promise<TeamView[]> {
    const found = new Map((await this.teams.findByIds(ids)).map((t) => [t.id, mapTeam(t)]));
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  }

  /**
   * Id and name of the teams among `ids`, whatever their enterprise, in the database's order: for
   * showing what a record the caller may already see names (a drill run's roster). A reference
   * the caller makes is checked with `findByIds`, which is scoped.
   */
  async namesByIds(ids: readonly string[]): Promise<{ id: string; name: string }[]> {
    return (await this.teams.anyByIds(ids)).map((t) => ({ id: t.id, name: t.name }));
  }

  /**
   * The contacts who are members of any of these teams, whatever their enterprise: who a drill
   * whose roster names the teams may page.
   */
  memberIdsOf(teamIds: readonly string[]): Promise<string[]> {
    return this.teams.memberIdsOf(teamIds);
  }

  async create(dto: TeamCreateDto): Promise<TeamView> {
    return this.db.transaction(async () => {
      const t = new Team();
      t.enterpriseId = ownerForCreate(this.context, dto.enterpriseId);
      t.memberContactIds = [];
      await this.apply(t, dto);
      const view = mapTeam(await this.teams.save(t));
      await this.audit.record({ action: 'team.created', entity: 'team', entityId: view.id, after: view });
      return view;
    });
  }

  async update(id: string, dto: TeamUpdateDto): Promise<TeamView> {
    return this.db.transaction(async () => {
      const t = await this.teams.getById(id);
      assertOwnerUnchanged(t.enterpriseId, dto.enterpriseId);
      const before = mapTeam(t);
      await this.apply(t, dto);
      const view = mapTeam(await this.teams.save(t));
      await this.audit.record({ action: 'team.updated', entity: 'team', entityId: id, before, after: view });
      return view;
    });
  }

  async remove(id: string): Promise<void> {
    return this.db.transaction(async () => {
      const t = await this.teams.getById(id);
      const before = mapTeam(t);
      await this.teams.remove(t);
      await this.audit.record({ action: 'team.deleted', entity: 'team', entityId: id, before });
    });
  }

  private async apply(t: Team, dto: TeamUpdateDto): Promise<void> {
    if (dto.name !== undefined) t.name = dto.name;
    if (dto.type !== undefined) t.type = dto.type;
    if (dto.memberContactIds !== undefined) {
      if (new Set(dto.memberContactIds).size !== dto.memberContactIds.length) {
        throw new InvalidError(['memberContactIds: lists the same contact twice']);
      }
      t.memberContactIds = dto.memberContactIds;
    }
    if (dto.leaderContactId !== undefined) t.leaderContactId = dto.leaderContactId;
    // The leader leads from inside the team: listed first when added here.
    if (t.leaderContactId && !t.memberContactIds.includes(t.leaderContactId)) {
      t.memberContactIds = [t.leaderContactId, ...t.memberContactIds];
    }
    if (dto.base !== undefined) {
      t.baseLat = dto.base?.lat ?? null;
      t.baseLng = dto.base?.lng ?? null;
    }
    if (dto.baseAddress !== undefined) t.baseAddress = dto.baseAddress;
    if (dto.readiness !== undefined) t.readiness = dto.readiness;
    if (dto.notes !== undefined) t.notes = dto.notes;
    t.leaderContactId ??= null;
    t.baseLat ??= null;
    t.baseLng ??= null;
    t.baseAddress ??= '';
    t.readiness ??= 'ready';
    t.notes ??= '';
    if (dto.memberContactIds !== undefined || dto.leaderContactId !== undefined) {
      await checkMembers(this.contacts, 'memberContactIds', t.memberContactIds, t.enterpriseId);
    }
  }
}
