import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import {
  type LapsingCertificateView,
  type ListResponse,
  operationCertificateDates,
  type TrainingAttendanceView,
  type TrainingPersonView,
  type TrainingRecordView,
  type TrainingSessionDetail,
  type TrainingSessionView,
  type TrainingSignInResult,
  type TrainingSignInView,
  trainingIndustryOf,
  trainingStatus,
} from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { ConflictError, InvalidError, NotFoundError, problem } from '../common/domain-errors.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { ContactService } from '../directory/contact.service.js';
import { ownerForCreate } from '../directory/directory-scope.js';
import { DrillRunService } from '../drills/drill-run.service.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { FileService } from '../files/file.service.js';
import { daysLeft } from '../reminders/reminder-stages.js';
import { addDays, zoneDate } from '../zone/zone-time.js';
import type {
  AttendanceCreateDto,
  PeopleQueryDto,
  ProfileDto,
  SessionCreateDto,
  SessionListQueryDto,
  SessionUpdateDto,
  SignInDto,
} from './training.dto.js';
import { TrainingProfile, TrainingSession } from './training.entities.js';
import {
  TrainingAttendanceRepository,
  TrainingProfileRepository,
  TrainingSessionRepository,
} from './training.repository.js';
import { mapAttendance, mapSession } from './training.view.js';

/** Sign-in opens two hours before a session and closes at the end of its day plus one. */
const SIGN_IN_OPENS_MS = 2 * 3600_000;

