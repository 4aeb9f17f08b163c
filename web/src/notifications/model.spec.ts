import { describe, expect, it } from '@jest/globals';
import { NOTIFICATION_KINDS, type NotificationView } from '../contracts';
import { kindLabel, notificationLink, wordNotification } from './model';

const n = (over: Partial<NotificationView>): NotificationView => ({
  id: '1',
  kind: 'incident.filed',
  params: {},
  title: '',
  body: '',
  urgent: true,
  entity: null,
  entityId: null,
  createdAt: '2026-12-06T10:00:00.000Z',
  readAt: null,
  ...over,
});

describe('notification words and links', () => {
  it('words a notification in either language from its kind and params', () => {
    const filed = n({
      params: {
        title: '氯气泄漏',
        enterprise: '淮北临涣焦化',
        severity: 'relatively_serious',
        category: 'hazardous_chemical_leak',
        address: '液氯库',
      },
    });
    expect(wordNotification(filed, 'zh-CN')).toEqual({
      title: '新事故报告：氯气泄漏',
      body: '淮北临涣焦化 · 较大事故 · 危险化学品泄漏\n液氯库',
    });
    expect(wordNotification(filed, 'en').body).toBe(
      '淮北临涣焦化 · Relatively serious · Hazardous chemical leak\n液氯库',
    );
    // A kind from a newer server keeps the words the server sent.
    expect(wordNotification(n({ kind: 'duty.new' as never, title: '值班', body: 'x' }), 'en')).toEqual({
      title: '值班',
      body: 'x',
    });
  });

  it('names every kind in both languages, without placeholders', () => {
    for (const kind of NOTIFICATION_KINDS) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const label = kindLabel(kind, lang);
        expect({ kind, label }).toEqual({ kind, label: expect.stringMatching(/^[^{}]+[^\s:：]$/u) });
      }
    }
    expect(kindLabel('inspection.due', 'zh-CN')).toBe('排查任务');
    expect(kindLabel('hazard.submitted', 'en')).toBe('Hazard rectification awaiting acceptance');
  });

  it('links to the record, where the role may open it', () => {
    expect(notificationLink(n({ entity: 'incident', entityId: 'i1' }), 'commander')).toBe('/incidents/i1');
    expect(notificationLink(n({ entity: 'hazard', entityId: 'h1' }), 'enterprise_officer')).toBe(
      '/hazards/h1',
    );
    expect(notificationLink(n({ entity: 'inspection_record', entityId: 'r1' }), 'inspector')).toBe(
      '/inspections/r1',
    );
    expect(notificationLink(n({ entity: 'drill_run', entityId: 'd1' }), 'commander')).toBe('/drills/runs/d1');
    expect(notificationLink(n({ entity: 'plan', entityId: 'p1' }), 'zone_admin')).toBe('/plans/p1');
    expect(
      notificationLink(n({ entity: 'callout', entityId: 'c1', params: { incidentId: 'i9' } }), 'commander'),
    ).toBe('/incidents/i9');
    // A responder opens none of these pages; an unknown record has no page.
    expect(notificationLink(n({ entity: 'incident', entityId: 'i1' }), 'responder')).toBeNull();
    expect(notificationLink(n({ entity: 'mystery', entityId: 'x' }), 'commander')).toBeNull();
  });
});
