import { describe, expect, it } from '@jest/globals';
import type {
  InstallationExposure,
  PlanHazard,
  PlanLevelView,
  PlanType,
  PlanView,
  Severity,
} from '@muster/contracts';
import {
  type SuggestionCandidate,
  hazardsOfCategory,
  installationCalls,
  levelFor,
  matchOf,
  suggestPlans,
  suggestionEnterprise,
} from './plan-suggestion.js';

const ENTERPRISE = 'e1';

function plan(id: string, type: PlanType, enterpriseId: string | null): PlanView {
  return {
    id,
    enterpriseId,
    enterpriseName: enterpriseId ? '龙山化工' : null,
    type,
    code: '',
    title: id,
    scope: '',
    hazards: [],
    incidentCategories: [],
    published: null,
    open: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

function candidate(id: string, type: PlanType, enterpriseId: string | null): SuggestionCandidate {
  return { plan: plan(id, type, enterpriseId), versionId: `v-${id}` };
}

function level(id: string, versionId: string, rank: number, severities: Severity[]): PlanLevelView {
  return {
    id,
    versionId,
    rank,
    code: String(rank),
    name: id,
    activationCriteria: '',
    severities,
    checklist: [],
    policy: null,
  };
}

const base = { category: 'hazardous_chemical_leak' as const, enterpriseId: ENTERPRISE };

describe('plan suggestion', () => {
  it('orders plans most specific first: enterprise special, enterprise comprehensive, zone special, zone comprehensive', () => {
    const s = suggestPlans({
      ...base,
      candidates: [
        candidate('zone-comp', 'comprehensive', null),
        candidate('zone-special', 'special', null),
        candidate('ent-comp', 'comprehensive', ENTERPRISE),
        candidate('ent-special', 'special', ENTERPRISE),
      ],
      levels: [],
    });
    expect(s.items.map((i) => [i.match, i.plan.id])).toEqual([
      ['enterprise_special', 'ent-special'],
      ['enterprise_comprehensive', 'ent-comp'],
      ['zone_special', 'zone-special'],
      ['zone_comprehensive', 'zone-comp'],
    ]);
    expect(s.items.map((i) => i.versionId)).toEqual([
      'v-ent-special',
      'v-ent-comp',
      'v-zone-special',
      'v-zone-comp',
    ]);
  });

  it('keeps the candidates’ order among plans of the same kind', () => {
    const s = suggestPlans({
      ...base,
      candidates: [
        candidate('b', 'special', null),
        candidate('a', 'special', ENTERPRISE),
        candidate('c', 'special', null),
      ],
      levels: [],
    });
    expect(s.items.map((i) => i.plan.id)).toEqual(['a', 'b', 'c']);
  });

  it('lists on-site disposal plans apart, the enterprise’s own before the zone’s, and never as items', () => {
    const s = suggestPlans({
      ...base,
      candidates: [
        candidate('zone-site', 'on_site', null),
        candidate('ent-site-1', 'on_site', ENTERPRISE),
        candidate('special', 'special', ENTERPRISE),
        candidate('ent-site-2', 'on_site', ENTERPRISE),
      ],
      levels: [],
    });
    expect(s.items.map((i) => i.plan.id)).toEqual(['special']);
    expect(s.onSite.map((p) => p.id)).toEqual(['ent-site-1', 'ent-site-2', 'zone-site']);
  });

  it('maps the severity to the first level by rank of each plan’s own version', () => {
    const levels = [
      level('ent-I', 'v-ent', 1, ['especially_serious']),
      level('ent-II', 'v-ent', 2, ['serious', 'relatively_serious']),
      level('ent-III', 'v-ent', 3, ['relatively_serious', 'ordinary']),
      level('zone-I', 'v-zone', 1, ['especially_serious', 'serious']),
    ];
    const s = suggestPlans({
      ...base,
      severity: 'relatively_serious',
      candidates: [
        { plan: plan('ent', 'special', ENTERPRISE), versionId: 'v-ent' },
        { plan: plan('zone', 'comprehensive', null), versionId: 'v-zone' },
      ],
      levels,
    });
    // The enterprise plan's level II comes before its level III; the zone plan names no level for it.
    expect(s.items.map((i) => [i.plan.id, i.level?.id ?? null])).toEqual([
      ['ent', 'ent-II'],
      ['zone', null],
    ]);
    expect(s.severity).toBe('relatively_serious');
  });

  it('names no level when no severity is given', () => {
    const s = suggestPlans({
      ...base,
      candidates: [{ plan: plan('ent', 'special', ENTERPRISE), versionId: 'v-ent' }],
      levels: [
        level('ent-I', 'v-ent', 1, ['especially_serious', 'serious', 'relatively_serious', 'ordinary']),
      ],
    });
    expect(s.items[0]!.level).toBeNull();
    expect(s.severity).toBeNull();
  });

  it('echoes what was asked and answers an empty suggestion when nothing applies', () => {
    expect(suggestPlans({ category: 'fire', enterpriseId: null, candidates: [], levels: [] })).toEqual({
      category: 'fire',
      enterpriseId: null,
      severity: null,
      items: [],
      onSite: [],
      installations: [],
    });
  });

  it('reads the match from the owner and the type', () => {
    expect(matchOf(plan('p', 'special', ENTERPRISE))).toBe('enterprise_special');
    expect(matchOf(plan('p', 'comprehensive', null))).toBe('zone_comprehensive');
    expect(matchOf(plan('p', 'on_site', ENTERPRISE))).toBeNull();
  });

  it('looks for the level only among the version’s own levels', () => {
    const levels = [level('other', 'v-other', 1, ['ordinary']), level('own', 'v-own', 2, ['ordinary'])];
    expect(levelFor(levels, 'v-own', 'ordinary')?.id).toBe('own');
    expect(levelFor(levels, 'v-none', 'ordinary')).toBeNull();
    expect(levelFor(levels, 'v-own', null)).toBeNull();
  });

  describe('the enterprise it is for', () => {
    const officer = { role: 'enterprise_officer' as const, enterpriseId: 'mine' };
    const commander = { role: 'commander' as const, enterpriseId: null };

    it('is the one asked about, whoever asks', () => {
      expect(suggestionEnterprise('other', officer)).toBe('other');
      expect(suggestionEnterprise('other', commander)).toBe('other');
    });

    it('is an enterprise officer’s own when none is named', () => {
      expect(suggestionEnterprise(undefined, officer)).toBe('mine');
      expect(suggestionEnterprise(null, officer)).toBe('mine');
    });

    it('is none (the zone’s plans only) for zone roles and system work when none is named', () => {
      expect(suggestionEnterprise(undefined, commander)).toBeNull();
      expect(suggestionEnterprise(undefined, null)).toBeNull();
    });
  });

  describe('major hazard installations', () => {
    const chlorineStore: InstallationExposure = {
      installationId: 'i-cl2',
      code: 'CL2-STORE',
      name: '液氯钢瓶储存库',
      grade: 3,
      location: null,
      chemicals: [{ name: '液氯', substance: 'chlorine', category: 'J3', maxQuantityT: 30 }],
    };
    const solventTanks: InstallationExposure = {
      installationId: 'i-tank',
      code: 'T-200',
      name: '甲醇储罐区',
      grade: 2,
      location: null,
      chemicals: [{ name: '甲醇', substance: 'methanol', category: 'W5.3', maxQuantityT: 2000 }],
    };
    const belowCritical: InstallationExposure = { ...chlorineStore, installationId: 'i-small', grade: null };

    const guarding = (
      id: string,
      type: PlanType,
      hazards: PlanHazard[],
      title = id,
    ): SuggestionCandidate => ({
      plan: { ...plan(id, type, ENTERPRISE), hazards, title },
      versionId: `v-${id}`,
    });

    it.each([
      ['J1', ['toxic_release', 'poisoning_asphyxiation']],
      ['J3', ['toxic_release', 'poisoning_asphyxiation']],
      ['W2', ['fire', 'explosion']],
      ['W5.4', ['fire', 'explosion']],
      ['W1.1', ['fire', 'explosion']],
      ['W4', ['fire']],
      ['W9.2', ['fire']],
      ['W10', ['fire', 'explosion']],
    ])('GB 18218 category %s can cause %j', (category, hazards) => {
      expect(hazardsOfCategory(category)).toEqual(hazards);
    });

    it('a graded installation calls for the plans guarding against its hazards and the on-site plans naming it', () => {
      const plans = [
        guarding('leak', 'special', ['toxic_release']),
        guarding('fire', 'special', ['fire']),
        guarding('power', 'special', ['electrical']),
        guarding('os-cl2', 'on_site', [], '液氯钢瓶储存库泄漏现场处置方案'),
        guarding('os-code', 'on_site', [], 'T-200 罐区火灾现场处置'),
        guarding('os-other', 'on_site', ['toxic_release'], '配电室触电现场处置方案'),
      ].map((c) => c.plan);
      expect(installationCalls([chlorineStore, solventTanks, belowCritical], plans)).toEqual([
        {
          installationId: 'i-cl2',
          name: '液氯钢瓶储存库',
          grade: 3,
          chemicals: [{ name: '液氯', maxQuantityT: 30 }],
          hazards: ['toxic_release', 'poisoning_asphyxiation'],
          planIds: ['leak', 'os-cl2'],
        },
        {
          installationId: 'i-tank',
          name: '甲醇储罐区',
          grade: 2,
          chemicals: [{ name: '甲醇', maxQuantityT: 2000 }],
          hazards: ['fire', 'explosion'],
          planIds: ['fire', 'os-code'],
        },
      ]);
    });

    it('puts the plans an installation calls for first among equals, and names the installation', () => {
      const s = suggestPlans({
        ...base,
        candidates: [
          guarding('a-power', 'special', ['electrical']),
          guarding('b-leak', 'special', ['toxic_release']),
          guarding('os-a', 'on_site', [], '配电室现场处置方案'),
          guarding('os-b', 'on_site', [], '液氯钢瓶储存库现场处置方案'),
        ],
        levels: [],
        installations: [chlorineStore],
      });
      expect(s.items.map((i) => i.plan.id)).toEqual(['b-leak', 'a-power']);
      expect(s.onSite.map((p) => p.id)).toEqual(['os-b', 'os-a']);
      expect(s.installations).toEqual([
        expect.objectContaining({ installationId: 'i-cl2', grade: 3, planIds: ['b-leak', 'os-b'] }),
      ]);
    });

    it('an enterprise with no graded installation keeps the order as it was', () => {
      const s = suggestPlans({
        ...base,
        candidates: [
          guarding('a-power', 'special', ['electrical']),
          guarding('b-leak', 'special', ['toxic_release']),
        ],
        levels: [],
        installations: [belowCritical],
      });
      expect(s.items.map((i) => i.plan.id)).toEqual(['a-power', 'b-leak']);
      expect(s.installations).toEqual([]);
    });
  });
});
