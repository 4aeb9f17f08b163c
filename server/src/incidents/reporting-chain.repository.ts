import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import { joinEnterpriseName } from '../enterprises/enterprise-name.js';
import { Incident, IncidentReport } from './incident.entity.js';
import { IncidentChainAct } from './reporting-chain.entity.js';

/**
 * The acts of reporting chains. Reads take incident ids the caller has already been allowed to
 * read (through the scoped `IncidentRepository`), so this repository applies no scope itself.
 */
@Injectable()
export class ReportingChainRepository {
  constructor(private readonly db: Db) {}

  actsOf(incidentIds: string[]): Promise<IncidentChainAct[]> {
    if (!incidentIds.length) return Promise.resolve([]);
    return this.db
      .repo(IncidentChainAct)
      .createQueryBuilder('a')
      .where('a.incidentId IN (:...ids)', { ids: incidentIds })
      .orderBy('a.at', 'ASC')
      .addOrderBy('a.recordedAt', 'ASC')
      .getMany();
  }

  /** Only what the clocks need of each report: its kind and when it came. */
  reportTimesOf(
    incidentIds: string[],
  ): Promise<Pick<IncidentReport, 'incidentId' | 'kind' | 'submittedAt'>[]> {
    if (!incidentIds.length) return Promise.resolve([]);
    return this.db
      .repo(IncidentReport)
      .createQueryBuilder('r')
      .select(['r.incidentId', 'r.kind', 'r.submittedAt'])
      .where('r.incidentId IN (:...ids)', { ids: incidentIds })
      .getMany();
  }

  /**
   * Every real incident whose chain may still owe something: all but drills and those whose
   * file is closed (the investigation's reply is in). Whole zone: reminders run as the system.
   */
  async openChains(): Promise<Incident[]> {
    const rows = await joinEnterpriseName(this.db.repo(Incident).createQueryBuilder('i'), 'i')
      .where('i.isDrill = false')
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM incident_chain_act r WHERE r.incident_id = i.id AND r.kind = 'investigation_reply')`,
      )
      .getMany();
    for (const r of rows as (Incident & { enterprise?: { name: string } })[]) {
      r.enterpriseName = r.enterprise?.name ?? null;
      delete r.enterprise;
    }
    return rows;
  }

  insert(act: Partial<IncidentChainAct>): Promise<IncidentChainAct> {
    return this.db.repo(IncidentChainAct).save(Object.assign(new IncidentChainAct(), act));
  }
}
