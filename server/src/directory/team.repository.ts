import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import type { TeamReadiness, TeamType } from '@muster/contracts';
import { Db } from '../database/db.js';
import { escapeLike } from '../common/sql.js';
import { Team, TeamMember } from './team.entity.js';

export interface TeamFilter {
  q?: string;
  enterpriseId?: string;
  type?: TeamType;
  readiness?: TeamReadiness;
  /** Teams that have this contact as a member. */
  contactId?: string;
  skip: number;
  take: number;
}

@Injectable()
export class TeamRepository extends EnterpriseScopedRepository<Team> {
  protected readonly target = Team;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Team not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  async list(f: TeamFilter): Promise<[Team[], number]> {
    const qb = this.query('t').orderBy('t.name', 'ASC').addOrderBy('t.id', 'ASC').skip(f.skip).take(f.take);
    if (f.q) qb.andWhere('(t.name ILIKE :q OR t.baseAddress ILIKE :q)', { q: `%${escapeLike(f.q)}%` });
    if (f.enterpriseId === 'zone') qb.andWhere('t.enterpriseId IS NULL');
    else if (f.enterpriseId) qb.andWhere('t.enterpriseId = :eid', { eid: f.enterpriseId });
    if (f.type) qb.andWhere('t.type = :type', { type: f.type });
    if (f.readiness) qb.andWhere('t.readiness = :readiness', { readiness: f.readiness });
    if (f.contactId) {
      qb.andWhere('EXISTS (SELECT 1 FROM team_member m WHERE m.team_id = t.id AND m.contact_id = :cid)', {
        cid: f.contactId,
      });
    }
    const [rows, total] = await qb.getManyAndCount();
    await this.attachMembers(rows);
    return [rows, total];
  }

  override async findById(id: string): Promise<Team | null> {
    const t = await super.findById(id);
    if (t) await this.attachMembers([t]);
    return t;
  }

  /**
   * The teams among `ids` whatever their enterprise: for naming what a record the caller may
   * already see refers to (see `TeamService.namesByIds`), never for checking a reference.
   */
  async anyByIds(ids: readonly string[]): Promise<Team[]> {
    if (ids.length === 0) return [];
    return this.repo.findBy({ id: In([...new Set(ids)]) });
  }

  /** The contacts who are members of any of these teams, whatever their enterprise. */
  async memberIdsOf(teamIds: readonly string[]): Promise<string[]> {
    if (teamIds.length === 0) return [];
    const rows: { contact_id: string }[] = await this.db.manager.query(
      `SELECT DISTINCT contact_id FROM team_member WHERE team_id = ANY($1::uuid[])`,
      [[...new Set(teamIds)]],
    );
    return rows.map((r) => r.contact_id);
  }

  /** The teams among `ids` that the caller may see, with their members. */
  async findByIds(ids: readonly string[]): Promise<Team[]> {
    if (ids.length === 0) return [];
    const rows = await this.query('t')
      .andWhere('t.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getMany();
    await this.attachMembers(rows);
    return rows;
  }

  /** Saves the team and replaces its member list with `t.memberContactIds`, in that order. */
  async save(t: Team): Promise<Team> {
    this.assertInScope(t.enterpriseId);
    const members = t.memberContactIds;
    const saved = await this.repo.save(t);
    const memberRepo = this.db.repo(TeamMember);
    await memberRepo.delete({ teamId: saved.id });
    if (members.length) {
      await memberRepo.insert(
        members.map((contactId, position) => ({ teamId: saved.id, contactId, position })),
      );
    }
    saved.memberContactIds = members;
    return saved;
  }

  async remove(t: Team): Promise<void> {
    this.assertInScope(t.enterpriseId);
    await this.repo.delete({ id: t.id });
  }

  private async attachMembers(teams: Team[]): Promise<void> {
    if (teams.length === 0) return;
    // Two columns as they come: a response team of thousands is read before its call-out's first
    // text, and building an entity per member took most of that read's time.
    const rows: { team_id: string; contact_id: string }[] = await this.db.manager.query(
      `SELECT team_id, contact_id FROM team_member WHERE team_id = ANY($1::uuid[]) ORDER BY position`,
      [teams.map((t) => t.id)],
    );
    const byTeam = new Map<string, string[]>(teams.map((t) => [t.id, []]));
    for (const r of rows) byTeam.get(r.team_id)!.push(r.contact_id);
    for (const t of teams) t.memberContactIds = byTeam.get(t.id)!;
  }
}
