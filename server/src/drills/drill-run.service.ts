import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import type {
  ListResponse,
  DrillStaffView,
  RunStatus,
  RunView,
  ScenarioInject,
  Role,
} from '@muster/contracts';
import { Db } from '../database/db.js';
import { ContactService } from '../directory/contact.service.js';
import { FileService } from '../files/file.service.js';
import { TeamService } from '../directory/team.service.js';
import { UserFinder, type UserSummary } from '../identity/user-finder.js';
import { IncidentService } from '../incidents/incident.service.js';
import { JobName, type JobPayloads } from '../jobs/job.types.js';
import { Outbox } from '../jobs/outbox.js';
import { PlanService } from '../plans/plan.service.js';
import { RoomLog } from '../room-log/room-log.js';
import { DrillParticipant, DrillRun, DrillRunInject } from './drill.entities.js';
import type { DepartmentReportDto, RosterDto, RunCreateDto, RunListQueryDto } from './drill-run.dto.js';
import { DrillRunRepository } from './drill-run.repository.js';
import { DrillRunViews } from './drill-run.view.js';
import { InjectEffects } from './inject-effects.js';
import { parseInject } from './scenario-document.js';
import { delayUntil, pauseClock, scenarioMs, startClock } from './scenario-clock.js';
import { ScenarioService } from './scenario.service.js';
import { ConflictError, InvalidError } from '../common/domain-errors.js';

/** A job may wake a little before the database's clock says the inject is due; this much is on time. */
const EARLY_TOLERANCE_MS = 1000;
const DIRECTOR_ROLES = new Set(['commander', 'zone_admin']);
const EVALUATOR_ROLES = new Set(['evaluator', 'commander', 'zone_admin', 'inspector']);

export type FireOutcome = 'released' | 'stale' | 'already-done';

/**
 * Drill runs and their scenario clock. Each inject is a row whose state moves from pending to
 * released (or skipped) exactly once under the run's row lock; the jobs that wake it carry the
 * clock's epoch, so a pause makes every job already queued stale and a resume queues fresh ones.
 * That is what lets a run survive restarts and retries without losing or repeating an inject.
 */
@Injectable()
export class DrillRunService {
  private readonly logger = new Logger(DrillRunService.name);

  constructor(
    private readonly db: Db,
    private readonly runs: DrillRunRepository,
    private readonly scenarios: ScenarioService,
    private readonly incidents: IncidentService,
    private readonly contacts: ContactService,
    private readonly teams: TeamService,
    private readonly users: UserFinder,
    private readonly plans: PlanService,
    private readonly views: DrillRunViews,
    private readonly rooms: RoomLog,
    private readonly effects: InjectEffects,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    private readonly files: FileService,
  ) {}

  async list(q: RunListQueryDto): Promise<ListResponse<RunView>> {
    const [rows, total] = await this.runs.list({
      status: q.status,
      incidentId: q.incidentId,
      ...pageWindow(q),
    });
    return { items: await this.views.runs(rows, this.clock.now()), total };
  }

  async get(id: string): Promise<RunView> {
    return this.view(await this.runs.getById(id));
  }

  /** The run if the caller may see it (404 otherwise), for the evaluation and report services. */
  async find(id: string): Promise<DrillRun> {
    return this.runs.getById(id);
  }

  /** Who may direct and who may evaluate: the choices of the scheduling form. */
  async staff(): Promise<DrillStaffView> {
    const users = await this.users.activeWithRoles([...EVALUATOR_ROLES] as Role[]);
    const member = (u: UserSummary) => ({ id: u.id, name: u.name, role: u.role });
    return {
      directors: users.filter((u) => DIRECTOR_ROLES.has(u.role)).map(member),
      evaluators: users.map(member),
    };
  }

