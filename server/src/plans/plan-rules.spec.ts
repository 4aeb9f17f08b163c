import { describe, expect, it } from '@jest/globals';
import { EVALUATION_CATEGORIES } from '@muster/contracts';
import {
  type EvaluationDuty,
  categoryProblems,
  completenessProblems,
  outline,
  owesThreeYearEvaluation,
  publicationDeadlines,
  reviewKindProblems,
} from './plan-rules.js';

const written = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ key: 'general' as const, title: `§${i}`, body: 'text' }));
const step = { item: '疏散', role: '现场指挥', teamId: null, targetMinutes: 10 };

describe('plan rules', () => {
  it('lays a new plan out as its type’s outline, every section empty', () => {
    expect(outline('comprehensive')).toHaveLength(10);
    expect(outline('special').map((s) => s.key)).toEqual([
      'general',
      'organization',
      'response_start',
      'response_disposal',
      'support_measures',
    ]);
    expect(outline('on_site').every((s) => s.body === '')).toBe(true);
  });

  it('asks special and on-site plans, not comprehensive ones, to name their incidents', () => {
    expect(categoryProblems({ type: 'comprehensive', incidentCategories: [] })).toEqual([]);
    expect(categoryProblems({ type: 'special', incidentCategories: ['fire'] })).toEqual([]);
    expect(categoryProblems({ type: 'on_site', incidentCategories: [] })).toEqual([
      'incidentCategories: a special or on-site disposal plan must name the incidents it applies to',
    ]);
  });

  describe('completeness before review', () => {
    it('wants every section written', () => {
      const sections = [...written(1), { key: 'warning' as const, title: '预警', body: '  ' }];
      expect(completenessProblems({ sections }, 'special', [{ code: 'I', checklist: [step] }], 0)).toEqual([
        'sections[1].body: "预警" is empty',
      ]);
      expect(completenessProblems({ sections: [] }, 'on_site', [], 1)).toEqual([
        'sections: the plan has no sections',
      ]);
    });

    it('wants response levels that each set something in motion in comprehensive and special plans', () => {
      expect(completenessProblems({ sections: written(2) }, 'comprehensive', [], 0)).toEqual([
        'levels: a comprehensive or special plan needs at least one response level',
      ]);
      expect(
        completenessProblems(
          { sections: written(2) },
          'special',
          [
            { code: 'I', checklist: [step] },
            { code: 'II', checklist: [] },
          ],
          0,
        ),
      ).toEqual(['levels[II].checklist: the level sets no action in motion']);
    });

    it('wants a disposal card, not levels, in an on-site plan', () => {
      expect(completenessProblems({ sections: written(1) }, 'on_site', [], 0)).toEqual([
        'cards: an on-site disposal plan needs at least one disposal card',
      ]);
      expect(completenessProblems({ sections: written(1) }, 'on_site', [], 2)).toEqual([]);
    });
  });

  // The rule was wrong before: it keyed the evaluation on the risk colour (major, high).
  describe('MEM Order 2 Art. 35: three-yearly evaluation by category and size, never by risk colour', () => {
    const unit = (
      evaluationCategory: EvaluationDuty['evaluationCategory'],
      sizeClass: EvaluationDuty['sizeClass'],
    ): EvaluationDuty => ({ evaluationCategory, sizeClass });

    it('binds a medium-size ordinary manufacturer, not a small or micro one', () => {
      // Monday 30 November 2026 + 20 working days = Monday 28 December.
      expect(publicationDeadlines('2026-11-30', unit('other', 'medium'))).toEqual({
        filingDueOn: '2026-12-28',
        evaluationDueOn: '2029-11-30',
      });
      expect(publicationDeadlines('2026-11-30', unit('other', 'large')).evaluationDueOn).toBe('2029-11-30');
      expect(publicationDeadlines('2026-11-30', unit('other', 'small'))).toEqual({
        filingDueOn: '2026-12-28',
        evaluationDueOn: null,
      });
      expect(owesThreeYearEvaluation(unit('other', 'micro'))).toBe(false);
    });

    it('does not bind a small ordinary unit coloured 重大风险: the colour is not a category', () => {
      const redSmall = { ...unit('other', 'small'), riskClass: 'major' as const };
      expect(publicationDeadlines('2026-11-30', redSmall).evaluationDueOn).toBeNull();
    });

    it.each(EVALUATION_CATEGORIES.filter((c) => c !== 'other'))(
      'binds a micro %s unit by its category',
      (c) => {
        expect(owesThreeYearEvaluation(unit(c, 'micro'))).toBe(true);
      },
    );

    it('binds while the category or size that could decide is not recorded, and the zone’s own plans', () => {
      expect(owesThreeYearEvaluation(unit(null, 'small'))).toBe(true);
      expect(owesThreeYearEvaluation(unit('other', null))).toBe(true);
      expect(owesThreeYearEvaluation(unit(null, 'large'))).toBe(true);
      expect(owesThreeYearEvaluation(unit('mine', null))).toBe(true);
      expect(publicationDeadlines('2026-11-30', null).evaluationDueOn).toBe('2029-11-30');
    });
  });

  describe('MEM Order 2 Art. 21: expert review, or a discussion for the units the article does not list', () => {
    const unit = (
      evaluationCategory: EvaluationDuty['evaluationCategory'],
      sizeClass: EvaluationDuty['sizeClass'],
    ): EvaluationDuty => ({ evaluationCategory, sizeClass });

    it('accepts an expert review from anyone', () => {
      expect(reviewKindProblems('expert_review', unit('other', 'micro'))).toEqual([]);
      expect(reviewKindProblems('expert_review', null)).toEqual([]);
    });

    it('accepts a discussion from a small or micro unit outside the list only', () => {
      expect(reviewKindProblems('discussion', unit('other', 'small'))).toEqual([]);
      expect(reviewKindProblems('discussion', unit('other', 'micro'))).toEqual([]);
      for (const owner of [unit('other', 'medium'), unit('fireworks', 'micro'), unit(null, 'small'), null]) {
        expect(reviewKindProblems('discussion', owner)).toEqual([expect.stringMatching(/^kind: .*Art\. 21/)]);
      }
    });
  });
});
