import { describe, expect, it } from '@jest/globals';
import { certificationAlert, fromContactDraft, toContactDraft } from './contact-form';

describe('contact form', () => {
  it('turns text fields into lists and certifications', () => {
    const input = fromContactDraft({
      ...toContactDraft(null),
      name: ' 张三 ',
      phones: '13805610001; 0561-3011001',
      skills: '急救；气体检测',
      certifications: '急救证|A1|2027-01-31\n安全员证||',
    });
    expect(input).toMatchObject({
      name: '张三',
      phones: ['13805610001', '0561-3011001'],
      skills: ['急救', '气体检测'],
      certifications: [
        { name: '急救证', number: 'A1', expiresOn: '2027-01-31' },
        { name: '安全员证', number: null, expiresOn: null },
      ],
    });
  });

  it('round-trips a contact through the draft', () => {
    const c = {
      id: '1',
      enterpriseId: null,
      name: '李四',
      organization: 'o',
      post: 'p',
      phones: ['+8613805610001'],
      skills: ['急救'],
      certifications: [{ name: 'x', number: null, expiresOn: '2027-01-01' }],
      language: 'en' as const,
      userId: null,
      notes: '',
      createdAt: '',
      updatedAt: '',
    };
    expect(fromContactDraft(toContactDraft(c))).toEqual({
      name: '李四',
      organization: 'o',
      post: 'p',
      phones: ['+8613805610001'],
      skills: ['急救'],
      certifications: [{ name: 'x', number: null, expiresOn: '2027-01-01' }],
      language: 'en',
      notes: '',
    });
  });

  it('keeps a special operation certificate’s type, issue and review days through the draft', () => {
    const cert = {
      name: '特种作业操作证',
      number: 'T1',
      expiresOn: '2032-04-15',
      operationType: '电工作业',
      issuedOn: '2026-04-15',
      reviewedOn: null,
    };
    const draft = toContactDraft({
      id: '2',
      enterpriseId: null,
      name: '王五',
      organization: '',
      post: '',
      phones: [],
      skills: [],
      certifications: [cert],
      language: 'zh-CN',
      userId: null,
      notes: '',
      createdAt: '',
      updatedAt: '',
    });
    expect(draft.certifications).toBe('特种作业操作证|T1|2032-04-15|电工作业|2026-04-15|');
    expect(fromContactDraft(draft).certifications).toEqual([cert]);
    // The expiry may be left for the server to set from the issue day.
    expect(
      fromContactDraft({ ...draft, certifications: '特种作业操作证|T1||电工作业|2026-04-15|2029-04-01' })
        .certifications,
    ).toEqual([{ ...cert, expiresOn: null, reviewedOn: '2029-04-01' }]);
  });

  it('flags certificates expiring within 30 days or expired', () => {
    const cert = (expiresOn: string | null) => ({ certifications: [{ name: 'c', number: null, expiresOn }] });
    expect(certificationAlert(cert('2026-11-27'), '2026-11-28')).toBe('expired');
    expect(certificationAlert(cert('2026-12-28'), '2026-11-28')).toBe('expiring');
    expect(certificationAlert(cert('2026-12-29'), '2026-11-28')).toBe('ok');
    expect(certificationAlert(cert(null), '2026-11-28')).toBe('ok');
  });
});