  async schedule(dto: RunCreateDto): Promise<RunView> {
    const scenario = await this.scenarios.forRun(dto.scenarioId);
    const doc = scenario.document;
    const directorId = dto.directorId ?? this.context.principal()?.id;
    const problems: string[] = [];
    const [director] = directorId ? await this.users.summariesByIds([directorId]) : [];
    if (!director || !director.active || !DIRECTOR_ROLES.has(director.role))
      problems.push('directorId: must be an active commander or zone administrator');
    const roster = await this.checkRoster(
      { contactIds: dto.contactIds, teamIds: dto.teamIds ?? doc.teamIds, evaluatorIds: dto.evaluatorIds },
      problems,
    );
    if (problems.length) throw new InvalidError(problems);
    const [plan] = doc.planId ? await this.plans.summariesByIds([doc.planId]) : [];

    return this.db.transaction(async () => {
      const run = await this.db.repo(DrillRun).save(
        Object.assign(new DrillRun(), {
          scenarioId: scenario.id,
          scenarioVersion: scenario.version,
          document: doc,
          enterpriseId: scenario.enterpriseId,
          planType: plan?.type ?? null,
          status: 'scheduled' as RunStatus,
          scheduledFor: new Date(dto.scheduledFor),
          directorId: director!.id,
          summary: { problems: '', lessons: '' },
          createdBy: this.context.principal()?.id ?? null,
        }),
      );
      await this.insertInjects(run.id, doc.injects, 'scenario', 0);
      await this.saveRoster(run.id, roster);
      await this.audit.record({
        action: 'drill_run.scheduled',
        entity: 'drill_run',
        entityId: run.id,
        after: {
          scenarioId: scenario.id,
          version: scenario.version,
          scheduledFor: run.scheduledFor,
          contacts: roster.contactIds.length,
          teams: roster.teamIds.length,
          evaluators: roster.evaluatorIds.length,
        },
      });
      return this.get(run.id);
    });
  }

  /**
   * Replaces the roster before or during the run (people change shifts, reinforcements join).
   * Who was already paged stays paged; from now on only the new roster can be.
   */
  async setRoster(id: string, dto: RosterDto): Promise<RunView> {
    const problems: string[] = [];
    const roster = await this.checkRoster(dto, problems);
    if (problems.length) throw new InvalidError(problems);
    return this.db.transaction(async () => {
      const run = await this.runs.lock(id);
      this.expect(run, ['scheduled', 'running', 'paused'], 'change the roster of');
      const before = (await this.get(id)).roster;
      await this.db.repo(DrillParticipant).delete({ runId: id });
      await this.saveRoster(id, roster);
      await this.audit.record({
        action: 'drill_run.roster_changed',
        entity: 'drill_run',
        entityId: id,
        before: {
          contactIds: before.contacts.map((c) => c.contactId),
          teamIds: before.teams.map((t) => t.teamId),
          evaluatorIds: before.evaluators.map((e) => e.userId),
        },
        after: roster,
      });
      return this.get(id);
    });
  }

  /** Opens the drill room (an incident marked as a drill) and starts the scenario clock. */
  async start(id: string): Promise<RunView> {
    return this.db.transaction(async () => {
      const run = await this.runs.lock(id);
      this.expect(run, ['scheduled'], 'start');
      const now = this.clock.now();
      const s = run.document.setting;
      const [director] = await this.users.summariesByIds([run.directorId]);
      if (!director) throw new Error(`drill run ${run.id} names no existing director`);
      const incident = await this.incidents.file(
        {
          enterpriseId: s.enterpriseId ?? undefined,
          title: `【演练】${s.title}`,
          category: s.category,
          occurredAt: now.toISOString(),
          location: s.location,
          address: s.address,
          summary: s.summary,
          casualties: { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0 },
          directLossCny: 0,
          measuresTaken: '',
          reporter: { name: director.name, phone: '' },
        },
        { isDrill: true, now },
      );
      Object.assign(run, startClock(run, now), {
        status: 'running' as RunStatus,
        incidentId: incident.id,
        startedAt: now,
        clockEpoch: run.clockEpoch + 1,
      });
      await this.db.repo(DrillRun).save(run);
      await this.rooms.append(incident.id, 'drill.started', {
        runId: run.id,
        title: run.document.title,
        scenarioMs: 0,
        form: run.document.form,
        scope: run.document.scope,
      });
      await this.schedulePending(run, now);
      await this.audit.record({
        action: 'drill_run.started',
        entity: 'drill_run',
        entityId: id,
        after: { incidentId: incident.id },
      });
      return this.get(id);
    });
  }

