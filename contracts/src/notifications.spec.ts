import { describe, expect, it } from '@jest/globals';
import { ENUM_TEXT } from './record-text.js';
import { NOTIFICATION_KINDS, NOTIFICATION_TEXT, isUrgentKind, notificationText } from './notifications.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('notification words', () => {
  it('word every kind in both languages, from the same params', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const text = NOTIFICATION_TEXT[kind];
      for (const part of [text.title, text.body]) {
        expect({ kind, zh: part[0].length > 0, en: part[1].length > 0 }).toEqual({
          kind,
          zh: true,
          en: true,
        });
        // Both languages are filled from the same values: a param only one of them uses is a bug.
        expect({ kind, names: placeholders(part[1]) }).toEqual({ kind, names: placeholders(part[0]) });
      }
      const enums: Record<string, string> = 'enums' in text ? text.enums : {};
      for (const table of Object.values(enums)) expect(Object.keys(ENUM_TEXT)).toContain(table);
    }
  });

  it('fills the params, words enum values in the reader’s language, and keeps codes otherwise', () => {
    const params = { title: '氯气泄漏', enterprise: '华晟', from: 'ordinary', to: 'serious' };
    expect(notificationText('incident.regraded', params, 'zh-CN')).toEqual({
      title: '事故等级上调：氯气泄漏',
      body: '华晟：一般事故 → 重大事故',
    });
    expect(notificationText('incident.regraded', params, 'en').body).toBe('华晟: Ordinary → Serious');
    // A rejection without a comment does not end in an empty line.
    expect(
      notificationText(
        'hazard.rejected',
        { code: 'YH-000001', enterprise: 'E', place: 'P', comment: '' },
        'en',
      ).body,
    ).toBe('E: P');
  });

  it('marks the kinds that must reach people at once as urgent', () => {
    expect(isUrgentKind('incident.filed')).toBe(true);
    expect(isUrgentKind('incident.regraded')).toBe(true);
    expect(isUrgentKind('hazard.submitted')).toBe(false);
    expect(isUrgentKind('no.such' as never)).toBe(false);
  });
});
