import { describe, expect, it } from '@jest/globals';
import { AUDIT_ACTION_TEXT, AUDIT_ENTITY_TEXT } from './audit-text.js';
import { RECIPIENT_STATES } from './callouts.js';
import { DRILL_FORMS, DRILL_SCOPES, INJECT_KINDS } from './drills.js';
import {
  DISPATCH_STATES,
  INCIDENT_CATEGORIES,
  INCIDENT_STATUSES,
  MAP_FEATURE_KINDS,
  RESPONSE_LEVELS,
  ROOM_EVENT_TYPES,
  SEVERITIES,
  TASK_STATUSES,
  type RoomEventType,
} from './incidents.js';
import {
  ENUM_TEXT,
  JOB_TEXT,
  QUEUE_TEXT,
  actorText,
  describeRoomEvent,
  recordLanguage,
  type Bilingual,
} from './record-text.js';
import type { RoomEventPayloads, TypedRoomEvent } from './room-events.js';
import { ROLES } from './roles.js';

const HAN = /\p{Script=Han}/u;
/** An enum value or event code left in a sentence: snake_case or dotted lower-case words. */
const CODE = /\b[a-z]+(?:[_.][a-z]+)+\b/;

const task = {
  id: 't',
  incidentId: 'i',
  title: 'Evacuate',
  description: '',
  assigneeUserId: null,
  assigneeName: null,
  dueAt: null,
  status: 'accepted',
  createdBy: null,
  createdAt: '',
  updatedAt: '',
} as const;
const feature = {
  id: 'f',
  incidentId: 'i',
  kind: 'hazard_zone',
  label: 'East gate',
  geometry: { type: 'Point', coordinates: [0, 0] },
  properties: {},
  createdBy: null,
  createdAt: '',
  updatedAt: '',
} as const;
const dispatch = {
  id: 'd',
  incidentId: 'i',
  resourceId: null,
  label: 'Ambulance 2',
  state: 'on_scene',
  dispatchedAt: '',
  updatedAt: '',
} as const;
const casualties = { deaths: 0, missing: 0, seriousInjuries: 1, minorInjuries: 2 };

/**
 * One payload of every room event type, with the enum values a log holds and user text in
 * ASCII, so that any Chinese in the English line (or code in either) is the module's own.
 */
