import { describe, expect, it } from '@jest/globals';
import type { ChainActView, Severity } from '@muster/contracts';
import { onwardLevels } from '@muster/contracts';
import { type ChainFacts, type ChainReport, reportingChain } from './reporting-chain.js';
import { DAY_STAGES, FOLLOW_UP_STAGES, MINUTE_STAGES, stageAt } from './reporting-chain.reminders.js';

const TZ = 'Asia/Shanghai';
const sh = (local: string) => new Date(`${local}+08:00`);
const zoneText = (iso: string | null) => new Date(iso!).toLocaleString('sv-SE', { timeZone: TZ });

const facts = (over: Partial<ChainFacts> = {}): ChainFacts => ({
  enterpriseId: 'e1',
  severity: 'ordinary',
  category: 'explosion',
  status: 'responding',
  source: 'enterprise',
  occurredAt: sh('2027-01-01T23:50:00'),
  headInformedAt: sh('2027-01-01T23:55:00'),
  reportedAt: sh('2027-01-02T00:20:00'),
  enterpriseReportedAt: sh('2027-01-02T00:20:00'),
  ...over,
});
let n = 0;
const act = (kind: ChainActView['kind'], at: Date, over: Partial<ChainActView> = {}): ChainActView => ({
  id: `a${++n}`,
  incidentId: 'i',
  kind,
  at: at.toISOString(),
  level: null,
  recipient: 'duty desk',
  channel: 'phone',
  senderName: 'Wang',
  fileId: null,
  note: '',
  extensionDays: null,
  approver: null,
  recordedBy: null,
  recordedAt: at.toISOString(),
  ...over,
});
const initial: ChainReport[] = [{ kind: 'initial', submittedAt: sh('2027-01-02T00:20:00') }];
const chain = (f: ChainFacts, acts: ChainActView[], now: Date, reports = initial) =>
  reportingChain(f, acts, reports, now, TZ);

describe('the zone’s onward report (Decree 493 Art. 10–11)', () => {
  it.each<[Severity, string[]]>([
    ['ordinary', ['city']],
    ['relatively_serious', ['city', 'province']],
    ['serious', ['city', 'province', 'national']],
    ['especially_serious', ['city', 'province', 'national']],
  ])('takes a %s accident up to %j', (severity, levels) => {
    expect(onwardLevels(severity)).toEqual(levels);
    const c = chain(facts({ severity }), [], sh('2027-01-02T00:30:00'));
    expect(c.onward.levels.map((l) => l.level)).toEqual(levels);
    expect(c.onward.targetLevel).toBe(levels[levels.length - 1]);
  });

  it('gives each level 2 hours from the zone receiving the report, across midnight', () => {
    const c = chain(facts({ severity: 'serious' }), [], sh('2027-01-02T00:30:00'));
    expect(c.onward.receivedAt).toBe(sh('2027-01-02T00:20:00').toISOString());
    expect(c.onward.levels.map((l) => zoneText(l.deadline))).toEqual([
      '2027-01-02 02:20:00',
      '2027-01-02 04:20:00',
      '2027-01-02 06:20:00',
    ]);
    expect(c.onward.levels.every((l) => l.state === 'owed')).toBe(true);
  });

  it('is met by the report to its level, late by the minutes past the deadline, and overdue unmet', () => {
    const acts = [act('onward', sh('2027-01-02T02:20:00'), { level: 'city' })];
    const c = chain(facts({ severity: 'relatively_serious' }), acts, sh('2027-01-02T04:21:00'));
    expect(c.onward.levels[0]).toMatchObject({ state: 'met', lateByMinutes: 0 });
    expect(c.onward.levels[1]).toMatchObject({ state: 'overdue', lateByMinutes: 1 });
    const late = chain(
      facts(),
      [act('onward', sh('2027-01-02T02:20:30'), { level: 'city' })],
      sh('2027-01-02T03:00:00'),
    );
    expect(late.onward.levels[0]).toMatchObject({ state: 'met_late', lateByMinutes: 1 });
  });
});

