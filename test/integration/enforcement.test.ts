import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import type { EnforcementCaseView, NotificationKind } from '@muster/contracts';
import { Clock } from '../../server/src/common/clock.js';
import { PortalSections } from '../../server/src/portal/portal-sections.js';
import { ReminderScheduler } from '../../server/src/reminders/reminder-scheduler.js';
import { addDays, zoneDate } from '../../server/src/zone/zone-time.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { binary, pdfText } from '../support/pdf.js';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
/** 2026-03-09 → 2026年3月9日, as the printed forms date. */
const printed = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

const INSPECTION = {
  place: '杜集开发区化工园区纬二路8号 罐区',
  inspectedAt: new Date(Date.now() - 3_600_000).toISOString(),
  inspectors: '王立新（执法证号 34060001）、陈静（执法证号 34060002）',
  present: '李明（安全部经理）',
  situation: '检查了罐区、装卸区和中控室，查阅了检测报警设备检定记录。',
};
const FACTS = '2号罐区可燃气体检测报警器未定期检定，现场负责人李明（电话13912345678）未能提供检定记录';
const BASIS = '《中华人民共和国安全生产法》第三十六条第二款';

describe('enforcement cases and their instruments', () => {
  let t: TestApp;
  let sql: pg.Client;
  let inspector: string;
  let admin: string;
  let officer: string;
  let officer2: string;
  let evaluator: string;
  let enterpriseId: string;
  let officerId: string;
  let inspectorId: string;
  const today = () => zoneDate(new Date(), 'Asia/Shanghai');

  beforeAll(async () => {
    t = await createTestApp();
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
    inspector = await t.token('inspector');
    admin = await t.token('zone_admin');
    officer = await t.token('enterprise_officer');
    officer2 = await t.token('officer2');
    evaluator = await t.token('evaluator');
    const me = await t.login('officer1@muster.test');
    officerId = me.user.id;
    enterpriseId = me.user.enterpriseId!;
    inspectorId = (await t.login('inspector@muster.test')).user.id;
  }, 60_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await sql?.end();
    await t?.close();
  });

  const post = (token: string, path: string, body: object = {}) =>
    t.http.post(`/api/enforcement${path}`).set(auth(token)).send(body);

  /** A zone inspection of officer1's enterprise that failed one item (a hazard in the ledger). */
  const failedInspection = async () => {
    const record = await t.http
      .post('/api/inspections/records')
      .set(auth(inspector))
      .send({
        enterpriseId,
        checklist: [{ text: '可燃气体检测报警器定期检定', category: 'hazardous_chemicals' }],
      });
    expect(record.status).toBe(201);
    const done = await t.http
      .post(`/api/inspections/records/${record.body.id}/complete`)
      .set(auth(inspector))
      .send({
        items: [{ itemId: 'c1', result: 'fail', note: '报警器未检定', place: '2号罐区', level: 'general' }],
      });
    expect(done.status).toBe(200);
    return { id: record.body.id as string, hazardId: done.body.items[0].hazardId as string };
  };

  const openCase = async (token = inspector): Promise<EnforcementCaseView> => {
    const inspection = await failedInspection();
    const res = await post(token, '/cases', {
      inspectionRecordId: inspection.id,
      title: '涉嫌未按规定检定可燃气体检测报警器案',
      violations: [
        { facts: FACTS, basis: BASIS, hazardId: inspection.hazardId },
        {
          facts: '装卸区静电接地装置断开',
          basis: '《危险化学品安全管理条例》第二十条',
          hazard: { place: '装卸区', category: 'hazardous_chemicals', level: 'general' },
        },
      ],
    });
    expect(res.status).toBe(201);
    return res.body as EnforcementCaseView;
  };

  const step = async (id: string, path: string, body: object = {}) => {
    const res = await post(inspector, `/cases/${id}/${path}`, body);
    expect({ path, status: res.status, body: res.status === 200 ? null : res.body }).toEqual({
      path,
      status: 200,
      body: null,
    });
    return res.body as EnforcementCaseView;
  };

  const instrumentOf = (c: EnforcementCaseView, kind: string) => c.instruments.find((i) => i.kind === kind)!;

  const pdf = async (token: string, instrumentId: string) => {
    const res = await t.http
      .get(`/api/enforcement/instruments/${instrumentId}/pdf`)
      .set(auth(token))
      .buffer(true)
      .parse(binary);
    return res;
  };

  it('opens a case from an inspection, linking its hazard and entering a new one in the ledger', async () => {
    const c = await openCase();
    expect(c).toMatchObject({ enterpriseId, status: 'open', nextSteps: ['inspection_record'] });
    expect(c.violations).toHaveLength(2);
    expect(c.violations.every((v) => /^YH-\d{6}$/.test(v.hazardCode ?? ''))).toBe(true);
    const entered = await t.http.get(`/api/hazards/${c.violations[1]!.hazardId}`).set(auth(officer));
    expect(entered.status).toBe(200);
    expect(entered.body).toMatchObject({ description: '装卸区静电接地装置断开', source: 'zone_inspection' });

    // A hazard of another enterprise is not this case's to link.
    const other = await post(inspector, '/cases', {
      enterpriseId: (await t.login('officer2@muster.test')).user.enterpriseId,
      title: '他案',
      violations: [{ facts: '某问题', basis: BASIS, hazardId: c.violations[0]!.hazardId }],
    });
    expect(other.status).toBe(400);
    expect(other.body.message).toEqual([expect.stringMatching(/^violations\.0\.hazardId: /)]);
  });

  it('refuses steps out of order with a 409 naming the missing step', async () => {
    const c = await openCase();
    const refused = async (path: string, body: object, missing: string) => {
      const res = await post(inspector, `/cases/${c.id}/${path}`, body);
      expect({ path, status: res.status }).toEqual({ path, status: 409 });
      expect(res.body.problems[0]).toMatchObject({ code: 'enforcement.stepMissing', params: { missing } });
    };
    await refused(
      'rectification-order',
      { requirement: '立即整改', deadline: addDays(today(), 10) },
      'inspection_record',
    );
    await step(c.id, 'inspection-record', INSPECTION);
    await refused(
      'recheck-opinion',
      { recheckedOn: today(), passed: true, opinion: '合格' },
      'rectification_order',
    );
    await refused('penalty-notice', { fineYuan: 30000, basis: BASIS }, 'filing');
    await step(c.id, 'filing', { cause: '涉嫌未按规定检定报警器', summary: '违法事实清楚，建议立案。' });
    await refused('closing', { execution: '—' }, 'penalty_decision');
    await refused('penalty-decision', { fineYuan: 30000, basis: BASIS, reasoning: '—' }, 'penalty_notice');
    const noticed = await step(c.id, 'penalty-notice', {
      fineYuan: 30000,
      basis: '《中华人民共和国安全生产法》第九十九条',
    });
    const notice = instrumentOf(noticed, 'penalty_notice');
    expect(notice.deadline).toBe(addDays(today(), 5));
    expect(notice.content).toMatchObject({ hearingRight: false, statementDays: 5 });
    // The statement period is still running and nothing is recorded.
    await refused(
      'penalty-decision',
      { fineYuan: 30000, basis: BASIS, reasoning: '—' },
      'statement_or_period',
    );
    // No hearing for a fine below the threshold.
    const hearing = await post(inspector, `/cases/${c.id}/statement`, {
      kind: 'hearing',
      summary: '要求听证',
      review: '—',
    });
    expect(hearing.status).toBe(400);
    // Once the period is over the decision may be made without a statement.
    const clock = t.get(Clock);
    jest.spyOn(clock, 'now').mockReturnValue(midnight(addDays(notice.deadline!, 1)));
    try {
      const decided = await step(c.id, 'penalty-decision', {
        fineYuan: 30000,
        basis: '《中华人民共和国安全生产法》第九十九条第（三）项',
        reasoning: '当事人违法事实清楚，证据确凿。',
      });
      expect(decided.nextSteps).toEqual(['rectification_order', 'onsite_measures', 'closing']);
    } finally {
      jest.restoreAllMocks();
    }
    const again = await post(inspector, `/cases/${c.id}/filing`, { cause: '重复', summary: '重复' });
    expect(again.status).toBe(409);
    expect(again.body.problems[0].code).toBe('enforcement.stepDone');
  });

  it('decides a penalty inside the statement period once the statement is recorded', async () => {
    const c = await openCase();
    await step(c.id, 'inspection-record', INSPECTION);
    await step(c.id, 'filing', { cause: '涉嫌未按规定检定报警器', summary: '建议立案。' });
    await step(c.id, 'penalty-notice', { fineYuan: 60000, basis: '《中华人民共和国安全生产法》第九十九条' });
    const heard = await step(c.id, 'statement', {
      kind: 'hearing',
      summary: '当事人称报警器已送检。',
      review: '经复核，送检在检查之后，不予采纳。',
    });
    expect(heard.statement).toMatchObject({ kind: 'hearing' });
    expect(heard.nextSteps).toContain('penalty_decision');
  });

  it('numbers instruments gap-free and uniquely when twenty are issued at once', async () => {
    const year = Number(today().slice(0, 4));
    const cases = await Promise.all(
      Array.from({ length: 20 }, async (_, n) => {
        const res = await post(inspector, '/cases', {
          enterpriseId,
          title: `并发编号测试案${n + 1}`,
          violations: [{ facts: '未按规定开展隐患排查', basis: BASIS }],
        });
        expect(res.status).toBe(201);
        return res.body as EnforcementCaseView;
      }),
    );
    const before = (
      await sql.query<{ n: number }>(
        `SELECT coalesce(max(seq), 0)::int AS n FROM enforcement_instrument WHERE kind = 'inspection_record' AND year = $1`,
        [year],
      )
    ).rows[0]!.n;
    const issued = await Promise.all(
      cases.map((c) => post(inspector, `/cases/${c.id}/inspection-record`, INSPECTION)),
    );
    expect(issued.map((r) => r.status)).toEqual(Array(20).fill(200));
    const numbers = issued.map((r) => (r.body as EnforcementCaseView).instruments[0]!.documentNo).sort();
    const expected = Array.from(
      { length: 20 },
      (_, n) => `杜集开发区应急检记〔${year}〕${before + n + 1}号`,
    ).sort();
    expect(numbers).toEqual(expected);
  });

  it('prints each instrument with its required parts', async () => {
    const c = await openCase();
    await step(c.id, 'inspection-record', INSPECTION);
    const deadline = addDays(today(), 14);
    const ordered = await step(c.id, 'rectification-order', {
      requirement: '立即更换失效报警器并送检。',
      deadline,
    });
    const order = instrumentOf(ordered, 'rectification_order');
    expect(order.documentNo).toMatch(/^杜集开发区应急责改〔\d{4}〕\d+号$/);

    const res = await pdf(inspector, order.id);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`${order.documentNo}.pdf`));
    const text = await pdfText(res.body as Buffer);
    const enterprise = (await t.http.get(`/api/enterprises/${enterpriseId}`).set(auth(admin))).body;
    for (const part of [
      '责令限期整改指令书',
      order.documentNo,
      '被检查单位',
      enterprise.name,
      enterprise.creditCode,
      '报警器未定期检定',
      BASIS,
      '立即更换失效报警器并送检',
      `整改期限：${printed(deadline)}前`,
      '杜集经济开发区管理委员会（印章）',
      printed(today()),
    ]) {
      expect({ part, found: text.includes(part.replace(/\s+/g, '')) }).toEqual({ part, found: true });
    }

    // The penalty decision names the remedies with their periods.
    const p = await openCase();
    await step(p.id, 'inspection-record', INSPECTION);
    await step(p.id, 'filing', { cause: '涉嫌未按规定检定报警器', summary: '建议立案。' });
    await step(p.id, 'penalty-notice', { fineYuan: 30000, basis: '《中华人民共和国安全生产法》第九十九条' });
    await step(p.id, 'statement', { kind: 'waived', summary: '当事人书面表示放弃。', review: '—' });
    const decided = await step(p.id, 'penalty-decision', {
      fineYuan: 30000,
      basis: '《中华人民共和国安全生产法》第九十九条第（三）项',
      reasoning: '当事人违法事实清楚，证据确凿。',
    });
    const decision = instrumentOf(decided, 'penalty_decision');
    const decisionText = await pdfText((await pdf(inspector, decision.id)).body as Buffer);
    for (const part of [
      '行政处罚决定书',
      decision.documentNo,
      '当事人',
      enterprise.name,
      '罚款人民币30,000元',
      '第九十九条第（三）项',
      instrumentOf(decided, 'penalty_notice').documentNo,
      '60日内',
      '申请行政复议',
      '6个月内',
      '提起行政诉讼',
      `${printed(addDays(today(), 15))}前`,
      '杜集经济开发区管理委员会（印章）',
    ]) {
      expect({ part, found: decisionText.includes(part) }).toEqual({ part, found: true });
    }
    const noticeText = await pdfText(
      (await pdf(inspector, instrumentOf(decided, 'penalty_notice').id)).body as Buffer,
    );
    expect(noticeText).toContain('陈述和申辩');
    expect(noticeText).toContain(`${printed(addDays(today(), 5))}前`);
  });

  it('reminds the enterprise and the inspector of a rectification deadline, and the inspector of the statement period, once each', async () => {
    const count = async (kind: NotificationKind, caseId: string, userId: string) =>
      (
        await sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM notification WHERE kind = $1 AND entity_id = $2 AND user_id = $3`,
          [kind, caseId, userId],
        )
      ).rows[0]!.n;
    const c = await openCase();
    await step(c.id, 'inspection-record', INSPECTION);
    const deadline = addDays(today(), 10);
    await step(c.id, 'rectification-order', { requirement: '立即整改。', deadline });
    const p = await openCase();
    await step(p.id, 'inspection-record', INSPECTION);
    await step(p.id, 'filing', { cause: '涉嫌违法', summary: '建议立案。' });
    const noticed = await step(p.id, 'penalty-notice', { fineYuan: 20000, basis: BASIS, statementDays: 7 });
    const statementEnds = instrumentOf(noticed, 'penalty_notice').deadline!;

    const clock = t.get(Clock);
    const scheduler = t.get(ReminderScheduler);
    const at = async (instant: Date) => {
      jest.spyOn(clock, 'now').mockReturnValue(instant);
      await scheduler.scan(['enforcement']);
      await scheduler.scan(['enforcement']);
    };
    try {
      await at(new Date(midnight(addDays(deadline, -3)).getTime() - 1000));
      expect(await count('enforcement.rectification_due', c.id, officerId)).toBe(0);
      await at(midnight(addDays(deadline, -3)));
      expect(await count('enforcement.rectification_due', c.id, officerId)).toBe(1);
      expect(await count('enforcement.rectification_due', c.id, inspectorId)).toBe(1);
      await at(midnight(addDays(deadline, -1)));
      expect(await count('enforcement.rectification_due', c.id, officerId)).toBe(2);
      await at(midnight(addDays(deadline, 1)));
      await at(midnight(addDays(deadline, 2)));
      expect(await count('enforcement.rectification_overdue', c.id, officerId)).toBe(1);
      expect(await count('enforcement.rectification_overdue', c.id, inspectorId)).toBe(1);

      // The statement period: to the inspector the day before it ends and once it has.
      await at(midnight(addDays(statementEnds, -1)));
      expect(await count('enforcement.statement_period_ending', p.id, inspectorId)).toBe(1);
      expect(await count('enforcement.statement_period_ending', p.id, officerId)).toBe(0);
      await at(midnight(addDays(statementEnds, 1)));
      await at(midnight(addDays(statementEnds, 3)));
      expect(await count('enforcement.statement_period_ended', p.id, inspectorId)).toBe(1);
    } finally {
      jest.restoreAllMocks();
    }

    // Re-inspected: the order's deadline is met and reminds no more.
    await step(c.id, 'recheck-opinion', { recheckedOn: today(), passed: true, opinion: '整改合格。' });
    jest.spyOn(clock, 'now').mockReturnValue(midnight(addDays(deadline, 5)));
    try {
      const before = await count('enforcement.rectification_overdue', c.id, officerId);
      await scheduler.scan(['enforcement']);
      expect(await count('enforcement.rectification_overdue', c.id, officerId)).toBe(before);
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('shows an enterprise its own cases and the instruments served on it, read-only', async () => {
    const c = await openCase();
    await step(c.id, 'inspection-record', INSPECTION);
    const filed = await step(c.id, 'filing', { cause: '涉嫌违法', summary: '建议立案。' });
    const filing = instrumentOf(filed, 'filing');

    const own = await t.http.get('/api/enforcement/cases').set(auth(officer)).query({ pageSize: 500 });
    expect(own.status).toBe(200);
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(own.body.items.every((i: { enterpriseId: string }) => i.enterpriseId === enterpriseId)).toBe(true);
    const seen = await t.http.get(`/api/enforcement/cases/${c.id}`).set(auth(officer));
    expect(seen.status).toBe(200);
    expect(seen.body.instruments.map((i: { kind: string }) => i.kind)).toEqual(['inspection_record']);
    expect(seen.body.nextSteps).toEqual([]);
    expect((await pdf(officer, filing.id)).status).toBe(404);
    expect((await pdf(officer, instrumentOf(filed, 'inspection_record').id)).status).toBe(200);

    const others = await t.http.get('/api/enforcement/cases').set(auth(officer2)).query({ pageSize: 500 });
    expect(others.body.items.some((i: { id: string }) => i.id === c.id)).toBe(false);
    expect((await t.http.get(`/api/enforcement/cases/${c.id}`).set(auth(officer2))).status).toBe(404);
    expect((await pdf(officer2, instrumentOf(filed, 'inspection_record').id)).status).toBe(404);

    for (const token of [officer, evaluator]) {
      const res = await post(token, `/cases/${c.id}/penalty-notice`, { fineYuan: 1000, basis: BASIS });
      expect(res.status).toBe(403);
    }
    expect(
      (
        await post(officer, '/cases', {
          enterpriseId,
          title: '自立案',
          violations: [{ facts: 'x', basis: 'y' }],
        })
      ).status,
    ).toBe(403);
    // The zone's administrator may act for the inspectors.
    expect(
      (await post(admin, `/cases/${c.id}/penalty-notice`, { fineYuan: 1000, basis: BASIS })).status,
    ).toBe(200);
  });

  it('discloses only closed cases, on the public section, without personal data', async () => {
    const section = t.get(PortalSections).get('enforcement')!;
    expect(section).toBeDefined();
    const c = await openCase();
    await step(c.id, 'inspection-record', INSPECTION);
    await step(c.id, 'rectification-order', { requirement: '立即整改。', deadline: addDays(today(), 7) });
    const early = await post(inspector, `/cases/${c.id}/disclose`);
    expect(early.status).toBe(409);
    expect(early.body.problems[0].code).toBe('enforcement.discloseOpen');
    const failed = await step(c.id, 'recheck-opinion', {
      recheckedOn: today(),
      passed: false,
      opinion: '未整改。',
    });
    expect(failed.nextSteps).toEqual(['onsite_measures', 'filing']);
    await step(c.id, 'filing', { cause: '逾期未整改', summary: '建议立案。' });
    await step(c.id, 'penalty-notice', { fineYuan: 30000, basis: '《中华人民共和国安全生产法》第九十九条' });
    await step(c.id, 'statement', { kind: 'statement', summary: '李明称已整改。', review: '不予采纳。' });
    await step(c.id, 'penalty-decision', {
      fineYuan: 30000,
      basis: '《中华人民共和国安全生产法》第九十九条第（三）项',
      reasoning: '经复核，依法处罚。',
    });
    const closed = await step(c.id, 'closing', { execution: '罚款已缴纳，整改已复查合格。' });
    expect(closed.status).toBe('closed');
    expect(await section.get(c.id)).toBeNull();

    // A closed case not disclosed stays off the public pages.
    const quiet = await openCase();
    await step(quiet.id, 'inspection-record', INSPECTION);
    await step(quiet.id, 'closing', { execution: '现场已整改。' });

    expect((await post(officer, `/cases/${c.id}/disclose`)).status).toBe(403);
    const disclosed = await step(c.id, 'disclose');
    expect(disclosed.disclosedAt).not.toBeNull();
    expect((await post(inspector, `/cases/${c.id}/disclose`)).status).toBe(409);

    const listed = await section.list(100);
    expect(listed.map((i) => i.id)).toContain(c.id);
    expect(listed.map((i) => i.id)).not.toContain(quiet.id);
    const item = (await section.get(c.id))!;
    const all = `${item.title}\n${item.summary}\n${item.body}`;
    const enterprise = (await t.http.get(`/api/enterprises/${enterpriseId}`).set(auth(admin))).body;
    for (const shown of [
      enterprise.name,
      '报警器未定期检定',
      BASIS,
      '罚款人民币30000元',
      '第九十九条第（三）项',
    ]) {
      expect({ shown, found: all.includes(shown) }).toEqual({ shown, found: true });
    }
    for (const hidden of [
      '李明',
      '13912345678',
      '王立新',
      '陈静',
      '34060001',
      '王芳',
      enterprise.legalRepresentative,
      enterprise.safetyLead,
      enterprise.dutyPhone,
    ]) {
      expect({ hidden, found: all.includes(hidden) }).toEqual({ hidden, found: false });
    }
  });
});