const SAMPLES: { [T in RoomEventType]: RoomEventPayloads[T] } = {
  'incident.reported': {
    title: 'Chlorine leak',
    category: 'poisoning_asphyxiation',
    severity: 'ordinary',
    casualties,
    directLossCny: 0,
    late: true,
    deadline: '',
    outsideZone: false,
  },
  'incident.supplementary_report': {
    reportId: 'r',
    casualties,
    directLossCny: 0,
    summary: 'More hurt',
    outsideWindow: true,
  },
  'incident.regraded': { from: 'ordinary', to: 'relatively_serious' },
  'incident.taken_in_charge': {
    name: 'Liu Jianhua',
    contactId: null,
    calloutId: 'c',
    channel: 'sms',
    secondsSinceReported: 95,
  },
  'incident.status_changed': { from: 'reported', to: 'responding', reason: 'Confirmed' },
  'incident.level_set': { from: 'IV', to: 'III', planId: null },
  message: { text: 'Gate closed' },
  'task.created': { task: task as never },
  'task.updated': { task: task as never, changes: ['status'] },
  'map_feature.added': { feature: feature as never },
  'map_feature.updated': { feature: feature as never },
  'map_feature.removed': { featureId: 'f', kind: 'evacuation_route' },
  'resource.dispatched': { dispatch: dispatch as never },
  'resource.status_changed': { dispatch: dispatch as never, from: 'en_route' },
  'callout.started': {
    calloutId: 'c',
    message: 'Assemble',
    recipients: 4,
    tiers: 2,
    isDrill: true,
    outsideRoster: 1,
  },
  'callout.tier_paged': { calloutId: 'c', tier: 0, round: 0, recipients: 4, channels: ['sms', 'voice'] },
  'callout.recipient_updated': {
    calloutId: 'c',
    recipientId: 'r',
    name: 'Wang Wei',
    state: 'acknowledged',
    channel: 'link',
    secondsToRespond: 40,
  },
  'callout.location_shared': {
    calloutId: 'c',
    recipientId: 'r',
    name: 'Wang Wei',
    lat: 33.99,
    lng: 116.83,
    at: '2026-01-01T00:00:00Z',
  },
  'callout.tier_escalated': { calloutId: 'c', tier: 1, round: 0, reason: 'quorum not met', recipients: 3 },
  'callout.ended': {
    calloutId: 'c',
    status: 'exhausted',
    reason: 'every tier paged',
    acknowledged: 1,
    recipients: 4,
  },
  'drill.started': {
    runId: 'r',
    title: 'Leak drill',
    scenarioMs: 0,
    form: 'tabletop',
    scope: 'single_function',
  },
  'drill.inject': {
    runId: 'r',
    runInjectId: 'ri',
    injectId: 'worse',
    kind: 'incident_report',
    synopsis: 'It spreads',
    targetRoles: [],
    content: { text: '' } as never,
    offsetSeconds: 300,
    scenarioSeconds: 305,
    scenarioMs: 305_000,
    manual: true,
  },
  'drill.inject_skipped': { runId: 'r', runInjectId: 'ri', synopsis: 'Road closed', scenarioSeconds: 10 },
  'drill.paused': { runId: 'r', scenarioSeconds: 65, scenarioMs: 65_000 },
  'drill.resumed': { runId: 'r', scenarioSeconds: 65, scenarioMs: 65_000 },
  'drill.ended': { runId: 'r', scenarioSeconds: 600, scenarioMs: 600_000 },
  'drill.real_incident': {
    runId: 'r',
    incidentId: 'i',
    title: 'Real fire',
    severity: 'serious',
    category: 'fire',
    enterpriseName: null,
    location: { lat: 0, lng: 0 },
  },
  'rollcall.opened': {
    rollCallId: 'r',
    points: [{ id: 'p', code: 'A', label: 'South gate', lat: 34, lng: 116.8 }],
    enterprises: 2,
  },
  'rollcall.counted': {
    rollCallId: 'r',
    enterpriseId: 'e',
    enterpriseName: 'Longshan Fine Chemicals',
    pointId: 'p',
    pointCode: 'A',
    expected: 48,
    accounted: 45,
    channel: 'sms',
    totals: {
      expected: 48,
      accounted: 45,
      missing: 3,
      reported: 1,
      enterprises: 2,
      checkedIn: 0,
      complete: false,
    },
  },
  'rollcall.checked_in': { rollCallId: 'r', pointId: 'p', pointCode: 'A', name: 'Sun Hao', channel: 'link' },
  'rollcall.missing_named': { rollCallId: 'r', personId: 'm', name: 'Wang Wu', enterpriseName: null },
  'rollcall.missing_cleared': { rollCallId: 'r', personId: 'm', name: 'Wang Wu' },
  'rollcall.all_accounted': { rollCallId: 'r', expected: 48, secondsSinceOpened: 600 },
  'rollcall.closed': {
    rollCallId: 'r',
    final: {
      expected: 48,
      accounted: 48,
      missing: 0,
      reported: 2,
      enterprises: 2,
      checkedIn: 1,
      complete: true,
    },
    secondsToAllAccounted: 600,
    reportId: null,
  },
  'warning.sent': {
    warningId: 'w',
    msgType: 'Alert',
    referencesId: null,
    calloutId: 'c',
    areaLabel: 'AEGL-2',
    action: 'evacuate',
    isDrill: false,
    counts: {
      enterprises: 2,
      sensitiveTargets: 1,
      zonePeople: 0,
      phones: 4,
      outsideRoster: 0,
      populationDay: 800,
      populationNight: 20,
    },
  },
  'consequence.modelled': {
    modelRunId: 'r',
    model: 'plume',
    title: 'Chlorine 2 kg/s',
    inputs: {},
    zones: [],
  },
  'reporting.act_recorded': {
    act: {
      id: 'a',
      incidentId: 'i',
      kind: 'onward',
      at: '',
      level: 'province',
      recipient: 'Anhui bureau duty desk',
      channel: 'fax',
      senderName: 'Wang',
      fileId: null,
      note: '',
      extensionDays: null,
      approver: null,
      recordedBy: null,
      recordedAt: '',
    },
  },
};

