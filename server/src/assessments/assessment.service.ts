import { Inject, Injectable } from '@nestjs/common';
import {
  type AssessmentSubject,
  type ComputedMetric,
  METRIC_RULES,
  METRIC_SUBJECTS,
  type NoticeView,
  type SchemeView,
  type AnySheetSummary,
  type AnySheetView,
  rankSheets,
} from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import {
  ConflictError,
  InvalidError,
  NotFoundError,
  UnauthenticatedError,
  problem,
} from '../common/domain-errors.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { DocumentNumbers } from '../document-numbers/document-numbers.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { FileService } from '../files/file.service.js';
import { UserFinder } from '../identity/user-finder.js';
import { MeasureProviders } from '../measures/measure-providers.js';
import { NotificationService } from '../notifications/notification.service.js';
import { ResponsibilityService } from '../plans/responsibility.service.js';
import { Broadcaster } from '../room-log/broadcaster.js';
import { zoneDate } from '../zone/zone-time.js';
import type {
  ManualScoreDto,
  NoticeDto,
  ObjectionDto,
  ObjectionReplyDto,
  SchemeDto,
} from './assessment.dto.js';
import type { AssessmentIndicator, AssessmentScheme, AssessmentSheet } from './assessment.entities.js';
import { SchemeRepository, SheetRepository } from './assessment.repository.js';
import { mapNotice, mapObjection, mapScheme, mapSheetSummary, objectionsUntil } from './assessment.view.js';
import { computedScores, totalOf } from './scoring.js';

/** A notice as the public pages show it: with the year and scheme it follows. */
export interface PublishedNotice extends Omit<NoticeView, 'issuedAt'> {
  year: number;
  schemeTitle: string;
  issuedAt: Date;
}

/**
 * The yearly assessment: the admin defines the scheme, the system scores the computed
 * indicators from the records, inspectors score the manual ones, the admin publishes. A
 * published year is read from its stored rows only and is never computed again.
 */