  async pause(id: string): Promise<RunView> {
    return this.clockChange(id, ['running'], 'pause', (run, now) => {
      Object.assign(run, pauseClock(run, now), { status: 'paused', clockEpoch: run.clockEpoch + 1 });
      return 'drill.paused';
    });
  }

  async resume(id: string): Promise<RunView> {
    return this.clockChange(id, ['paused'], 'resume', (run, now) => {
      Object.assign(run, startClock(run, now), { status: 'running', clockEpoch: run.clockEpoch + 1 });
      return 'drill.resumed';
    });
  }

  /** Ends the run: the clock stops for good, open call-outs stop paging, the drill room closes. */
  async end(id: string): Promise<RunView> {
    return this.db.transaction(async () => {
      const run = await this.runs.lock(id);
      this.expect(run, ['running', 'paused'], 'end');
      const now = this.clock.now();
      Object.assign(run, pauseClock(run, now), {
        status: 'ended' as RunStatus,
        endedAt: now,
        clockEpoch: run.clockEpoch + 1,
      });
      await this.db.repo(DrillRun).save(run);
      await this.rooms.append(run.incidentId!, 'drill.ended', {
        runId: run.id,
        scenarioSeconds: Math.floor(run.elapsedMs / 1000),
        scenarioMs: run.elapsedMs,
      });
      await this.effects.stopCallouts(run.incidentId!);
      const incident = await this.incidents.findAnyById(run.incidentId!);
      if (!incident) throw new Error(`drill run ${run.id} has lost its incident`);
      if (incident.status !== 'closed') await this.incidents.setStatus(incident.id, 'closed');
      await this.audit.record({
        action: 'drill_run.ended',
        entity: 'drill_run',
        entityId: id,
        after: { scenarioSeconds: Math.floor(run.elapsedMs / 1000) },
      });
      return this.get(id);
    });
  }

  async cancel(id: string): Promise<RunView> {
    return this.db.transaction(async () => {
      const run = await this.runs.lock(id);
      this.expect(run, ['scheduled'], 'cancel');
      run.status = 'cancelled';
      await this.db.repo(DrillRun).save(run);
      await this.audit.record({ action: 'drill_run.cancelled', entity: 'drill_run', entityId: id });
      return this.get(id);
    });
  }

  /**
   * Records (or corrects) the ended drill's report to the competent department (MEM Order 2
   * Art. 33): when, to whom, and the document as sent. A report cannot predate the drill's end
   * nor lie in the future.
   */
  async reportToDepartment(id: string, dto: DepartmentReportDto): Promise<RunView> {
    return this.db.transaction(async () => {
      const run = await this.runs.lock(id);
      this.expect(run, ['ended'], 'record the department report of');
      const reportedAt = new Date(dto.reportedAt);
      if (reportedAt.getTime() < run.endedAt!.getTime()) {
        throw new InvalidError(['reportedAt: before the drill ended']);
      }
      if (reportedAt.getTime() > this.clock.now().getTime() + 60_000) {
        throw new InvalidError(['reportedAt: in the future']);
      }
      if (dto.fileId) await this.files.claim([dto.fileId], run.enterpriseId, 'fileId');
      const before = departmentReport(run);
      run.departmentReportedAt = reportedAt;
      run.departmentName = dto.department;
      run.departmentReportFileId = dto.fileId ?? null;
      await this.db.repo(DrillRun).save(run);
      await this.audit.record({
        action: 'drill_run.reported_to_department',
        entity: 'drill_run',
        entityId: id,
        before,
        after: departmentReport(run),
      });
      return this.get(id);
    });
  }

