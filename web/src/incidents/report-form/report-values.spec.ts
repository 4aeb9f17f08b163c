import { describe, expect, it } from '@jest/globals';
import type { TFunction } from 'i18next';
import { EMPTY_UNIT_OVERVIEW } from '../../contracts';
import { checkReport, type ReportValues } from './report-values';

const t = ((key: string) => key) as unknown as TFunction;
const TZ = 'Asia/Shanghai';
const NOW = Date.parse('2027-01-01T00:40:00+08:00');

const values = (over: Partial<ReportValues> = {}): ReportValues => ({
  enterpriseId: '',
  title: '液氯泄漏',
  category: 'hazardous_chemical_leak',
  occurredAt: '2026-12-31T23:50',
  location: [33.99, 116.81],
  address: '液氯库',
  summary: '阀门泄漏',
  casualties: { deaths: '0', missing: '0', seriousInjuries: '0', minorInjuries: '0' },
  loss: '0',
  measures: '',
  otherMatters: '',
  unit: { ...EMPTY_UNIT_OVERVIEW },
  unitFor: null,
  attachments: [],
  reporterName: '李志强',
  reporterPhone: '13800000001',
  filerRole: 'other',
  headInformedAt: '',
  source: 'enterprise',
  ...over,
});
const check = (v: ReportValues, zoneRole = false) =>
  checkReport(v, { nowMs: NOW, timeZone: TZ, zoneRole, t });

describe('the report form: who files and when the head heard (Decree 493 Art. 9)', () => {
  it('sends the head’s time on the zone clock, across midnight', () => {
    expect(check(values({ headInformedAt: '2027-01-01T00:10' })).input).toMatchObject({
      headInformedAt: '2026-12-31T16:10:00.000Z',
    });
  });

  it('says the filer is the head when they are, and leaves the time to the server', () => {
    const input = check(values({ filerRole: 'unit_head' })).input!;
    expect(input.filerIsUnitHead).toBe(true);
    expect(input.headInformedAt).toBeUndefined();
  });

  it('refuses a head informed before the accident or in the future', () => {
    expect(check(values({ headInformedAt: '2026-12-31T23:40' })).errors.fields.headInformedAt).toEqual([
      'incidents.form.headBeforeOccurrence',
    ]);
    expect(check(values({ headInformedAt: '2027-01-01T02:00' })).errors.fields.headInformedAt).toEqual([
      'incidents.form.futureTime',
    ]);
  });

  it('lets a zone user record what it heard elsewhere only naming the enterprise that owes the report', () => {
    expect(check(values({ source: 'zone' }), true).errors.fields.enterpriseId).toEqual([
      'incidents.form.required',
    ]);
    const input = check(values({ source: 'zone', enterpriseId: 'e1' }), true).input!;
    expect(input).toMatchObject({ source: 'zone', enterpriseId: 'e1' });
    expect(input.filerIsUnitHead).toBeUndefined();
    // An officer never sends a source: their filing is their enterprise's report.
    expect(check(values()).input!.source).toBeUndefined();
  });
});
