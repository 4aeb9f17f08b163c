import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RunInjectView, RunView } from '@muster/contracts';
import { Db } from '../database/db.js';
import { ContactService } from '../directory/contact.service.js';
import { TeamService } from '../directory/team.service.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { UserFinder } from '../identity/user-finder.js';
import { DrillParticipant, type DrillRun, DrillRunInject } from './drill.entities.js';
import { scenarioMs } from './scenario-clock.js';

export function mapRunInject(i: DrillRunInject): RunInjectView {
  return {
    ...i.inject,
    offsetSeconds: Math.round(i.offsetMs / 1000),
    runInjectId: i.id,
    order: i.position,
    state: i.state,
    source: i.source,
    releasedAt: i.releasedAt?.toISOString() ?? null,
    releasedAtSeconds: i.releasedAtMs === null ? null : Math.floor(i.releasedAtMs / 1000),
    releasedBy: i.releasedBy,
  };
}

/**
 * Runs as the API answers them. The contacts, teams, people and enterprises a run names are
 * read through their own domains' finders, each taking the whole page's ids at once.
 */
@Injectable()
export class DrillRunViews {
  constructor(
    private readonly db: Db,
    private readonly contacts: ContactService,
    private readonly teams: TeamService,
    private readonly users: UserFinder,
    private readonly enterprises: EnterpriseService,
  ) {}

  /** A run with its roster and injects as the API answers it, the clock read at `now`. */
  async run(run: DrillRun, now: Date): Promise<RunView> {
    return (await this.runs([run], now))[0]!;
  }

  /**
   * Runs with their rosters and injects as the API answers them, the clock read at `now`. A list
   * costs the same few queries however many runs it holds: the injects and rosters of all the
   * runs, then the contacts, teams, people and enterprises they name, each loaded once.
   */
  async runs(runs: DrillRun[], now: Date): Promise<RunView[]> {
    if (!runs.length) return [];
    const runIds = runs.map((r) => r.id);
    const injects = await this.db
      .repo(DrillRunInject)
      .find({ where: { runId: In(runIds) }, order: { offsetMs: 'ASC', position: 'ASC' } });
    const participants = await this.db.repo(DrillParticipant).findBy({ runId: In(runIds) });
    const ids = (
      of: DrillParticipant[],
      kind: DrillParticipant['kind'],
      key: 'contactId' | 'teamId' | 'userId',
    ) => of.filter((p) => p.kind === kind).map((p) => p[key]!);
    const contactIds = unique(ids(participants, 'contact', 'contactId'));
    const teamIds = unique(ids(participants, 'team', 'teamId'));
    const userIds = unique([...ids(participants, 'evaluator', 'userId'), ...runs.map((r) => r.directorId)]);
    const enterpriseIds = unique(runs.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : [])));
    const contacts = await this.contacts.summariesByIds(contactIds);
    const teams = await this.teams.namesByIds(teamIds);
    const users = await this.users.namesByIds(userIds);
    const enterprises = await this.enterprises.namesByIds(enterpriseIds);

    const participantsOf = groupBy(participants, (p) => p.runId);
    const injectsOf = groupBy(injects, (i) => i.runId);

    return runs.map((run) => {
      const mine = participantsOf.get(run.id) ?? [];
      const myContacts = new Set(ids(mine, 'contact', 'contactId'));
      const myTeams = new Set(ids(mine, 'team', 'teamId'));
      const doc = run.document;
      return {
        id: run.id,
        scenarioId: run.scenarioId,
        scenarioVersion: run.scenarioVersion,
        title: doc.title,
        form: doc.form,
        scope: doc.scope,
        planType: run.planType,
        enterpriseId: run.enterpriseId,
        enterpriseName: run.enterpriseId ? (enterprises.get(run.enterpriseId) ?? null) : null,
        status: run.status,
        scheduledFor: run.scheduledFor.toISOString(),
        directorId: run.directorId,
        directorName: users.get(run.directorId) ?? '',
        incidentId: run.incidentId,
        startedAt: run.startedAt?.toISOString() ?? null,
        endedAt: run.endedAt?.toISOString() ?? null,
        departmentReport: run.departmentReportedAt
          ? {
              reportedAt: run.departmentReportedAt.toISOString(),
              department: run.departmentName ?? '',
              fileId: run.departmentReportFileId,
            }
          : null,
        clock: {
          elapsedSeconds: Math.floor(scenarioMs(run, now) / 1000),
          running: run.status === 'running',
          asOf: now.toISOString(),
        },
        roster: {
          contacts: contacts
            .filter((c) => myContacts.has(c.id))
            .map((c) => ({ contactId: c.id, name: c.name, phone: c.phone }))
            .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
          teams: teams.filter((t) => myTeams.has(t.id)).map((t) => ({ teamId: t.id, name: t.name })),
          evaluators: ids(mine, 'evaluator', 'userId').map((id) => ({
            userId: id,
            name: users.get(id) ?? '',
          })),
        },
        injects: (injectsOf.get(run.id) ?? []).map(mapRunInject),
        objectives: doc.objectives,
        createdAt: run.createdAt.toISOString(),
      };
    });
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** The rows by key, each group in the rows' order. */
function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
