import { In } from 'typeorm';
import type { RunInjectView, RunView } from '@muster/contracts';
import type { Db } from '../database/db.js';
import { Contact } from '../directory/contact.entity.js';
import { Team } from '../directory/team.entity.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
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

/** A run with its roster and injects as the API answers it, the clock read at `now`. */
export async function mapRun(db: Db, run: DrillRun, now: Date): Promise<RunView> {
  const injects = await db
    .repo(DrillRunInject)
    .find({ where: { runId: run.id }, order: { offsetMs: 'ASC', position: 'ASC' } });
  const participants = await db.repo(DrillParticipant).findBy({ runId: run.id });
  const ids = (kind: DrillParticipant['kind'], key: 'contactId' | 'teamId' | 'userId') =>
    participants.filter((p) => p.kind === kind).map((p) => p[key]!);
  const contactIds = ids('contact', 'contactId');
  const teamIds = ids('team', 'teamId');
  const userIds = [...ids('evaluator', 'userId'), run.directorId];
  const contacts = contactIds.length ? await db.repo(Contact).findBy({ id: In(contactIds) }) : [];
  const teams = teamIds.length ? await db.repo(Team).findBy({ id: In(teamIds) }) : [];
  const users = new Map((await db.repo(User).findBy({ id: In(userIds) })).map((u) => [u.id, u]));
  const enterprise = run.enterpriseId ? await db.repo(Enterprise).findOneBy({ id: run.enterpriseId }) : null;
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
    enterpriseName: enterprise?.name ?? null,
    status: run.status,
    scheduledFor: run.scheduledFor.toISOString(),
    directorId: run.directorId,
    directorName: users.get(run.directorId)?.name ?? '',
    incidentId: run.incidentId,
    startedAt: run.startedAt?.toISOString() ?? null,
    endedAt: run.endedAt?.toISOString() ?? null,
    clock: {
      elapsedSeconds: Math.floor(scenarioMs(run, now) / 1000),
      running: run.status === 'running',
      asOf: now.toISOString(),
    },
    roster: {
      contacts: contacts
        .map((c) => ({ contactId: c.id, name: c.name, phone: c.phones[0] ?? null }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
      teams: teams.map((t) => ({ teamId: t.id, name: t.name })),
      evaluators: ids('evaluator', 'userId').map((id) => ({ userId: id, name: users.get(id)?.name ?? '' })),
    },
    injects: injects.map(mapRunInject),
    objectives: doc.objectives,
    createdAt: run.createdAt.toISOString(),
  };
}
