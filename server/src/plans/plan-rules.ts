/**
 * The rules of a plan's content and deadlines, as pure functions: the outline a plan starts
 * from, what a version must contain before review, and the dates publication sets.
 */
import type {
  EvaluationCategory,
  IncidentCategory,
  LevelChecklistItem,
  PlanSection,
  PlanReviewKind,
  PlanSectionKey,
  PlanType,
  SizeClass,
} from '@muster/contracts';
import { addWorkingDays, addYears } from './plan-dates.js';

/** The outline a new plan starts from, per GB/T 29639-2020 chapters 6 (comprehensive), 7 (special), 8 (on-site). */
const OUTLINES: Record<PlanType, [PlanSectionKey, string][]> = {
  comprehensive: [
    ['general', '总则（适用范围、响应分级）'],
    ['organization', '应急组织机构及职责'],
    ['reporting', '应急响应·信息报告'],
    ['warning', '预警'],
    ['response_start', '应急响应·响应启动'],
    ['response_disposal', '应急响应·处置措施'],
    ['response_support', '应急响应·应急支援'],
    ['response_end', '应急响应·响应终止'],
    ['aftermath', '后期处置'],
    ['support_measures', '应急保障'],
  ],
  special: [
    ['general', '适用范围'],
    ['organization', '应急组织机构及职责'],
    ['response_start', '响应启动'],
    ['response_disposal', '处置措施'],
    ['support_measures', '应急保障'],
  ],
  on_site: [
    ['general', '事故风险描述'],
    ['organization', '应急工作职责'],
    ['response_disposal', '应急处置'],
    ['other', '注意事项'],
  ],
};

/** The enterprise facts MEM Order 2 Art. 35 reads; null: not recorded yet. */
export interface EvaluationDuty {
  sizeClass: SizeClass | null;
  evaluationCategory: EvaluationCategory | null;
}

/** Sizes Art. 35 names: "其他存在重大危险源或者中型规模以上的生产经营单位". */
const EVALUATED_SIZES = new Set<SizeClass>(['medium', 'large']);

/**
 * Whether an enterprise's plans are evaluated every three years (MEM Order 2 Art. 35): every
 * listed activity, and any other unit of medium size or larger. The risk colour plays no part.
 * A fact not yet recorded could be the one that binds, so an unknown category or size owes the
 * evaluation unless what is known already settles it.
 */
export function owesThreeYearEvaluation(e: EvaluationDuty): boolean {
  if (e.evaluationCategory !== null && e.evaluationCategory !== 'other') return true;
  if (e.sizeClass !== null && EVALUATED_SIZES.has(e.sizeClass)) return true;
  return e.evaluationCategory === null || e.sizeClass === null;
}

/** The empty sections a plan of that type starts with. */
export function outline(type: PlanType): PlanSection[] {
  return OUTLINES[type].map(([key, title]) => ({ key, title, body: '' }));
}

/** A special or on-site plan says which incidents it is for; a comprehensive one may cover all. */
export function categoryProblems(p: { type: PlanType; incidentCategories: IncidentCategory[] }): string[] {
  return p.type !== 'comprehensive' && !p.incidentCategories.length
    ? ['incidentCategories: a special or on-site disposal plan must name the incidents it applies to']
    : [];
}

/**
 * What a version must have before reviewers spend time on it: every section written, and either
 * response levels that each set something in motion (comprehensive and special plans) or at
 * least one disposal card (on-site plans). `levels` is read for the former, `cardCount` for the latter.
 */
export function completenessProblems(
  version: { sections: PlanSection[] },
  planType: PlanType,
  levels: { code: string; checklist: LevelChecklistItem[] }[],
  cardCount: number,
): string[] {
  const out: string[] = [];
  if (!version.sections.length) out.push('sections: the plan has no sections');
  version.sections.forEach((s, i) => {
    if (!s.body.trim()) out.push(`sections[${i}].body: "${s.title}" is empty`);
  });
  if (planType !== 'on_site') {
    if (!levels.length) out.push('levels: a comprehensive or special plan needs at least one response level');
    levels.forEach((l) => {
      if (!l.checklist.length) out.push(`levels[${l.code}].checklist: the level sets no action in motion`);
    });
  } else if (!cardCount) {
    out.push('cards: an on-site disposal plan needs at least one disposal card');
  }
  return out;
}

/**
 * Whether a version may be examined by a discussion (论证) rather than an expert review (评审):
 * MEM Order 2 Art. 21 requires the review of the same units Art. 35 lists for the evaluation
 * (the listed activities and medium size or larger); the others may hold a discussion, e.g.
 * with their employees. The zone's own plans (`owner` null) are reviewed by experts.
 */
export function reviewKindProblems(kind: PlanReviewKind, owner: EvaluationDuty | null): string[] {
  if (kind === 'expert_review') return [];
  return owner === null || owesThreeYearEvaluation(owner)
    ? [
        'kind: this unit must have its plan reviewed by experts (MEM Order 2 Art. 21); a discussion is for small units outside the listed industries',
      ]
    : [];
}

/**
 * The deadlines publishing on `today` sets: filing within 20 working days on the State Council's
 * calendar (Art. 26), and evaluation within three years where Art. 35 asks for it. `owner` null is
 * the zone's own plan, which the zone holds to the same 3-year cycle.
 */
export function publicationDeadlines(
  today: string,
  owner: EvaluationDuty | null,
): { filingDueOn: string; evaluationDueOn: string | null } {
  return {
    filingDueOn: addWorkingDays(today, 20),
    evaluationDueOn: owner === null || owesThreeYearEvaluation(owner) ? addYears(today, 3) : null,
  };
}