describe('the enterprise’s reports', () => {
  it('shows a report the zone learned of elsewhere as owed, then missing after the head’s hour', () => {
    const zone = facts({ source: 'zone', enterpriseReportedAt: null });
    expect(chain(zone, [], sh('2027-01-02T00:54:59')).enterpriseReport).toMatchObject({
      state: 'owed',
      deadline: sh('2027-01-02T00:55:00').toISOString(),
      source: 'zone',
    });
    expect(chain(zone, [], sh('2027-01-02T01:10:00')).enterpriseReport).toMatchObject({
      state: 'overdue',
      lateByMinutes: 15,
    });
  });

  it('owes the direct provincial report in the same hour only from relatively serious up (Order 21)', () => {
    expect(chain(facts(), [], sh('2027-01-02T00:30:00')).provincialReport.state).toBe('not_owed');
    const rs = facts({ severity: 'relatively_serious' });
    expect(chain(rs, [], sh('2027-01-02T00:30:00')).provincialReport).toMatchObject({
      state: 'owed',
      deadline: sh('2027-01-02T00:55:00').toISOString(),
    });
    const met = chain(rs, [act('provincial', sh('2027-01-02T00:50:00'))], sh('2027-01-02T01:30:00'));
    expect(met.provincialReport.state).toBe('met');
  });
});

describe('follow-ups (SAWS Order 21) and 补报', () => {
  it('owes a follow-up a day for ordinary and relatively serious, two a day for serious and graver', () => {
    expect(chain(facts(), [], sh('2027-01-02T01:00:00')).followUp).toMatchObject({
      intervalHours: 24,
      deadline: sh('2027-01-03T00:20:00').toISOString(),
      state: 'owed',
    });
    const serious = chain(facts({ severity: 'especially_serious' }), [], sh('2027-01-02T12:21:00'));
    expect(serious.followUp).toMatchObject({ intervalHours: 12, state: 'overdue', lateByMinutes: 1 });
  });

  it('counts from the latest report and stops when the response ends', () => {
    const reports: ChainReport[] = [
      ...initial,
      { kind: 'supplementary', submittedAt: sh('2027-01-02T10:00:00') },
    ];
    const c = chain(facts(), [], sh('2027-01-02T11:00:00'), reports);
    expect(c.followUp).toMatchObject({ deadline: sh('2027-01-03T10:00:00').toISOString(), reports: 1 });
    expect(chain(facts({ status: 'contained' }), [], sh('2027-01-09T00:00:00')).followUp.state).toBe(
      'not_owed',
    );
  });

  it('makes a casualty change due by the end of that day, met by the next follow-up', () => {
    const change = act('casualty_change', sh('2027-01-20T22:00:00'), { note: 'one injured died' });
    const owed = chain(facts(), [change], sh('2027-01-20T23:00:00'));
    expect(owed.supplements[0]).toMatchObject({ state: 'owed' });
    expect(zoneText(owed.supplements[0]!.deadline)).toBe('2027-01-20 23:59:59');
    expect(chain(facts(), [change], sh('2027-01-21T00:00:00')).supplements[0]!.state).toBe('overdue');
    const reports: ChainReport[] = [
      ...initial,
      { kind: 'supplementary', submittedAt: sh('2027-01-20T23:30:00') },
    ];
    expect(chain(facts(), [change], sh('2027-01-21T08:00:00'), reports).supplements[0]!.state).toBe('met');
  });
});