@Injectable()
export class TrainingService {
  constructor(
    private readonly db: Db,
    private readonly sessions: TrainingSessionRepository,
    private readonly attendance: TrainingAttendanceRepository,
    private readonly profiles: TrainingProfileRepository,
    private readonly contacts: ContactService,
    private readonly enterprises: EnterpriseService,
    private readonly drills: DrillRunService,
    private readonly files: FileService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private thisYear(): number {
    return Number(zoneDate(this.clock.now(), this.config.TZ).slice(0, 4));
  }

  async listSessions(q: SessionListQueryDto): Promise<ListResponse<TrainingSessionView>> {
    const [rows, total] = await this.sessions.list({
      enterpriseId: q.enterpriseId,
      year: q.year,
      timeZone: this.config.TZ,
      ...pageWindow(q),
    });
    const counts = await this.attendance.countsBySession(rows.map((r) => r.id));
    const names = await this.enterprises.namesByIds(
      rows.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : [])),
    );
    return { items: rows.map((r) => mapSession(r, names, counts.get(r.id) ?? 0)), total };
  }

  async getSession(id: string): Promise<TrainingSessionDetail> {
    const s = await this.sessions.getById(id);
    const rows = await this.attendance.ofSession(id);
    const people = new Map(
      (await this.contacts.summariesByIds(rows.map((r) => r.contactId))).map((c) => [c.id, c.name]),
    );
    const names = await this.enterprises.namesByIds(s.enterpriseId ? [s.enterpriseId] : []);
    const files = await this.files.viewsByIds(s.materialFileIds);
    return {
      ...mapSession(s, names, rows.length),
      attendance: rows.map((a) => mapAttendance(a, people.get(a.contactId) ?? '')),
      materials: s.materialFileIds.flatMap((f) => files.get(f) ?? []),
    };
  }

  async createSession(dto: SessionCreateDto): Promise<TrainingSessionView> {
    const enterpriseId = ownerForCreate(this.context, dto.enterpriseId);
    if (enterpriseId && !(await this.enterprises.namesByIds([enterpriseId])).has(enterpriseId)) {
      throw new InvalidError([`enterpriseId: enterprise ${enterpriseId} does not exist`]);
    }
    if (dto.kind === 'drill' && !dto.drillRunId) {
      throw new InvalidError(['drillRunId: a drill session names the drill run it was']);
    }
    if (dto.kind !== 'drill' && dto.drillRunId) {
      throw new InvalidError(['drillRunId: only a drill session links to a drill run']);
    }
    if (dto.drillRunId) await this.drills.find(dto.drillRunId);
    return this.db.transaction(async () => {
      const s = new TrainingSession();
      Object.assign(s, {
        enterpriseId,
        kind: dto.kind,
        title: dto.title,
        trainer: dto.trainer,
        startsAt: new Date(dto.startsAt),
        hours: dto.hours,
        content: dto.content ?? '',
        materialFileIds: [...new Set(dto.materialFileIds ?? [])],
        drillRunId: dto.drillRunId ?? null,
        signInToken: randomBytes(18).toString('base64url'),
        createdBy: this.context.principal()?.id ?? null,
      });
      if (s.materialFileIds.length)
        await this.files.claim(s.materialFileIds, enterpriseId, 'materialFileIds');
      const saved = await this.sessions.save(s);
      const names = await this.enterprises.namesByIds(enterpriseId ? [enterpriseId] : []);
      const view = mapSession(saved, names, 0);
      await this.audit.record({
        action: 'training_session.created',
        entity: 'training_session',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  /**
   * Corrects a session after it was created. Attendance that counted the session's whole hours
   * follows a change of hours, and none keeps more than the session now lasts: a partial credit
   * the organiser gave stays as given.
   */
  async updateSession(id: string, dto: SessionUpdateDto): Promise<TrainingSessionView> {
    const s = await this.sessions.getById(id);
    this.sessions.assertInScope(s.enterpriseId);
    const kind = dto.kind ?? s.kind;
    const drillRunId = dto.drillRunId !== undefined ? dto.drillRunId : kind === 'drill' ? s.drillRunId : null;
    if (kind === 'drill' && !drillRunId) {
      throw new InvalidError(['drillRunId: a drill session names the drill run it was']);
    }
    if (kind !== 'drill' && drillRunId) {
      throw new InvalidError(['drillRunId: only a drill session links to a drill run']);
    }
    if (drillRunId && drillRunId !== s.drillRunId) await this.drills.find(drillRunId);
    return this.db.transaction(async () => {
      const counts = await this.attendance.countsBySession([id]);
      const names = await this.enterprises.namesByIds(s.enterpriseId ? [s.enterpriseId] : []);
      const before = mapSession(s, names, counts.get(id) ?? 0);
      const oldHours = s.hours;
      Object.assign(s, {
        kind,
        drillRunId,
        ...(dto.title !== undefined && { title: dto.title }),
        ...(dto.trainer !== undefined && { trainer: dto.trainer }),
        ...(dto.startsAt !== undefined && { startsAt: new Date(dto.startsAt) }),
        ...(dto.hours !== undefined && { hours: dto.hours }),
        ...(dto.content !== undefined && { content: dto.content }),
      });
      if (dto.materialFileIds !== undefined) {
        s.materialFileIds = [...new Set(dto.materialFileIds)];
        if (s.materialFileIds.length)
          await this.files.claim(s.materialFileIds, s.enterpriseId, 'materialFileIds');
      }
      const saved = await this.sessions.save(s);
      if (saved.hours !== oldHours) await this.attendance.followHours(id, oldHours, saved.hours);
      const after = mapSession(saved, names, counts.get(id) ?? 0);
      await this.audit.record({
        action: 'training_session.updated',
        entity: 'training_session',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** A session nobody attended can be taken back (planned, then called off); one with attendance is a record. */
  async deleteSession(id: string): Promise<void> {
    const s = await this.sessions.getById(id);
    this.sessions.assertInScope(s.enterpriseId);
    await this.db.transaction(async () => {
      const attended = (await this.attendance.countsBySession([id])).get(id) ?? 0;
      if (attended > 0) {
        throw new ConflictError(
          problem(
            'training.sessionAttended',
            `${attended} people attended this session; it stays on their records`,
            { count: attended },
          ),
        );
      }
      const names = await this.enterprises.namesByIds(s.enterpriseId ? [s.enterpriseId] : []);
      await this.sessions.remove(s);
      await this.audit.record({
        action: 'training_session.deleted',
        entity: 'training_session',
        entityId: id,
        before: mapSession(s, names, 0),
      });
    });
  }

  /** The organiser records someone present (a paper list, a late arrival). */
  async recordAttendance(sessionId: string, dto: AttendanceCreateDto): Promise<TrainingAttendanceView> {
    const s = await this.sessions.getById(sessionId);
    this.sessions.assertInScope(s.enterpriseId);
    const [contact] = await this.contacts.findByIds([dto.contactId]);
    if (!contact || (s.enterpriseId !== null && contact.enterpriseId !== s.enterpriseId)) {
      throw new InvalidError([`contactId: ${dto.contactId} is not a person of this session's organiser`]);
    }
    const hours = dto.hours ?? s.hours;
    if (hours > s.hours) throw new InvalidError([`hours: at most the session's ${s.hours}`]);
    return this.db.transaction(async () => {
      const saved = await this.attendance.insertOnce({
        sessionId,
        contactId: contact.id,
        enterpriseId: s.enterpriseId,
        hours,
        method: 'organiser',
        signedAt: this.clock.now(),
      });
      if (!saved) throw new ConflictError(`${contact.name} is already on this session's list`);
      const view = mapAttendance(saved, contact.name);
      await this.audit.record({
        action: 'training_session.attendance_recorded',
        entity: 'training_session',
        entityId: sessionId,
        after: view,
      });
      return view;
    });
  }

  async signInInfo(token: string): Promise<TrainingSignInView> {
    const s = await this.byToken(token);
    const names = await this.enterprises.namesByIds(s.enterpriseId ? [s.enterpriseId] : []);
    return {
      title: s.title,
      kind: s.kind,
      trainer: s.trainer,
      startsAt: s.startsAt.toISOString(),
      hours: s.hours,
      organiser: s.enterpriseId ? (names.get(s.enterpriseId) ?? '') : '',
    };
  }

  /**
   * A person signs in by the session's link with the number the directory knows them by. A
   * number shared by several people of the organiser cannot tell who is signing, so it is refused.
   */
  async signIn(token: string, dto: SignInDto): Promise<TrainingSignInResult> {
    const s = await this.byToken(token);
    const now = this.clock.now();
    const closes = zoneDate(new Date(s.startsAt.getTime() + 86_400_000), this.config.TZ);
    if (now.getTime() < s.startsAt.getTime() - SIGN_IN_OPENS_MS || zoneDate(now, this.config.TZ) > closes) {
      throw new InvalidError(['token: sign-in for this session is not open now']);
    }
    const found = await this.contacts.byPhone(dto.phone, s.enterpriseId ?? undefined);
    if (found.length === 0)
      throw new InvalidError(['phone: no one of the organiser is listed at this number']);
    if (found.length > 1) throw new InvalidError(['phone: more than one person is listed at this number']);
    const person = found[0]!;
    return this.context.runAsSystem('training-sign-in', () =>
      this.db.transaction(async () => {
        const saved = await this.attendance.insertOnce({
          sessionId: s.id,
          contactId: person.id,
          enterpriseId: s.enterpriseId,
          hours: s.hours,
          method: 'link',
          signedAt: now,
        });
        if (saved) {
          await this.audit.record({
            action: 'training_session.signed_in',
            entity: 'training_session',
            entityId: s.id,
            after: mapAttendance(saved, person.name),
          });
        }
        return { contactName: person.name, hours: s.hours, already: !saved };
      }),
    );
  }

  private async byToken(token: string): Promise<TrainingSession> {
    const s = await this.sessions.byToken(token);
    if (!s) throw new NotFoundError('This sign-in link is not valid');
    return s;
  }

  async setProfile(contactId: string, dto: ProfileDto): Promise<TrainingPersonView> {
    const [contact] = await this.contacts.findByIds([contactId]);
    if (!contact) throw new NotFoundError('Contact not found');
    await this.db.transaction(async () => {
      const before = await this.profiles.byContact(contactId);
      const p = before ? Object.assign(new TrainingProfile(), before) : new TrainingProfile();
      Object.assign(p, {
        contactId,
        enterpriseId: contact.enterpriseId,
        role: dto.role,
        startedOn: dto.startedOn ?? null,
      });
      await this.profiles.save(p);
      await this.audit.record({
        action: 'training_profile.updated',
        entity: 'training_profile',
        entityId: contactId,
        before: before ? { role: before.role, startedOn: before.startedOn } : null,
        after: { role: p.role, startedOn: p.startedOn },
      });
    });
    return (await this.people({ year: this.thisYear() }, [contactId]))[0]!;
  }

  /** Every person with a training profile the caller may see, with the year's hours and status. */
  async people(q: PeopleQueryDto, only?: string[]): Promise<TrainingPersonView[]> {
    const year = q.year ?? this.thisYear();
    let profiles = await this.profiles.list(q.enterpriseId);
    if (only) profiles = profiles.filter((p) => only.includes(p.contactId));
    const ids = profiles.map((p) => p.contactId);
    const contacts = new Map((await this.contacts.findByIds(ids)).map((c) => [c.id, c]));
    const hours = await this.attendance.hoursByContact(ids, year, this.config.TZ);
    const enterprises = new Map((await this.enterprises.profiles()).map((e) => [e.id, e]));
    const today = zoneDate(this.clock.now(), this.config.TZ);
    return profiles
      .flatMap((p) => {
        const c = contacts.get(p.contactId);
        if (!c) return [];
        const e = p.enterpriseId ? enterprises.get(p.enterpriseId) : undefined;
        const industry = trainingIndustryOf(e?.evaluationCategory ?? null);
        return [
          {
            contactId: c.id,
            name: c.name,
            post: c.post,
            enterpriseId: c.enterpriseId,
            enterpriseName: e?.name ?? null,
            role: p.role,
            startedOn: p.startedOn,
            industry,
            year,
            status: trainingStatus({
              role: p.role,
              industry,
              startedOn: p.startedOn,
              year,
              hours: hours.get(c.id) ?? 0,
              today,
            }),
          },
        ];
      })
      .sort(
        (a, b) =>
          (a.enterpriseName ?? '').localeCompare(b.enterpriseName ?? '') || a.name.localeCompare(b.name),
      );
  }

  /**
   * Special operation certificates whose review (not yet recorded) or expiry falls within `days`
   * of today or has passed: the zone's list of who is about to lapse, soonest first.
   */
  async lapsing(days = 90): Promise<LapsingCertificateView[]> {
    const now = this.clock.now();
    const today = zoneDate(now, this.config.TZ);
    const until = addDays(today, days);
    const out: LapsingCertificateView[] = [];
    for (const c of await this.contacts.withOperationCertificates()) {
      for (const x of c.certifications) {
        if (!x.operationType || !x.issuedOn) continue;
        const { reviewOn } = operationCertificateDates(x.issuedOn);
        const expiresOn = x.expiresOn ?? operationCertificateDates(x.issuedOn).expiresOn;
        const review = !x.reviewedOn && reviewOn < expiresOn;
        const nextOn = review ? reviewOn : expiresOn;
        if (nextOn > until) continue;
        out.push({
          contactId: c.id,
          name: c.name,
          organization: c.organization,
          enterpriseId: c.enterpriseId,
          operationType: x.operationType,
          number: x.number,
          issuedOn: x.issuedOn,
          reviewOn,
          reviewedOn: x.reviewedOn ?? null,
          expiresOn,
          next: review ? 'review' : 'expiry',
          nextOn,
          daysLeft: daysLeft(nextOn, now, this.config.TZ),
        });
      }
    }
    return out.sort((a, b) => a.nextOn.localeCompare(b.nextOn) || a.name.localeCompare(b.name));
  }

  async record(contactId: string, year?: number): Promise<TrainingRecordView> {
    const y = year ?? this.thisYear();
    const [person] = await this.people({ year: y }, [contactId]);
    if (!person) throw new NotFoundError('No training record for this person');
    const rows = await this.attendance.ofContact(contactId, y, this.config.TZ);
    return {
      ...person,
      attendance: rows.map((r) => ({
        ...mapAttendance(r.attendance, person.name),
        title: r.session.title,
        kind: r.session.kind,
        startsAt: r.session.startsAt.toISOString(),
      })),
    };
  }
}
