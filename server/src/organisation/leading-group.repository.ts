import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { NotFoundError } from '../common/domain-errors.js';
import { Db } from '../database/db.js';
import {
  LeadingGroupDecision,
  LeadingGroupDecisionUpdate,
  LeadingGroupMeeting,
  LeadingGroupMember,
} from './organisation.entities.js';

/** Open items first by how soon they fall due; the rest follow, newest first. */
export type DecisionState = 'open' | 'overdue' | 'closed' | 'all';

export interface DecisionFilter {
  state: DecisionState;
  department?: string;
  /** Zone-local today, for `overdue`. */
  today: string;
}

/**
 * The zone's leading group, its meetings and its decisions. They belong to the zone, not to an
 * enterprise: the routes that reach them are open to zone roles only, so no enterprise scope applies.
 */
@Injectable()
export class LeadingGroupRepository {
  constructor(private readonly db: Db) {}

  members(withHistory: boolean): Promise<LeadingGroupMember[]> {
    const qb = this.db.repo(LeadingGroupMember).createQueryBuilder('m');
    if (!withHistory) qb.where('m.untilDate IS NULL');
    // The group in rank order, each person's latest place first.
    return qb
      .orderBy(
        `CASE m.role WHEN 'leader' THEN 0 WHEN 'deputy_leader' THEN 1 WHEN 'office_director' THEN 2 ELSE 3 END`,
      )
      .addOrderBy('m.untilDate IS NULL', 'DESC')
      .addOrderBy('m.fromDate', 'DESC')
      .addOrderBy('m.createdAt', 'ASC')
      .getMany();
  }

  async member(id: string): Promise<LeadingGroupMember> {
    const m = await this.db.repo(LeadingGroupMember).findOneBy({ id });
    if (!m) throw new NotFoundError('Leading group member not found');
    return m;
  }

  currentPlaceOf(contactId: string): Promise<LeadingGroupMember | null> {
    return this.db
      .repo(LeadingGroupMember)
      .createQueryBuilder('m')
      .where('m.contactId = :contactId AND m.untilDate IS NULL', { contactId })
      .getOne();
  }

  saveMember(m: LeadingGroupMember): Promise<LeadingGroupMember> {
    return this.db.repo(LeadingGroupMember).save(m);
  }

  meetings(skip: number, take: number): Promise<[LeadingGroupMeeting[], number]> {
    return this.db
      .repo(LeadingGroupMeeting)
      .findAndCount({ order: { heldOn: 'DESC', createdAt: 'DESC' }, skip, take });
  }

  async meeting(id: string): Promise<LeadingGroupMeeting> {
    const m = await this.db.repo(LeadingGroupMeeting).findOneBy({ id });
    if (!m) throw new NotFoundError('Meeting not found');
    return m;
  }

  meetingsByIds(ids: readonly string[]): Promise<LeadingGroupMeeting[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db.repo(LeadingGroupMeeting).findBy({ id: In([...new Set(ids)]) });
  }

  saveMeeting(m: LeadingGroupMeeting): Promise<LeadingGroupMeeting> {
    return this.db.repo(LeadingGroupMeeting).save(m);
  }

  /** Per meeting: its decisions, and those still open. */
  async decisionCounts(meetingIds: readonly string[]): Promise<Map<string, { all: number; open: number }>> {
    if (!meetingIds.length) return new Map();
    const rows: { meeting_id: string; all: number; open: number }[] = await this.db.manager.query(
      `SELECT meeting_id, count(*)::int AS all,
              count(*) FILTER (WHERE status IN ('assigned', 'in_progress'))::int AS open
         FROM leading_group_decision WHERE meeting_id = ANY($1::uuid[]) GROUP BY meeting_id`,
      [[...meetingIds]],
    );
    return new Map(rows.map((r) => [r.meeting_id, { all: r.all, open: r.open }]));
  }

  decisionsOfMeeting(meetingId: string): Promise<LeadingGroupDecision[]> {
    return this.db
      .repo(LeadingGroupDecision)
      .find({ where: { meetingId }, order: { deadline: 'ASC', createdAt: 'ASC' } });
  }

  decisions(f: DecisionFilter): Promise<LeadingGroupDecision[]> {
    const qb = this.db.repo(LeadingGroupDecision).createQueryBuilder('d');
    const open = `d.status IN ('assigned', 'in_progress')`;
    if (f.state === 'open') qb.where(open);
    else if (f.state === 'overdue') qb.where(`${open} AND d.deadline < :today`, { today: f.today });
    else if (f.state === 'closed') qb.where(`NOT (${open})`);
    if (f.department) qb.andWhere('d.department = :department', { department: f.department });
    return qb
      .orderBy(`CASE WHEN ${open} THEN 0 ELSE 1 END`)
      .addOrderBy(`CASE WHEN ${open} THEN d.deadline END`, 'ASC')
      .addOrderBy('d.updatedAt', 'DESC')
      .take(500)
      .getMany();
  }

  /** Open items per department, and how many of them are past their deadline. */
  openByDepartment(today: string): Promise<{ department: string; open: number; overdue: number }[]> {
    return this.db.manager.query(
      `SELECT department, count(*)::int AS open, count(*) FILTER (WHERE deadline < $1)::int AS overdue
         FROM leading_group_decision WHERE status IN ('assigned', 'in_progress')
        GROUP BY department ORDER BY overdue DESC, open DESC, department`,
      [today],
    );
  }

  async decision(id: string): Promise<LeadingGroupDecision> {
    const d = await this.db.repo(LeadingGroupDecision).findOneBy({ id });
    if (!d) throw new NotFoundError('Decision not found');
    return d;
  }

  /** The decision, locked until the transaction ends: two steps taken at once are taken in turn. */
  async lockDecision(id: string): Promise<LeadingGroupDecision> {
    const d = await this.db
      .repo(LeadingGroupDecision)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.id = :id', { id })
      .getOne();
    if (!d) throw new NotFoundError('Decision not found');
    return d;
  }

  saveDecision(d: LeadingGroupDecision): Promise<LeadingGroupDecision> {
    return this.db.repo(LeadingGroupDecision).save(d);
  }

  updatesOf(decisionId: string): Promise<LeadingGroupDecisionUpdate[]> {
    return this.db
      .repo(LeadingGroupDecisionUpdate)
      .find({ where: { decisionId }, order: { at: 'ASC', id: 'ASC' } });
  }

  saveUpdate(u: LeadingGroupDecisionUpdate): Promise<LeadingGroupDecisionUpdate> {
    return this.db.repo(LeadingGroupDecisionUpdate).save(u);
  }
}
