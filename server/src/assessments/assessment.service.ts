import { Inject, Injectable } from '@nestjs/common';
import {
  METRIC_RULES,
  type NoticeView,
  type SchemeView,
  type SheetSummary,
  type SheetView,
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
import { AssessmentMeasures } from './assessment-measures.js';
import { SchemeRepository, SheetRepository } from './assessment.repository.js';
import { mapNotice, mapObjection, mapScheme, mapSheetSummary, objectionsUntil } from './assessment.view.js';
import { computedScores, totalOf } from './scoring.js';

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
    private readonly measures: AssessmentMeasures,
    private readonly enterprises: EnterpriseService,
    private readonly files: FileService,
    private readonly users: UserFinder,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly live: Broadcaster,
    private readonly clock: Clock,
    private readonly numbers: DocumentNumbers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async listSchemes(): Promise<SchemeView[]> {
    const schemes = await this.schemes.list();
    const indicators = await this.schemes.indicators(schemes.map((s) => s.id));
    return schemes.map((s) => mapScheme(s, indicators, this.config.TZ));
  }

  async getScheme(id: string): Promise<SchemeView> {
    const s = await this.schemes.getById(id);
    return mapScheme(s, await this.schemes.indicators([id]), this.config.TZ);
  }

  createScheme(dto: SchemeDto): Promise<SchemeView> {
    checkIndicators(dto);
    return this.db.transaction(async () => {
      const saved = await this.schemes.insert({
        year: dto.year,
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
    checkIndicators(dto);
    return this.db.transaction(async () => {
      const scheme = await this.draft(id);
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
  compute(id: string): Promise<SheetSummary[]> {
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

  /** The ranking of a scheme; an officer sees only its own line, and only once published. */
  async sheetsOf(id: string): Promise<SheetSummary[]> {
    const scheme = await this.schemes.getById(id);
    if (this.context.scope().kind !== 'zone' && scheme.status !== 'published') return [];
    return this.ranking(scheme);
  }

  async sheet(id: string): Promise<SheetView> {
    const sheet = await this.sheets.getById(id);
    const scheme = await this.schemes.getById(sheet.schemeId);
    if (this.context.scope().kind !== 'zone' && scheme.status !== 'published') {
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
      objectionOpen: this.objectionOpen(scheme),
      computedAt: sheet.computedAt?.toISOString() ?? null,
    };
  }

  /** An inspector's points for a manual indicator, with the note and evidence files. */
  scoreManual(sheetId: string, indicatorId: string, dto: ManualScoreDto): Promise<SheetView> {
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
      this.db.afterCommit(() => this.live.zoneChanged({ topic: 'assessments' }));
      return view;
    });
  }

  /** An enterprise's objection to its published sheet, inside the period. */
  object(sheetId: string, dto: ObjectionDto): Promise<SheetView> {
    const me = this.me();
    return this.db.transaction(async () => {
      const sheet = await this.sheets.getById(sheetId);
      this.sheets.assertInScope(sheet.enterpriseId);
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
        enterpriseId: sheet.enterpriseId,
        text: dto.text,
        filedBy: me,
      });
      await this.audit.record({
        action: 'assessment.objection_filed',
        entity: 'assessment_sheet',
        entityId: sheetId,
        after: { objectionId: saved.id, text: dto.text },
      });
      return this.sheet(sheetId);
    });
  }

  /** The zone's reply to an objection, recorded once. */
  reply(objectionId: string, dto: ObjectionReplyDto): Promise<SheetView> {
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
      const sheets = await this.sheets.allOfScheme(schemeId);
      let chosen: AssessmentSheet[];
      if (dto.enterpriseIds) {
        const byEnterprise = new Map(sheets.map((s) => [s.enterpriseId, s]));
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
          id: s.enterpriseId,
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

  /** The latest published year's ranking, for the leaders' dashboard. */
  async latestRanking(): Promise<{ year: number | null; items: SheetSummary[] }> {
    const scheme = await this.schemes.latestPublished();
    return scheme ? { year: scheme.year, items: await this.ranking(scheme) } : { year: null, items: [] };
  }

  private async ranking(scheme: AssessmentScheme): Promise<SheetSummary[]> {
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

  private async recompute(scheme: AssessmentScheme): Promise<void> {
    const indicators = await this.schemes.indicators([scheme.id]);
    const enterprises = await this.enterprises.profiles();
    const now = this.clock.now();
    const yearEnd = new Date(Date.UTC(scheme.year + 1, 0, 1) - 1);
    const asOf = now < yearEnd ? now : yearEnd;
    const measures = await this.measures.forYear(
      scheme.year,
      enterprises.map((e) => e.id),
      asOf,
    );
    const existing = new Map((await this.sheets.allOfScheme(scheme.id)).map((s) => [s.enterpriseId, s]));
    const sheets = await this.sheets.saveAll(
      enterprises.map((e) =>
        Object.assign(
          existing.get(e.id) ?? ({ schemeId: scheme.id, enterpriseId: e.id, total: 0 } as AssessmentSheet),
          {
            enterpriseName: e.name,
            computedAt: now,
            vetoed: !!measures.get(e.id)?.incidents?.vetoes,
          },
        ),
      ),
    );
    await this.sheets.saveScores(
      sheets.flatMap((sheet) =>
        computedScores(indicators, measures.get(sheet.enterpriseId) ?? {}).map((c) => ({
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

/** The rules a scheme keeps beyond each field's own: weights to 100, a rule that fits the measure. */
function checkIndicators(dto: SchemeDto): void {
  const problems: string[] = [];
  dto.indicators.forEach((i, n) => {
    if (!METRIC_RULES[i.metric].includes(i.rule)) {
      problems.push(`indicators.${n}.rule: ${i.metric} is scored by ${METRIC_RULES[i.metric].join(' or ')}`);
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