  /** "Release now": a controller fires an inject ahead of (or instead of) the clock. */
  async release(id: string, runInjectId: string): Promise<RunView> {
    return this.db.transaction(async () => {
      const run = await this.runs.lock(id);
      this.expect(run, ['running', 'paused'], 'release an inject of');
      const inject = await this.pendingInject(run.id, runInjectId);
      await this.fire(run, inject, this.context.principal()?.name ?? 'controller');
      await this.audit.record({
        action: 'drill_run.inject_released',
        entity: 'drill_run',
        entityId: id,
        after: { runInjectId, injectId: inject.inject.id, manual: true },
      });
      return this.get(id);
    });
  }

  async skip(id: string, runInjectId: string): Promise<RunView> {
    return this.db.transaction(async () => {
      const run = await this.runs.lock(id);
      this.expect(run, ['scheduled', 'running', 'paused'], 'skip an inject of');
      const inject = await this.pendingInject(run.id, runInjectId);
      const at = scenarioMs(run, this.clock.now());
      Object.assign(inject, {
        state: 'skipped',
        releasedAt: this.clock.now(),
        releasedAtMs: at,
        releasedBy: this.context.principal()?.name ?? null,
      });
      await this.db.repo(DrillRunInject).save(inject);
      if (run.incidentId)
        await this.rooms.append(run.incidentId, 'drill.inject_skipped', {
          runId: run.id,
          runInjectId,
          synopsis: inject.inject.synopsis,
          scenarioSeconds: Math.floor(at / 1000),
        });
      await this.audit.record({
        action: 'drill_run.inject_skipped',
        entity: 'drill_run',
        entityId: id,
        after: { runInjectId, injectId: inject.inject.id },
      });
      return this.get(id);
    });
  }

  /** An inject added on the fly; without an offset it is due now. */
  async addInject(id: string, input: unknown): Promise<RunView> {
    const body = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
    return this.db.transaction(async () => {
      const run = await this.runs.lock(id);
      this.expect(run, ['scheduled', 'running', 'paused'], 'add an inject to');
      const now = this.clock.now();
      const count = await this.db.repo(DrillRunInject).countBy({ runId: run.id });
      const inject = parseInject({
        expectedActions: [],
        targetRoles: [],
        ...body,
        id: `added-${count + 1}`,
        offsetSeconds: body.offsetSeconds ?? Math.ceil(scenarioMs(run, now) / 1000),
      });
      const [row] = await this.insertInjects(run.id, [inject], 'added', count);
      if (run.status === 'running') await this.enqueue(run, row!, now);
      await this.audit.record({
        action: 'drill_run.inject_added',
        entity: 'drill_run',
        entityId: id,
        after: { runInjectId: row!.id, inject },
      });
      return this.get(id);
    });
  }

  /** The job of one inject woke: release it if it is still pending and this clock epoch is current. */
  async fireDue(p: JobPayloads[JobName.DrillInjectDue]): Promise<FireOutcome> {
    return this.db.transaction(async () => {
      const run = await this.runs.lock(p.runId);
      if (run.status !== 'running' || run.clockEpoch !== p.epoch) return 'stale';
      const inject = await this.db.repo(DrillRunInject).findOneBy({ id: p.runInjectId, runId: run.id });
      if (!inject || inject.state !== 'pending') return 'already-done';
      const now = scenarioMs(run, this.clock.now());
      const early = inject.offsetMs - now;
      // Thrown so that BullMQ retries it shortly; the job's clock ran ahead of the database's.
      if (early > EARLY_TOLERANCE_MS) throw new Error(`inject ${inject.id} woke ${early} ms early`);
      // Jobs that fell due together (after a restart, say) wake in any order; whichever takes the
      // lock first releases every inject due by now in timeline order, and the rest find theirs done.
      const due = await this.db
        .repo(DrillRunInject)
        .createQueryBuilder('i')
        .where('i.runId = :runId AND i.state = :pending AND i.offsetMs <= :upTo', {
          runId: run.id,
          pending: 'pending',
          upTo: Math.max(now, inject.offsetMs),
        })
        .orderBy('i.offsetMs', 'ASC')
        .addOrderBy('i.position', 'ASC')
        .getMany();
      for (const next of due) await this.fire(run, next, null);
      return 'released';
    });
  }