const event = (type: RoomEventType): TypedRoomEvent =>
  ({
    seq: 1,
    type,
    payload: SAMPLES[type],
    actor: { id: null, name: 'system', role: 'system' },
    at: '',
  }) as TypedRoomEvent;

function expectBilingual(where: string, text: Bilingual): void {
  expect({ where, zh: text[0].length > 0 && HAN.test(text[0]) }).toEqual({ where, zh: true });
  expect({ where, en: text[1].length > 0 && !HAN.test(text[1]) }).toEqual({ where, en: true });
}

describe('record text', () => {
  it.each([...ROOM_EVENT_TYPES])('words %s in Chinese and in English, without codes', (type) => {
    const zh = describeRoomEvent(event(type), 'zh-CN');
    const en = describeRoomEvent(event(type), 'en');
    for (const line of [zh, en]) {
      expect(line).not.toMatch(CODE);
      expect(line).not.toMatch(/undefined|null|\{\w+\}/);
    }
    expect(en).not.toMatch(HAN);
    // A message is the person's own words, the same in both.
    if (type !== 'message') {
      expect(zh).toMatch(HAN);
      expect(zh).not.toBe(en);
    }
  });

  it('has both languages for every value of every enum a record shows', () => {
    const enums: [keyof typeof ENUM_TEXT, readonly string[]][] = [
      ['severity', SEVERITIES],
      ['category', INCIDENT_CATEGORIES],
      ['incidentStatus', INCIDENT_STATUSES],
      ['responseLevel', RESPONSE_LEVELS],
      ['taskStatus', TASK_STATUSES],
      ['mapFeatureKind', MAP_FEATURE_KINDS],
      ['dispatchState', DISPATCH_STATES],
      ['recipientState', RECIPIENT_STATES],
      ['injectKind', INJECT_KINDS],
      ['drillForm', DRILL_FORMS],
      ['drillScope', DRILL_SCOPES],
      ['role', [...ROLES, 'system']],
    ];
    for (const [kind, values] of enums) {
      expect(Object.keys(ENUM_TEXT[kind]).sort()).toEqual([...values].sort());
    }
    for (const [kind, table] of Object.entries(ENUM_TEXT)) {
      for (const [value, text] of Object.entries(table)) {
        // Roman numerals of response levels are words in English too.
        expectBilingual(`${kind}.${value}`, text as Bilingual);
      }
    }
  });

  it('has both languages for every audit action and record kind, queue and job', () => {
    for (const [name, text] of Object.entries({ ...AUDIT_ACTION_TEXT, ...AUDIT_ENTITY_TEXT }))
      expectBilingual(name, text);
    for (const [name, text] of Object.entries({ ...QUEUE_TEXT, ...JOB_TEXT })) expectBilingual(name, text);
  });

  it('names people by name and the system by what it was doing', () => {
    expect(actorText({ name: '张伟', role: 'commander' }, 'en')).toBe('张伟');
    expect(actorText({ name: 'job:callout-voice-escalation', role: 'system' }, 'zh-CN')).toBe(
      '系统：语音升级',
    );
    expect(actorText({ name: 'job:callout-voice-escalation', role: 'system' }, 'en')).toBe(
      'System: Voice escalation',
    );
    expect(actorText({ name: 'system', role: 'system' }, 'zh-CN')).toBe('系统');
    expect(actorText({ name: 'job:some-future-job', role: 'system' }, 'en')).toBe('System');
  });

  it('reads the first choice of an Accept-Language header, Chinese by default', () => {
    expect(recordLanguage('en-US,en;q=0.9')).toBe('en');
    expect(recordLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(recordLanguage(undefined)).toBe('zh-CN');
  });
});