@Injectable()
export class AssessmentService {
  constructor(
    private readonly db: Db,
    private readonly schemes: SchemeRepository,
    private readonly sheets: SheetRepository,
    private readonly providers: MeasureProviders,
    private readonly enterprises: EnterpriseService,
    private readonly responsibilities: ResponsibilityService,
    private readonly notifications: NotificationService,
    private readonly files: FileService,
    private readonly users: UserFinder,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly live: Broadcaster,
    private readonly clock: Clock,
    private readonly numbers: DocumentNumbers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The schemes; an enterprise reads only the enterprises' ones. */
  async listSchemes(): Promise<SchemeView[]> {
    const zone = this.context.scope().kind === 'zone';
    const schemes = (await this.schemes.list()).filter((s) => zone || s.subject === 'enterprise');
    const indicators = await this.schemes.indicators(schemes.map((s) => s.id));
    return schemes.map((s) => mapScheme(s, indicators, this.config.TZ));
  }

  async getScheme(id: string): Promise<SchemeView> {
    const s = await this.schemes.getById(id);
    if (this.context.scope().kind !== 'zone' && s.subject !== 'enterprise') {
      throw new NotFoundError('Assessment scheme not found');
    }
    return mapScheme(s, await this.schemes.indicators([id]), this.config.TZ);
  }

  createScheme(dto: SchemeDto): Promise<SchemeView> {
    const subject = dto.subject ?? 'enterprise';
    this.checkIndicators(dto, subject);
    return this.db.transaction(async () => {
      const saved = await this.schemes.insert({
        year: dto.year,
        subject,
        title: dto.title,
        objectionDays: dto.objectionDays,
        status: 'draft',
      });
      await this.schemes.replaceIndicators(saved.id, indicatorRows(dto));
      const view = await this.getScheme(saved.id);
      await this.audit.record({
        action: 'assessment.scheme_created',
        entity: 'assessment_scheme',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  /** A draft's scheme replaced whole; its sheets are scored again from the new indicators. */
  updateScheme(id: string, dto: SchemeDto): Promise<SchemeView> {
    return this.db.transaction(async () => {
      const scheme = await this.draft(id);
      if (dto.subject && dto.subject !== scheme.subject) {
        throw new InvalidError([`subject: the scheme assesses ${scheme.subject}s and keeps to them`]);
      }
      this.checkIndicators(dto, scheme.subject);
      const before = await this.getScheme(id);
      Object.assign(scheme, { year: dto.year, title: dto.title, objectionDays: dto.objectionDays });
      await this.schemes.save(scheme);
      await this.schemes.replaceIndicators(id, indicatorRows(dto));
      const view = await this.getScheme(id);
      await this.audit.record({
        action: 'assessment.scheme_updated',
        entity: 'assessment_scheme',
        entityId: id,
        before,
        after: view,
      });
      return view;
    });
  }

  /** Scores every enterprise's computed indicators from the records as they are now. */
  compute(id: string): Promise<AnySheetSummary[]> {
    return this.db.transaction(async () => {
      const scheme = await this.draft(id);
      await this.recompute(scheme);
      await this.audit.record({
        action: 'assessment.computed',
        entity: 'assessment_scheme',
        entityId: id,
        after: { year: scheme.year },
      });
      return this.ranking(scheme);
    });
  }

  /**
   * The ranking of a scheme; an officer sees only its own line, and only once published. The
   * departments' ranking is the committee's own business: zone users only.
   */
  async sheetsOf(id: string): Promise<AnySheetSummary[]> {
    const scheme = await this.schemes.getById(id);
    if (
      this.context.scope().kind !== 'zone' &&
      (scheme.status !== 'published' || scheme.subject !== 'enterprise')
    ) {
      return [];
    }
    return this.ranking(scheme);
  }

  async sheet(id: string): Promise<AnySheetView> {
    const sheet = await this.sheets.getById(id);
    const scheme = await this.schemes.getById(sheet.schemeId);
    if (this.context.scope().kind !== 'zone' && (scheme.status !== 'published' || !sheet.enterpriseId)) {
      throw new NotFoundError('Assessment sheet not found');
    }
    // One after another: inside a transaction they share one connection.
    const indicators = await this.schemes.indicators([scheme.id]);
    const scores = await this.sheets.scores([id]);
    const objections = await this.sheets.objections([id]);
    const files = await this.files.viewsByIds(scores.flatMap((s) => s.fileIds));
    const names = await this.users.namesByIds([
      ...scores.flatMap((s) => (s.scoredBy ? [s.scoredBy] : [])),
      ...objections.flatMap((o) => [o.filedBy, o.repliedBy].filter((u): u is string => !!u)),
    ]);
    const byIndicator = new Map(scores.map((s) => [s.indicatorId, s]));
    const unscored = indicators.filter((i) => byIndicator.get(i.id)?.points == null).length;
    return {
      ...mapSheetSummary(sheet, scheme, unscored),
      scheme: mapScheme(scheme, indicators, this.config.TZ),
      scores: indicators.map((i) => {
        const s = byIndicator.get(i.id);
        return {
          indicatorId: i.id,
          points: s?.points ?? null,
          evidence: s?.evidence ?? null,
          note: s?.note ?? '',
          files: (s?.fileIds ?? []).flatMap((f) => {
            const v = files.get(f);
            return v ? [{ id: v.id, name: v.name }] : [];
          }),
          scoredBy: s?.scoredBy ? (names.get(s.scoredBy) ?? null) : null,
          scoredAt: s?.scoredAt?.toISOString() ?? null,
        };
      }),
      objections: objections.map((o) => mapObjection(o, names)),
      objectionOpen: scheme.subject === 'enterprise' && this.objectionOpen(scheme),
      computedAt: sheet.computedAt?.toISOString() ?? null,
      duties: sheet.duties,
    };
  }

  /** An inspector's points for a manual indicator, with the note and evidence files. */
  scoreManual(sheetId: string, indicatorId: string, dto: ManualScoreDto): Promise<AnySheetView> {
    const me = this.me();
    return this.db.transaction(async () => {
      const sheet = await this.sheets.getById(sheetId);
      const scheme = await this.draft(sheet.schemeId);
      const indicators = await this.schemes.indicators([scheme.id]);
      const indicator = indicators.find((i) => i.id === indicatorId);
      if (!indicator) throw new NotFoundError('Indicator not found');
      if (indicator.metric !== 'manual') {
        throw new InvalidError([
          problem('assessment.notManual', 'indicatorId: the system scores this indicator'),
        ]);
      }
      if (dto.points > indicator.weight) {
        throw new InvalidError([`points: at most the indicator's weight, ${indicator.weight}`]);
      }
      const fileIds = dto.fileIds ?? [];
      await this.files.claim(fileIds, sheet.enterpriseId, 'fileIds');
      const before = await this.sheets.score(sheetId, indicatorId);
      const row = {
        sheetId,
        indicatorId,
        points: dto.points,
        evidence: null,
        note: dto.note,
        fileIds,
        scoredBy: me,
        scoredAt: this.clock.now(),
      };
      await this.sheets.saveScores([row]);
      await this.retotal(scheme, indicators);
      await this.audit.record({
        action: 'assessment.scored',
        entity: 'assessment_sheet',
        entityId: sheetId,
        before: before && { indicatorId, points: before.points, note: before.note, fileIds: before.fileIds },
        after: { indicatorId, points: dto.points, note: dto.note, fileIds },
      });
      return this.sheet(sheetId);
    });
  }

  /** Scores the records one last time and freezes the year: bands, ranking and evidence as they stand. */
  publish(id: string): Promise<SchemeView> {
    const me = this.me();
    return this.db.transaction(async () => {
      const scheme = await this.draft(id);
      await this.recompute(scheme);
      const unscored = (await this.ranking(scheme)).reduce((n, s) => n + s.unscored, 0);
      if (unscored > 0) {
        throw new ConflictError(
          problem('assessment.unscored', `${unscored} manual score(s) are still missing`, {
            count: unscored,
          }),
        );
      }
      scheme.status = 'published';
      scheme.publishedAt = this.clock.now();
      scheme.publishedBy = me;
      await this.schemes.save(scheme);
      const view = await this.getScheme(id);
      await this.audit.record({
        action: 'assessment.published',
        entity: 'assessment_scheme',
        entityId: id,
        after: { year: scheme.year, publishedAt: view.publishedAt },
      });
      if (scheme.subject === 'enterprise') await this.announce(scheme, view.objectionsUntil!);
      this.db.afterCommit(() => this.live.zoneChanged({ topic: 'assessments' }));
      return view;
    });
  }

  /** An enterprise's objection to its published sheet, inside the period. */
  object(sheetId: string, dto: ObjectionDto): Promise<AnySheetView> {
    const me = this.me();
    return this.db.transaction(async () => {
      const sheet = await this.sheets.getById(sheetId);
      const enterpriseId = sheet.enterpriseId;
      // Only an enterprise objects: a department's sheet is the committee's own.
      if (!enterpriseId) throw new NotFoundError('Assessment sheet not found');
      this.sheets.assertInScope(enterpriseId);
      const scheme = await this.schemes.getById(sheet.schemeId);
      if (scheme.status !== 'published') throw new NotFoundError('Assessment sheet not found');
      if (!this.objectionOpen(scheme)) {
        throw new ConflictError(
          problem('assessment.objectionClosed', 'The period for objections ended on {until}', {
            until: objectionsUntil(scheme, this.config.TZ) ?? '',
          }),
        );
      }
      const saved = await this.sheets.saveObjection({
        sheetId,
        enterpriseId,
        text: dto.text,
        filedBy: me,
      });
      await this.audit.record({
        action: 'assessment.objection_filed',
        entity: 'assessment_sheet',
        entityId: sheetId,
        after: { objectionId: saved.id, text: dto.text },
      });
      await this.notifications.notify(
        { roles: ['zone_admin'] },
        {
          kind: 'assessment.objection_filed',
          params: { year: scheme.year, enterprise: sheet.enterpriseName, text: dto.text },
          entity: 'assessment_sheet',
          entityId: sheetId,
          deliveryKey: `assessment.objection_filed:${saved.id}`,
        },
      );
      return this.sheet(sheetId);
    });
  }

  /** The zone's reply to an objection, recorded once. */
  reply(objectionId: string, dto: ObjectionReplyDto): Promise<AnySheetView> {
    const me = this.me();
    return this.db.transaction(async () => {
      const objection = await this.sheets.objection(objectionId);
      if (objection.reply !== null) {
        throw new ConflictError(problem('assessment.alreadyReplied', 'The objection already has its reply'));
      }
      objection.reply = dto.reply;
      objection.repliedBy = me;
      objection.repliedAt = this.clock.now();
      await this.sheets.saveObjection(objection);
      await this.audit.record({
        action: 'assessment.objection_replied',
        entity: 'assessment_sheet',
        entityId: objection.sheetId,
        after: { objectionId, reply: dto.reply },
      });
      const sheet = await this.sheets.getById(objection.sheetId);
      const scheme = await this.schemes.getById(sheet.schemeId);
      // The officer who objected; their enterprise's officers when that account is gone.
      const filer = objection.filedBy
        ? await this.notifications.activeUserIds(['enterprise_officer'], objection.enterpriseId)
        : [];
      await this.notifications.notify(
        filer.includes(objection.filedBy!)
          ? { userIds: [objection.filedBy!] }
          : { roles: ['enterprise_officer'], enterpriseId: objection.enterpriseId },
        {
          kind: 'assessment.objection_replied',
          params: { year: scheme.year, enterprise: sheet.enterpriseName, reply: dto.reply },
          entity: 'assessment_sheet',
          entityId: sheet.id,
          deliveryKey: `assessment.objection_replied:${objectionId}`,
        },
      );
      return this.sheet(objection.sheetId);
    });
  }

  async notices(schemeId: string): Promise<NoticeView[]> {
    await this.schemes.getById(schemeId);
    return (await this.schemes.notices(schemeId)).map(mapNotice);
  }

  /**
   * A commendation (表彰) or public-criticism (通报批评) notice of a published year, numbered per
   * kind and year; by default it names the 优秀 or the 不合格 band.
   */
  issueNotice(schemeId: string, dto: NoticeDto): Promise<NoticeView> {
    const me = this.me();
    return this.db.transaction(async () => {
      const scheme = await this.schemes.getForUpdate(schemeId);
      if (scheme.status !== 'published') {
        throw new ConflictError(problem('assessment.notPublished', 'Notices follow a published assessment'));
      }
      if (scheme.subject !== 'enterprise') {
        throw new ConflictError(
          problem('assessment.noticesNameEnterprises', 'Commendation and criticism notices name enterprises'),
        );
      }
      const sheets = await this.sheets.allOfScheme(schemeId);
      let chosen: AssessmentSheet[];
      if (dto.enterpriseIds) {
        const byEnterprise = new Map(sheets.map((s) => [s.enterpriseId!, s]));
        const missing = dto.enterpriseIds.filter((e) => !byEnterprise.has(e));
        if (missing.length) {
          throw new InvalidError(missing.map((e) => `enterpriseIds: ${e} has no sheet in this assessment`));
        }
        chosen = [...new Set(dto.enterpriseIds)].map((e) => byEnterprise.get(e)!);
      } else {
        const band = dto.kind === 'commendation' ? 'excellent' : 'fail';
        chosen = sheets.filter((s) => s.band === band);
      }
      if (!chosen.length) {
        throw new InvalidError([problem('assessment.noneToName', 'enterpriseIds: no enterprise to name')]);
      }
      chosen.sort((a, b) => a.rank - b.rank || a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN'));
      const seq = await this.numbers.next(`assessment.${dto.kind}`, scheme.year);
      const saved = await this.schemes.insertNotice({
        schemeId,
        kind: dto.kind,
        year: scheme.year,
        seq,
        enterprises: chosen.map((s) => ({
          id: s.enterpriseId!,
          name: s.enterpriseName,
          total: s.total,
          band: s.band,
        })),
        issuedBy: me,
        issuedAt: this.clock.now(),
      });
      const view = mapNotice(saved);
      await this.audit.record({
        action: 'assessment.notice_issued',
        entity: 'assessment_scheme',
        entityId: schemeId,
        after: { noticeId: saved.id, kind: dto.kind, documentNo: view.documentNo },
      });
      return view;
    });
  }

  /**
   * The commendation and public-criticism notices of published years, newest first (one by `id`),
   * with their scheme's title: what the public pages publish of the assessment.
   */
  async publishedNotices(limit: number, id?: string): Promise<PublishedNotice[]> {
    return (await this.schemes.publishedNotices(limit, id)).map(({ notice, scheme }) => ({
      ...mapNotice(notice),
      year: scheme.year,
      schemeTitle: scheme.title,
      issuedAt: notice.issuedAt,
    }));
  }

  /** The latest published year's ranking, for the leaders' dashboard. */
  async latestRanking(): Promise<{ year: number | null; items: AnySheetSummary[] }> {
    const scheme = await this.schemes.latestPublished();
    return scheme ? { year: scheme.year, items: await this.ranking(scheme) } : { year: null, items: [] };
  }

  private async ranking(scheme: AssessmentScheme): Promise<AnySheetSummary[]> {
    const sheets = await this.sheets.ofScheme(scheme.id);
    const indicators = await this.schemes.indicators([scheme.id]);
    const scores = await this.sheets.scores(sheets.map((s) => s.id));
    return sheets
      .map((sheet) => {
        const scored = new Set(
          scores.filter((c) => c.sheetId === sheet.id && c.points !== null).map((c) => c.indicatorId),
        );
        return mapSheetSummary(sheet, scheme, indicators.filter((i) => !scored.has(i.id)).length);
      })
      .sort((a, b) => a.rank - b.rank || a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN'));
  }

  /**
   * Who a scheme assesses: every enterprise, or the zone's departments as its responsibility list
   * names them (each with the industries it supervises and its duties).
   */
  private async subjects(scheme: AssessmentScheme): Promise<Subject[]> {
    if (scheme.subject === 'enterprise') {
      return (await this.enterprises.profiles()).map((e) => ({
        key: e.id,
        enterpriseId: e.id,
        department: null,
        name: e.name,
        industries: [],
        duties: [],
      }));
    }
    const byUnit = new Map<string, Subject>();
    for (const entry of (await this.responsibilities.get('zone')).entries) {
      if (entry.kind === 'post') continue;
      const d = byUnit.get(entry.unit) ?? {
        key: entry.unit,
        enterpriseId: null,
        department: entry.unit,
        name: entry.unit,
        industries: [],
        duties: [],
      };
      d.industries.push(...entry.industries.filter((i) => !d.industries.includes(i)));
      d.duties.push(...entry.duties);
      byUnit.set(entry.unit, d);
    }
    return [...byUnit.values()];
  }

  private async recompute(scheme: AssessmentScheme): Promise<void> {
    const indicators = await this.schemes.indicators([scheme.id]);
    const subjects = await this.subjects(scheme);
    const now = this.clock.now();
    const yearEnd = new Date(Date.UTC(scheme.year + 1, 0, 1) - 1);
    const asOf = now < yearEnd ? now : yearEnd;
    const metrics = new Set(
      indicators.map((i) => i.metric).filter((m): m is ComputedMetric => m !== 'manual'),
    );
    const measures = await this.providers.measure(scheme.subject, metrics, {
      year: scheme.year,
      subjects: subjects.map((s) => s.key),
      industries: new Map(subjects.map((s) => [s.key, s.industries])),
      asOf,
    });
    const all = await this.sheets.allOfScheme(scheme.id);
    const keyOf = (s: AssessmentSheet) => (s.enterpriseId ?? s.department)!;
    const existing = new Map(all.map((s) => [keyOf(s), s]));
    // A department no longer on the list is no longer assessed (an enterprise's sheet goes with it).
    const keys = new Set(subjects.map((s) => s.key));
    await this.sheets.removeAll(all.filter((s) => !keys.has(keyOf(s))));
    const sheets = await this.sheets.saveAll(
      subjects.map((e) =>
        Object.assign(
          existing.get(e.key) ??
            ({
              schemeId: scheme.id,
              enterpriseId: e.enterpriseId,
              department: e.department,
              total: 0,
            } as AssessmentSheet),
          {
            enterpriseName: e.name,
            duties: e.duties,
            computedAt: now,
            vetoed: !!measures.get(e.key)?.incidents?.vetoes,
          },
        ),
      ),
    );
    await this.sheets.saveScores(
      sheets.flatMap((sheet) =>
        computedScores(indicators, measures.get(keyOf(sheet)) ?? {}).map((c) => ({
          sheetId: sheet.id,
          indicatorId: c.indicatorId,
          points: c.points,
          evidence: c.evidence,
          scoredAt: now,
        })),
      ),
    );
    await this.retotal(scheme, indicators);
  }

  /** Totals, bands and ranks of every sheet of the scheme from their stored points. */
  private async retotal(scheme: AssessmentScheme, indicators: AssessmentIndicator[]): Promise<void> {
    const sheets = await this.sheets.allOfScheme(scheme.id);
    const scores = await this.sheets.scores(sheets.map((s) => s.id));
    for (const sheet of sheets) {
      const points = new Map(
        scores.filter((c) => c.sheetId === sheet.id).map((c) => [c.indicatorId, c.points]),
      );
      const t = totalOf(indicators, points, sheet.vetoed);
      Object.assign(sheet, { total: t.total, vetoed: t.vetoed, band: t.band });
    }
    const ranked = rankSheets(
      sheets.map((s) => ({ sheet: s, total: s.total, vetoed: s.vetoed, name: s.enterpriseName })),
    );
    for (const r of ranked) r.sheet.rank = r.rank;
    await this.sheets.saveAll(sheets);
  }

  /** Each enterprise's officers hear of its result, with the last day to object. */
  private async announce(scheme: AssessmentScheme, until: string): Promise<void> {
    for (const sheet of await this.sheets.allOfScheme(scheme.id)) {
      await this.notifications.notify(
        { roles: ['enterprise_officer'], enterpriseId: sheet.enterpriseId! },
        {
          kind: 'assessment.published',
          params: {
            year: scheme.year,
            enterprise: sheet.enterpriseName,
            total: sheet.total,
            band: sheet.band,
            rank: sheet.rank,
            until,
          },
          entity: 'assessment_sheet',
          entityId: sheet.id,
          deliveryKey: `assessment.published:${sheet.id}`,
        },
      );
    }
  }

  /**
   * The rules a scheme keeps beyond each field's own: weights to 100, measures of the scheme's
   * subjects that a domain measures, a rule that fits the measure.
   */
  private checkIndicators(dto: SchemeDto, subject: AssessmentSubject): void {
    const problems: string[] = [];
    dto.indicators.forEach((i, n) => {
      if (!METRIC_SUBJECTS[i.metric].includes(subject)) {
        problems.push(`indicators.${n}.metric: ${i.metric} does not measure ${subject}s`);
      } else if (i.metric !== 'manual' && !this.providers.measures(subject, i.metric)) {
        problems.push(`indicators.${n}.metric: nothing measures ${i.metric} yet`);
      }
      if (!METRIC_RULES[i.metric].includes(i.rule)) {
        problems.push(
          `indicators.${n}.rule: ${i.metric} is scored by ${METRIC_RULES[i.metric].join(' or ')}`,
        );
      }
      if (['target', 'deduct', 'limit'].includes(i.rule) && (i.param === undefined || i.param === null)) {
        problems.push(`indicators.${n}.param: the ${i.rule} rule needs its parameter`);
      }
      if (i.rule === 'target' && (i.param ?? 0) > 1) {
        problems.push(`indicators.${n}.param: a target rate is between 0 and 1`);
      }
      if (i.veto && i.metric !== 'incidents') {
        problems.push(`indicators.${n}.veto: only the incidents indicator carries the veto`);
      }
    });
    const sum = Math.round(dto.indicators.reduce((s, i) => s + i.weight, 0) * 100) / 100;
    if (sum !== 100) problems.push(`indicators: the weights add up to ${sum}, not 100`);
    if (problems.length) throw new InvalidError(problems);
  }

  private async draft(id: string): Promise<AssessmentScheme> {
    const scheme = await this.schemes.getForUpdate(id);
    if (scheme.status === 'published') {
      throw new ConflictError(
        problem('assessment.published', 'The {year} assessment is published and stays as published', {
          year: scheme.year,
        }),
      );
    }
    return scheme;
  }

  private objectionOpen(scheme: AssessmentScheme): boolean {
    const until = objectionsUntil(scheme, this.config.TZ);
    return until !== null && zoneDate(this.clock.now(), this.config.TZ) <= until;
  }

  private me(): string {
    const id = this.context.principal()?.id;
    if (!id) throw new UnauthenticatedError('Unauthenticated');
    return id;
  }
}

/** One subject of a scheme: an enterprise, or a zone department keyed by its name. */
interface Subject {
  key: string;
  enterpriseId: string | null;
  department: string | null;
  name: string;
  industries: string[];
  duties: string[];
}

function indicatorRows(dto: SchemeDto): Partial<AssessmentIndicator>[] {
  return dto.indicators.map((i, position) => ({
    position,
    groupName: i.group,
    name: i.name,
    metric: i.metric,
    rule: i.rule,
    weight: i.weight,
    param: i.param ?? null,
    evidence: i.evidence,
    veto: i.veto ?? false,
  }));
}
