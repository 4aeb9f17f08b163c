import { describe, expect, it } from '@jest/globals';
import { overviewFromRecord } from './unit-overview.js';

const record = {
  name: '淮北华晟煤化工有限公司',
  creditCode: '91340602MA2T10011J',
  address: '杜集经济开发区凤凰山路88号',
  industry: '煤化工',
  legalRepresentative: '王建国',
  dutyPhone: '0561-3011001',
};

describe('the unit overview of Decree 493 Art. 12 item 1', () => {
  it('is filled from the enterprise record, scale and licences (not in the record) left empty', () => {
    expect(overviewFromRecord(record, undefined)).toEqual({
      name: record.name,
      creditCode: record.creditCode,
      address: record.address,
      nature: '煤化工',
      legalRepresentative: '王建国',
      scale: '',
      licences: '',
      phone: '0561-3011001',
    });
  });

  it('keeps what the filer gave over the record, an empty string included', () => {
    const o = overviewFromRecord(record, { name: '华晟二分厂', scale: '员工320人', legalRepresentative: '' });
    expect(o).toMatchObject({
      name: '华晟二分厂',
      scale: '员工320人',
      legalRepresentative: '',
      nature: '煤化工',
    });
  });

  it('is null for a report naming no unit and giving none, and the filer’s alone otherwise', () => {
    expect(overviewFromRecord(null, undefined)).toBeNull();
    expect(overviewFromRecord(null, { name: '园区外运输车辆' })).toMatchObject({
      name: '园区外运输车辆',
      creditCode: '',
    });
  });
});