describe('investigation (Art. 29, 32)', () => {
  it('owes the report 60 calendar days after the day of the occurrence (23:50 on day 0)', () => {
    const c = chain(facts(), [], sh('2027-01-02T00:30:00'));
    expect(zoneText(c.investigation.report.deadline)).toBe('2027-03-02 23:59:59');
    expect(chain(facts(), [], sh('2027-03-02T23:59:59')).investigation.report.state).toBe('owed');
    expect(chain(facts(), [], sh('2027-03-03T00:00:00')).investigation.report.state).toBe('overdue');
  });

  it('moves the deadline by an approved extension', () => {
    const ext = act('investigation_extension', sh('2027-02-20T10:00:00'), {
      extensionDays: 60,
      approver: 'Li',
    });
    const c = chain(facts(), [ext], sh('2027-03-05T00:00:00'));
    expect(zoneText(c.investigation.report.deadline)).toBe('2027-05-01 23:59:59');
    expect(c.investigation.report.state).toBe('owed');
    expect(c.investigation.extension?.approver).toBe('Li');
  });

  it('owes the reply 15 days after the report, 30 for especially serious, and closes the file with it', () => {
    const report = act('investigation_report', sh('2027-02-10T16:00:00'));
    expect(zoneText(chain(facts(), [report], sh('2027-02-11T00:00:00')).investigation.reply.deadline)).toBe(
      '2027-02-25 23:59:59',
    );
    const es = chain(facts({ severity: 'especially_serious' }), [report], sh('2027-02-11T00:00:00'));
    expect(zoneText(es.investigation.reply.deadline)).toBe('2027-03-12 23:59:59');
    const reply = act('investigation_reply', sh('2027-02-20T09:00:00'));
    const closed = chain(facts(), [report, reply], sh('2027-02-21T00:00:00'));
    expect(closed.investigation.reply.state).toBe('met');
    expect(closed.investigation.fileClosedAt).toBe(reply.at);
  });

  it('names the earliest running deadline as due next', () => {
    const serious = facts({ severity: 'serious' });
    expect(chain(serious, [], sh('2027-01-02T00:30:00')).nextDue).toEqual({
      duty: 'provincialReport',
      deadline: sh('2027-01-02T00:55:00').toISOString(),
    });
    const provincial = act('provincial', sh('2027-01-02T00:40:00'));
    expect(chain(serious, [provincial], sh('2027-01-02T00:45:00')).nextDue).toEqual({
      duty: 'onward.city',
      deadline: sh('2027-01-02T02:20:00').toISOString(),
    });
  });
});

describe('reminder stages', () => {
  const duty = (deadline: Date) => ({
    state: 'owed' as const,
    from: null,
    deadline: deadline.toISOString(),
    metAt: null,
    lateByMinutes: 0,
  });
  const d = sh('2027-01-01T00:30:00');

  it('reminds 30 and 10 minutes before the hour ends and escalates once it has passed', () => {
    const at = (local: string) => stageAt(duty(d), MINUTE_STAGES, sh(local));
    expect(at('2026-12-31T23:59:59')).toBeNull();
    expect(at('2027-01-01T00:00:00')).toBe('left_30m');
    expect(at('2027-01-01T00:19:59')).toBe('left_30m');
    expect(at('2027-01-01T00:20:00')).toBe('left_10m');
    expect(at('2027-01-01T00:30:00')).toBe('left_10m');
    expect(at('2027-01-01T00:30:01')).toBe('overdue');
  });

  it('says nothing of a duty met', () => {
    expect(stageAt({ ...duty(d), state: 'met' }, MINUTE_STAGES, sh('2027-01-01T00:31:00'))).toBeNull();
  });

  it('reminds an hour before a follow-up and a week and a day before a day-counted deadline', () => {
    expect(stageAt(duty(d), FOLLOW_UP_STAGES, sh('2026-12-31T23:29:59'))).toBeNull();
    expect(stageAt(duty(d), FOLLOW_UP_STAGES, sh('2026-12-31T23:30:00'))).toBe('left_1h');
    const end = sh('2027-03-02T23:59:59.999');
    expect(stageAt(duty(end), DAY_STAGES, sh('2027-02-23T23:59:59'))).toBeNull();
    expect(stageAt(duty(end), DAY_STAGES, sh('2027-02-24T00:00:00'))).toBe('due_in_7_days');
    expect(stageAt(duty(end), DAY_STAGES, sh('2027-03-02T00:00:00'))).toBe('due_in_1_day');
    expect(stageAt(duty(end), DAY_STAGES, sh('2027-03-03T00:00:00'))).toBe('overdue');
  });
});