  /**
   * Catches up running drills whose inject jobs were lost (a Redis outage): for each, the
   * earliest overdue inject is fired as its job would have been, which releases everything due.
   * Returns how many drills it caught up.
   */
  async sweep(): Promise<number> {
    const due: { run_id: string; inject_id: string; epoch: number }[] = await this.db.manager.query(
      `SELECT DISTINCT ON (r.id) r.id AS run_id, i.id AS inject_id, r.clock_epoch AS epoch
         FROM drill_run r JOIN drill_run_inject i ON i.run_id = r.id
        WHERE r.status = 'running' AND i.state = 'pending'
          -- a job that is merely a moment late does its own work; the sweep takes the lost ones
          AND i.offset_ms <= r.elapsed_ms + extract(epoch FROM (now() - r.clock_started_at)) * 1000 - 3000
        ORDER BY r.id, i.offset_ms, i.position`,
    );
    let caughtUp = 0;
    for (const d of due) {
      const outcome = await this.fireDue({ runId: d.run_id, runInjectId: d.inject_id, epoch: d.epoch });
      if (outcome === 'released') {
        caughtUp += 1;
        this.logger.warn({ runId: d.run_id }, 'overdue drill injects released by the sweep');
      }
    }
    return caughtUp;
  }

  /** Deduplicates the roster and names each id that does not exist or cannot take that part. */
  private async checkRoster(dto: RosterDto, problems: string[]): Promise<RosterDto> {
    const contactIds = [...new Set(dto.contactIds)];
    const teamIds = [...new Set(dto.teamIds)];
    const evaluatorIds = [...new Set(dto.evaluatorIds)];
    const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
    const contacts = ids(await this.contacts.findByIds(contactIds));
    contactIds.forEach(
      (id, i) => !contacts.has(id) && problems.push(`contactIds.${i}: no such contact ${id}`),
    );
    const teams = ids(await this.teams.findByIds(teamIds));
    teamIds.forEach((id, i) => !teams.has(id) && problems.push(`teamIds.${i}: no such team ${id}`));
    const evaluators = new Map((await this.users.summariesByIds(evaluatorIds)).map((u) => [u.id, u]));
    evaluatorIds.forEach((id, i) => {
      const u = evaluators.get(id);
      if (!u || !u.active || !EVALUATOR_ROLES.has(u.role))
        problems.push(`evaluatorIds.${i}: ${id} is not an active evaluator, inspector or commander`);
    });
    return { contactIds, teamIds, evaluatorIds };
  }

  private async saveRoster(runId: string, roster: RosterDto): Promise<void> {
    const participants = [
      ...roster.contactIds.map((contactId) => ({ runId, kind: 'contact' as const, contactId })),
      ...roster.teamIds.map((teamId) => ({ runId, kind: 'team' as const, teamId })),
      ...roster.evaluatorIds.map((userId) => ({ runId, kind: 'evaluator' as const, userId })),
    ];
    if (participants.length) await this.db.repo(DrillParticipant).insert(participants);
  }

