import { describe, expect, it } from '@jest/globals';
import {
  type ProcedureState,
  formatInstrumentNo,
  hearingRight,
  nextSteps,
  redactPersonal,
  refuseDisclosure,
  refuseStep,
} from './enforcement.js';

const open = (p: Partial<ProcedureState> = {}): ProcedureState => ({
  status: 'open',
  issued: [],
  recheckPassed: null,
  statementDeadline: null,
  statementRecorded: false,
  disclosed: false,
  ...p,
});

describe('the enforcement procedure', () => {
  it('starts with the on-site inspection record', () => {
    expect(nextSteps(open(), '2026-03-01')).toEqual(['inspection_record']);
    for (const step of ['rectification_order', 'onsite_measures', 'filing', 'closing'] as const) {
      expect(refuseStep(open(), step, '2026-03-01')).toEqual({
        reason: 'missing',
        missing: 'inspection_record',
      });
    }
  });

  it('allows a re-inspection opinion only after an order to rectify', () => {
    const s = open({ issued: ['inspection_record', 'onsite_measures'] });
    expect(refuseStep(s, 'recheck_opinion', '2026-03-01')).toEqual({
      reason: 'missing',
      missing: 'rectification_order',
    });
    expect(
      refuseStep(
        open({ issued: ['inspection_record', 'rectification_order'] }),
        'recheck_opinion',
        '2026-03-01',
      ),
    ).toBeNull();
  });

  it('gives the notice before penalty only to a filed case', () => {
    expect(refuseStep(open({ issued: ['inspection_record'] }), 'penalty_notice', '2026-03-01')).toEqual({
      reason: 'missing',
      missing: 'filing',
    });
  });

  it('decides a penalty only after the notice, and after the statement or the period', () => {
    const filed = open({ issued: ['inspection_record', 'filing'] });
    expect(refuseStep(filed, 'penalty_decision', '2026-03-01')).toEqual({
      reason: 'missing',
      missing: 'penalty_notice',
    });
    const noticed = open({
      issued: ['inspection_record', 'filing', 'penalty_notice'],
      statementDeadline: '2026-03-06',
    });
    // The period's last day is still the party's.
    expect(refuseStep(noticed, 'penalty_decision', '2026-03-06')).toEqual({
      reason: 'missing',
      missing: 'statement_or_period',
    });
    expect(refuseStep(noticed, 'penalty_decision', '2026-03-07')).toBeNull();
    expect(refuseStep({ ...noticed, statementRecorded: true }, 'penalty_decision', '2026-03-02')).toBeNull();
  });

  it('records a statement once, after the notice and before the decision', () => {
    expect(refuseStep(open({ issued: ['inspection_record', 'filing'] }), 'statement', '2026-03-01')).toEqual({
      reason: 'missing',
      missing: 'penalty_notice',
    });
    const noticed = open({
      issued: ['inspection_record', 'filing', 'penalty_notice'],
      statementDeadline: '2026-03-06',
    });
    expect(refuseStep(noticed, 'statement', '2026-03-08')).toBeNull();
    expect(refuseStep({ ...noticed, statementRecorded: true }, 'statement', '2026-03-02')).toEqual({
      reason: 'already',
    });
  });

  it('closes a filed case only with its decision, an ordered one only after a passed re-inspection', () => {
    expect(refuseStep(open({ issued: ['inspection_record', 'filing'] }), 'closing', '2026-03-01')).toEqual({
      reason: 'missing',
      missing: 'penalty_decision',
    });
    const ordered = open({ issued: ['inspection_record', 'rectification_order'] });
    expect(refuseStep(ordered, 'closing', '2026-03-01')).toEqual({
      reason: 'missing',
      missing: 'recheck_opinion',
    });
    const failed = open({
      issued: ['inspection_record', 'rectification_order', 'recheck_opinion'],
      recheckPassed: false,
    });
    expect(refuseStep(failed, 'closing', '2026-03-01')).toEqual({ reason: 'recheck_failed' });
    expect(refuseStep({ ...failed, recheckPassed: true }, 'closing', '2026-03-01')).toBeNull();
    expect(refuseStep(open({ issued: ['inspection_record'] }), 'closing', '2026-03-01')).toBeNull();
    // Failed, filed and decided: closes; ordered beside the decision: re-inspected first.
    const decided = [
      'inspection_record',
      'rectification_order',
      'recheck_opinion',
      'filing',
      'penalty_notice',
      'penalty_decision',
    ] as const;
    expect(refuseStep(open({ issued: decided, recheckPassed: false }), 'closing', '2026-03-01')).toBeNull();
    const orderedAfter = open({
      issued: ['inspection_record', 'filing', 'penalty_notice', 'penalty_decision', 'rectification_order'],
    });
    expect(refuseStep(orderedAfter, 'closing', '2026-03-01')).toEqual({
      reason: 'missing',
      missing: 'recheck_opinion',
    });
  });

  it('issues each instrument once and nothing on a closed case', () => {
    const s = open({ issued: ['inspection_record'] });
    expect(refuseStep(s, 'inspection_record', '2026-03-01')).toEqual({ reason: 'already' });
    expect(refuseStep({ ...s, status: 'closed' }, 'filing', '2026-03-01')).toEqual({ reason: 'closed' });
    expect(nextSteps({ ...s, status: 'closed' }, '2026-03-01')).toEqual([]);
  });

  it('offers the steps in order', () => {
    expect(nextSteps(open({ issued: ['inspection_record'] }), '2026-03-01')).toEqual([
      'rectification_order',
      'onsite_measures',
      'filing',
      'closing',
    ]);
  });

  it('discloses only closed cases, once', () => {
    expect(refuseDisclosure({ status: 'open', disclosed: false })).toBe('open');
    expect(refuseDisclosure({ status: 'closed', disclosed: true })).toBe('already');
    expect(refuseDisclosure({ status: 'closed', disclosed: false })).toBeNull();
  });
});

describe('instrument numbers and the hearing right', () => {
  it('numbers per kind and year in the zone scheme', () => {
    expect(formatInstrumentNo('rectification_order', { year: 2026, seq: 3 })).toBe(
      '杜集开发区应急责改〔2026〕3号',
    );
    expect(formatInstrumentNo('penalty_decision', { year: 2026, seq: 12 })).toBe(
      '杜集开发区应急罚〔2026〕12号',
    );
  });

  it('grants a hearing for larger fines and for suspension', () => {
    expect(hearingRight({ fineYuan: 49_999, onPerson: false, suspendsOrRevokes: false })).toBe(false);
    expect(hearingRight({ fineYuan: 50_000, onPerson: false, suspendsOrRevokes: false })).toBe(true);
    expect(hearingRight({ fineYuan: 10_000, onPerson: true, suspendsOrRevokes: false })).toBe(true);
    expect(hearingRight({ fineYuan: 0, onPerson: false, suspendsOrRevokes: true })).toBe(true);
  });
});

describe('personal data in disclosed text', () => {
  it('masks ID numbers, phones and the names the case knows', () => {
    const text =
      '现场负责人张建国（电话13912345678，身份证34060219800101123X）未组织排查，座机0561-3112233。';
    const out = redactPersonal(text, ['张建国', ' ']);
    expect(out).not.toMatch(/张建国|13912345678|34060219800101123X|3112233/);
    expect(out).toContain('某某');
  });
});
