import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import sharp from 'sharp';
import {
  MODEL_CRITERIA_TEMPLATE,
  type CultureActivityView,
  type CultureYearStats,
  type ModelApplicationDetail,
  type ModelEnterpriseView,
} from '@muster/contracts';
import { Clock } from '../../server/src/common/clock.js';
import { RequestContext } from '../../server/src/common/request-context.js';
import { CultureService } from '../../server/src/culture/culture.service.js';
import { PortalSections } from '../../server/src/portal/portal-sections.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { incidentReport } from '../support/incidents.js';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const THIS_YEAR = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);
/** A programme of next year, so the demo zone's own application of this year stays out of the way. */
const YEAR = THIS_YEAR + 1;
/** Long past: a title of 2020 valid three years lapsed at the end of 2022. */
const PAST = 2020;

const criteria = (validityYears = 3) => ({
  items: MODEL_CRITERIA_TEMPLATE,
  passScore: 80,
  incidentYears: 3,
  validityYears,
});
const fullMarks = (factor = 1) =>
  MODEL_CRITERIA_TEMPLATE.map((i) => ({ code: i.code, selfScore: i.points * factor, selfNote: '已落实' }));

describe('safety culture', () => {
  let t: TestApp;
  let admin: string;
  let inspector: string;
  let officer: string;
  let officer2: string;
  let enterpriseId: string;
  let enterprise2Id: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.token('zone_admin');
    inspector = await t.token('inspector');
    officer = await t.token('enterprise_officer');
    officer2 = await t.token('officer2');
    enterpriseId = (await t.login('officer1@muster.test')).user.enterpriseId!;
    enterprise2Id = (await t.login('officer2@muster.test')).user.enterpriseId!;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const upload = async (token: string, body: Buffer, name: string) => {
    const res = await t.http.post('/api/files').set(auth(token)).attach('file', body, name);
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const png = () =>
    sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();

  const activity = (over: Record<string, unknown> = {}) => ({
    heldOn: `${THIS_YEAR}-06-16`,
    kind: 'consultation_day',
    title: '安全生产月宣传咨询日',
    place: '厂区大门广场',
    participantCount: 85,
    description: '设置咨询台，发放宣传资料，开展灭火器使用体验。',
    ...over,
  });

  it('keeps each enterprise to its own activities, and counts them per enterprise and kind for the zone', async () => {
    const photo = await upload(officer, await png(), '咨询日.png');
    const own = await t.http
      .post('/api/culture/activities')
      .set(auth(officer))
      .send(activity({ photoFileIds: [photo] }));
    expect(own.status).toBe(201);
    const view = own.body as CultureActivityView;
    expect(view).toMatchObject({ enterpriseId, kind: 'consultation_day', participantCount: 85 });
    expect(view.photos).toEqual([expect.objectContaining({ id: photo, mime: 'image/png' })]);
    expect(view.photos[0]!.thumbnailUrl).toBe(`/api/files/${photo}/thumbnail`);

    const other = await t.http
      .post('/api/culture/activities')
      .set(auth(officer2))
      .send(activity({ kind: 'contest', title: '安全知识竞赛', heldOn: `${THIS_YEAR}-06-20` }));
    expect(other.status).toBe(201);

    // An officer may not record for another enterprise, nor read, change or delete its records.
    const foreign = await t.http
      .post('/api/culture/activities')
      .set(auth(officer))
      .send(activity({ enterpriseId: enterprise2Id }));
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toEqual([expect.stringMatching(/^enterpriseId: /)]);
    expect((await t.http.get(`/api/culture/activities/${other.body.id}`).set(auth(officer))).status).toBe(
      404,
    );
    expect(
      (await t.http.patch(`/api/culture/activities/${other.body.id}`).set(auth(officer)).send({ place: 'x' }))
        .status,
    ).toBe(404);
    expect((await t.http.delete(`/api/culture/activities/${other.body.id}`).set(auth(officer))).status).toBe(
      404,
    );

    const mine = await t.http
      .get(`/api/culture/activities?year=${THIS_YEAR}&pageSize=500`)
      .set(auth(officer));
    expect(mine.status).toBe(200);
    const mineItems = mine.body.items as CultureActivityView[];
    expect(mineItems.map((a) => a.id)).toContain(view.id);
    expect(mineItems.every((a) => a.enterpriseId === enterpriseId)).toBe(true);

    const zone = await t.http
      .get(`/api/culture/activities?year=${THIS_YEAR}&pageSize=500`)
      .set(auth(inspector));
    const zoneIds = (zone.body.items as CultureActivityView[]).map((a) => a.id);
    expect(zoneIds).toEqual(expect.arrayContaining([view.id, other.body.id]));

    const zoneStats = (await t.http.get(`/api/culture/activities/stats?year=${THIS_YEAR}`).set(auth(admin)))
      .body as CultureYearStats;
    expect(
      zoneStats.byOrganiser.find((o) => o.enterpriseId === enterprise2Id)?.byKind.contest,
    ).toBeGreaterThanOrEqual(1);
    expect(zoneStats.byKind.consultation_day).toBeGreaterThanOrEqual(1);
    expect(zoneStats.byMonth[5]).toBeGreaterThanOrEqual(2);
    const ownStats = (await t.http.get(`/api/culture/activities/stats?year=${THIS_YEAR}`).set(auth(officer)))
      .body as CultureYearStats;
    expect(ownStats.byOrganiser.map((o) => o.enterpriseId)).toEqual([enterpriseId]);

    // The assessment's finder counts the same activities.
    // As the assessment reads it: in the zone's scope.
    const counts = await t
      .get(RequestContext)
      .runAsSystem('assessment', () =>
        t.get(CultureService).activityCountsByEnterprise(THIS_YEAR, [enterpriseId, enterprise2Id]),
      );
    expect(counts.get(enterprise2Id)!.byKind.contest).toBe(
      zoneStats.byOrganiser.find((o) => o.enterpriseId === enterprise2Id)!.byKind.contest,
    );
    expect(counts.get(enterpriseId)!.total).toBe(
      zoneStats.byOrganiser.find((o) => o.enterpriseId === enterpriseId)!.total,
    );

    const changed = await t.http
      .patch(`/api/culture/activities/${view.id}`)
      .set(auth(officer))
      .send({ participantCount: 120 });
    expect(changed.body.participantCount).toBe(120);

    const { rows } = await sqlRows(
      `SELECT action FROM audit_log WHERE entity = 'culture_activity' AND entity_id = $1 ORDER BY id`,
      [view.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['culture_activity.created', 'culture_activity.updated']);
  });

  it('refuses a photo that is not an image by its content, and files that are not images at all', async () => {
    const pdf = await upload(
      officer,
      Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'),
      'photo.jpg',
    );
    const res = await t.http
      .post('/api/culture/activities')
      .set(auth(officer))
      .send(activity({ photoFileIds: [pdf] }));
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual([expect.stringMatching(/^photoFileIds: .* is not an image/)]);

    // Text posing as a photo never becomes a file.
    const text = await t.http
      .post('/api/files')
      .set(auth(officer))
      .attach('file', Buffer.from('not a picture'), '现场.jpg');
    expect(text.status).toBe(400);

    const bad = await t.http
      .post('/api/culture/activities')
      .set(auth(officer))
      .send(activity({ kind: 'party', heldOn: '2026-02-30', participantCount: -1 }));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^heldOn: /),
        expect.stringMatching(/^kind: /),
        expect.stringMatching(/^participantCount: /),
      ]),
    );
  });

  const publish = async (year: number, validityYears = 3) => {
    const res = await t.http
      .put(`/api/culture/criteria/year?year=${year}`)
      .set(auth(admin))
      .send(criteria(validityYears));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year, totalPoints: 100, passScore: 80 });
  };

  const applyAndFill = async (token: string, year: number, factor = 1): Promise<string> => {
    const created = await t.http.post('/api/culture/applications').set(auth(token)).send({ year });
    expect(created.status).toBe(201);
    const id = (created.body as ModelApplicationDetail).application.id;
    const filled = await t.http
      .put(`/api/culture/applications/${id}/items`)
      .set(auth(token))
      .send({ items: fullMarks(factor) });
    expect(filled.status).toBe(200);
    return id;
  };

  it('blocks an application while a prerequisite fails, and says which', async () => {
    await publish(YEAR);
    // The demo zone's fine-chemicals works has a major hazard past its rectification deadline.
    const checks = await t.http.get(`/api/culture/prerequisites?year=${YEAR}`).set(auth(officer2));
    expect(checks.status).toBe(200);
    expect(checks.body).toEqual([
      expect.objectContaining({ code: 'no_serious_incident', ok: true }),
      expect.objectContaining({ code: 'no_overdue_major_hazard', ok: false }),
    ]);
    const id = await applyAndFill(officer2, YEAR);
    const blocked = await t.http.post(`/api/culture/applications/${id}/submit`).set(auth(officer2));
    expect(blocked.status).toBe(409);
    expect(blocked.body.problems.map((p: { code: string }) => p.code)).toEqual([
      'culture.prerequisiteHazard',
    ]);
    const detail = (await t.http.get(`/api/culture/applications/${id}`).set(auth(admin)))
      .body as ModelApplicationDetail;
    expect(detail.application.status).toBe('draft');
    expect(detail.prerequisites.find((p) => p.code === 'no_overdue_major_hazard')?.ok).toBe(false);

    // One application per enterprise and year; the enterprise's own only.
    const again = await t.http.post('/api/culture/applications').set(auth(officer2)).send({ year: YEAR });
    expect(again.status).toBe(409);
    expect((await t.http.get(`/api/culture/applications/${id}`).set(auth(officer))).status).toBe(404);
    const over = await t.http
      .put(`/api/culture/applications/${id}/items`)
      .set(auth(officer2))
      .send({ items: [{ code: 'A1', selfScore: 7 }] });
    expect(over.status).toBe(400);
    expect(over.body.message).toEqual([expect.stringMatching(/^items\.0\.selfScore: /)]);
  });

  it('reviews, returns for evidence, awards, and lists the title on the public pages', async () => {
    const id = await applyAndFill(officer, YEAR, 0.9);
    const early = await t.http
      .put(`/api/culture/applications/${id}/review`)
      .set(auth(inspector))
      .send({ items: [{ code: 'A1', reviewScore: 5 }] });
    expect(early.status).toBe(409);

    expect((await t.http.post(`/api/culture/applications/${id}/submit`).set(auth(officer))).status).toBe(200);
    // Items once submitted are the zone's to score, not the enterprise's to change.
    expect(
      (
        await t.http
          .put(`/api/culture/applications/${id}/items`)
          .set(auth(officer))
          .send({ items: [{ code: 'A1', selfScore: 6 }] })
      ).status,
    ).toBe(409);
    const returned = await t.http
      .post(`/api/culture/applications/${id}/return`)
      .set(auth(inspector))
      .send({ note: 'E2 请补充安全生产月活动签到表' });
    expect(returned.status).toBe(200);
    expect(returned.body.application).toMatchObject({
      status: 'returned',
      returnNote: 'E2 请补充安全生产月活动签到表',
    });

    const evidence = await upload(officer, await png(), '签到表.png');
    const added = await t.http
      .put(`/api/culture/applications/${id}/items`)
      .set(auth(officer))
      .send({ items: [{ code: 'E2', selfScore: 6, selfNote: '已补充签到表', evidenceFileIds: [evidence] }] });
    expect(added.status).toBe(200);
    const e2 = (added.body as ModelApplicationDetail).application.items.find((i) => i.code === 'E2')!;
    expect(e2.evidence.map((f) => f.id)).toEqual([evidence]);
    expect((await t.http.post(`/api/culture/applications/${id}/submit`).set(auth(officer))).status).toBe(200);

    // Half the items reviewed: not yet to be awarded.
    const half = MODEL_CRITERIA_TEMPLATE.slice(0, 8).map((i) => ({ code: i.code, reviewScore: i.points }));
    await t.http
      .put(`/api/culture/applications/${id}/review`)
      .set(auth(inspector))
      .send({ items: half })
      .expect(200);
    const unreviewed = await t.http
      .post(`/api/culture/applications/${id}/decision`)
      .set(auth(admin))
      .send({ decision: 'award' });
    expect(unreviewed.status).toBe(409);
    expect(unreviewed.body.problems[0].code).toBe('culture.unreviewed');
    // The enterprise does not decide its own title.
    expect(
      (
        await t.http
          .post(`/api/culture/applications/${id}/decision`)
          .set(auth(officer))
          .send({ decision: 'award' })
      ).status,
    ).toBe(403);

    const rest = MODEL_CRITERIA_TEMPLATE.slice(8).map((i) => ({
      code: i.code,
      reviewScore: i.points - 1,
      reviewNote: '材料基本齐全',
    }));
    const reviewed = await t.http
      .put(`/api/culture/applications/${id}/review`)
      .set(auth(inspector))
      .send({ items: rest });
    expect(reviewed.body.application.reviewTotal).toBe(100 - rest.length);
    const awarded = await t.http
      .post(`/api/culture/applications/${id}/decision`)
      .set(auth(admin))
      .send({ decision: 'award', reason: '评审得分达到示范企业标准' });
    expect(awarded.status).toBe(200);
    expect(awarded.body.application).toMatchObject({ status: 'awarded', validUntil: `${YEAR + 2}-12-31` });

    const list = (await t.http.get('/api/culture/model-enterprises').set(auth(officer2)))
      .body as ModelEnterpriseView[];
    expect(list).toContainEqual(
      expect.objectContaining({
        enterpriseId,
        year: YEAR,
        title: '安全文化建设示范企业',
        validUntil: `${YEAR + 2}-12-31`,
      }),
    );
    const section = t.get(PortalSections).get('model-enterprises')!;
    const items = await section.list(20);
    const item = items.find((i) => i.id === id)!;
    expect(item.title).toContain(`${YEAR}年度安全文化建设示范企业`);
    expect(item.summary).toContain(`有效期至${YEAR + 2}-12-31`);
    // No person's name, phone or the reviewers' notes on the public page.
    expect(JSON.stringify(item)).not.toMatch(/李志强|138\d{8}|材料基本齐全/);
    expect(await section.get(id)).toEqual(item);
    expect(await section.get('not-a-title')).toBeNull();
    expect(await t.get(CultureService).modelEnterpriseIds(new Date())).toContain(enterpriseId);

    const { rows } = await sqlRows(
      `SELECT action FROM audit_log WHERE entity = 'model_application' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'model_application.created',
      'model_application.updated',
      'model_application.submitted',
      'model_application.returned',
      'model_application.updated',
      'model_application.submitted',
      'model_application.reviewed',
      'model_application.reviewed',
      'model_application.awarded',
    ]);
    // Criteria in use stay as they were scored.
    const locked = await t.http
      .put(`/api/culture/criteria/year?year=${YEAR}`)
      .set(auth(admin))
      .send(criteria());
    expect(locked.status).toBe(409);
  });

  it('drops an expired title from the public list and the finder', async () => {
    await publish(PAST);
    // The programme of 2020 ran in 2020.
    const now = jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date(`${PAST}-11-20T10:00:00+08:00`));
    const id = await applyAndFill(officer, PAST);
    await t.http.post(`/api/culture/applications/${id}/submit`).set(auth(officer)).expect(200);
    await t.http
      .put(`/api/culture/applications/${id}/review`)
      .set(auth(inspector))
      .send({ items: MODEL_CRITERIA_TEMPLATE.map((i) => ({ code: i.code, reviewScore: i.points })) })
      .expect(200);
    const awarded = await t.http
      .post(`/api/culture/applications/${id}/decision`)
      .set(auth(admin))
      .send({ decision: 'award' });
    expect(awarded.body.application.validUntil).toBe(`${PAST + 2}-12-31`);
    now.mockRestore();

    const items = await t.get(PortalSections).get('model-enterprises')!.list(50);
    expect(items.map((i) => i.id)).not.toContain(id);
    expect(await t.get(PortalSections).get('model-enterprises')!.get(id)).toBeNull();
    const current = (await t.http.get('/api/culture/model-enterprises').set(auth(admin)))
      .body as ModelEnterpriseView[];
    expect(current.filter((m) => m.year === PAST)).toEqual([]);
    // In force while it held.
    const then = (await t.http.get(`/api/culture/model-enterprises?asOf=${PAST + 2}-12-31`).set(auth(admin)))
      .body as ModelEnterpriseView[];
    expect(then).toContainEqual(expect.objectContaining({ enterpriseId, year: PAST }));
    const culture = t.get(CultureService);
    expect(await culture.modelEnterpriseIds(new Date(`${PAST + 1}-06-01T00:00:00+08:00`))).toContain(
      enterpriseId,
    );
    expect(await culture.modelEnterpriseIds(new Date(`${PAST + 3}-01-01T00:00:00+08:00`))).not.toContain(
      enterpriseId,
    );
  });

  it('blocks applying after an incident of relatively serious grade within the years the criteria name', async () => {
    const filed = await t.http
      .post('/api/incidents')
      .set(auth(officer))
      .send(incidentReport({ casualties: { deaths: 3, missing: 0, seriousInjuries: 2, minorInjuries: 0 } }));
    expect(filed.status).toBe(201);
    expect(filed.body.severity).toBe('relatively_serious');

    await publish(YEAR + 1);
    const id = await applyAndFill(officer, YEAR + 1);
    const blocked = await t.http.post(`/api/culture/applications/${id}/submit`).set(auth(officer));
    expect(blocked.status).toBe(409);
    expect(blocked.body.problems).toEqual([
      expect.objectContaining({
        code: 'culture.prerequisiteIncident',
        params: expect.objectContaining({ count: 1 }),
      }),
    ]);
  });

  async function sqlRows(sql: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }> {
    return { rows: (await t.db.query(sql, params)) as Record<string, unknown>[] };
  }
});