  private async fire(run: DrillRun, inject: DrillRunInject, by: string | null): Promise<void> {
    const now = this.clock.now();
    const at = scenarioMs(run, now);
    const effect = await this.effects.apply(run, inject.inject);
    const event = await this.rooms.append(run.incidentId!, 'drill.inject', {
      runId: run.id,
      runInjectId: inject.id,
      injectId: inject.inject.id,
      kind: inject.inject.kind,
      synopsis: inject.inject.synopsis,
      targetRoles: inject.inject.targetRoles,
      content: inject.inject.content,
      offsetSeconds: Math.round(inject.offsetMs / 1000),
      scenarioSeconds: Math.floor(at / 1000),
      scenarioMs: at,
      manual: by !== null,
      ...effect,
    });
    Object.assign(inject, {
      state: 'released',
      releasedAt: now,
      releasedAtMs: at,
      releasedBy: by,
      roomSeq: event.seq,
    });
    await this.db.repo(DrillRunInject).save(inject);
  }

  private async clockChange(
    id: string,
    from: RunStatus[],
    verb: string,
    change: (run: DrillRun, now: Date) => 'drill.paused' | 'drill.resumed',
  ): Promise<RunView> {
    return this.db.transaction(async () => {
      const run = await this.runs.lock(id);
      this.expect(run, from, verb);
      const now = this.clock.now();
      const event = change(run, now);
      await this.db.repo(DrillRun).save(run);
      await this.rooms.append(run.incidentId!, event, {
        runId: run.id,
        scenarioSeconds: Math.floor(scenarioMs(run, now) / 1000),
        scenarioMs: scenarioMs(run, now),
      });
      if (run.status === 'running') await this.schedulePending(run, now);
      await this.audit.record({
        action: `drill_run.${event === 'drill.paused' ? 'paused' : 'resumed'}`,
        entity: 'drill_run',
        entityId: id,
        after: { scenarioSeconds: Math.floor(scenarioMs(run, now) / 1000) },
      });
      return this.get(id);
    });
  }

  private async schedulePending(run: DrillRun, now: Date): Promise<void> {
    const pending = await this.db.repo(DrillRunInject).findBy({ runId: run.id, state: 'pending' });
    for (const inject of pending) await this.enqueue(run, inject, now);
  }

  private async enqueue(run: DrillRun, inject: DrillRunInject, now: Date): Promise<void> {
    const delay = delayUntil(run, inject.offsetMs, now);
    if (delay === null) return;
    await this.outbox.enqueue(
      JobName.DrillInjectDue,
      { runId: run.id, runInjectId: inject.id, epoch: run.clockEpoch },
      delay,
    );
  }

  private async insertInjects(
    runId: string,
    injects: ScenarioInject[],
    source: 'scenario' | 'added',
    firstPosition: number,
  ): Promise<DrillRunInject[]> {
    if (!injects.length) return [];
    const rows = injects.map((inject, i) =>
      Object.assign(new DrillRunInject(), {
        runId,
        inject,
        position: firstPosition + i,
        offsetMs: inject.offsetSeconds * 1000,
        source,
        state: 'pending',
      }),
    );
    return this.db.repo(DrillRunInject).save(rows);
  }

  private async pendingInject(runId: string, runInjectId: string): Promise<DrillRunInject> {
    const inject = await this.db.repo(DrillRunInject).findOneBy({ id: runInjectId, runId });
    if (!inject) throw new InvalidError([`injectId: no inject ${runInjectId} in this run`]);
    if (inject.state !== 'pending') throw new ConflictError(`The inject was already ${inject.state}`);
    return inject;
  }

  private expect(run: DrillRun, allowed: RunStatus[], verb: string): void {
    if (!allowed.includes(run.status))
      throw new ConflictError(`Cannot ${verb} a drill run that is ${run.status}`);
  }

  private async view(run: DrillRun): Promise<RunView> {
    return this.views.run(run, this.clock.now());
  }
}

function departmentReport(run: DrillRun) {
  return run.departmentReportedAt
    ? {
        reportedAt: run.departmentReportedAt.toISOString(),
        department: run.departmentName,
        fileId: run.departmentReportFileId,
      }
    : null;
}
