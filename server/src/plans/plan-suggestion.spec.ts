import { describe, expect, it } from '@jest/globals';
import type { PlanLevelView, PlanType, PlanView, Severity } from '@muster/contracts';
import {
  type SuggestionCandidate,
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
});
