import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import type { SafetyFundYearView } from '@muster/contracts';
import { createTestApp, type TestApp } from '../support/app.js';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('safety funds', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  let officer2: string;
  let enterpriseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.token('zone_admin');
    officer = await t.token('enterprise_officer');
    officer2 = await t.token('officer2');
    enterpriseId = (await t.login('officer1@muster.test')).user.enterpriseId!;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const row = async (year: number, token = admin): Promise<SafetyFundYearView> => {
    const res = await t.http.get(`/api/safety-funds?year=${year}`).set(auth(token));
    expect(res.status).toBe(200);
    return (res.body as SafetyFundYearView[]).find((r) => r.enterpriseId === enterpriseId)!;
  };

  it('computes the requirement from the prior year’s revenue and flags a shortfall', async () => {
    const set = await t.http
      .put(`/api/safety-funds/enterprises/${enterpriseId}?year=2031`)
      .set(auth(officer))
      .send({ industry: 'dangerous_goods', priorRevenue: 100_000_000, setAside: 2_000_000 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      required: 2_475_000,
      setAside: 2_000_000,
      belowRequirement: true,
      article: '财资〔2022〕136号 第二十一条',
    });
    expect(await row(2031)).toMatchObject({ required: 2_475_000, belowRequirement: true });

    // Set aside exactly the requirement: no longer below it.
    await t.http
      .put(`/api/safety-funds/enterprises/${enterpriseId}?year=2031`)
      .set(auth(officer))
      .send({ setAside: 2_475_000 });
    expect(await row(2031)).toMatchObject({
      industry: 'dangerous_goods',
      setAside: 2_475_000,
      belowRequirement: false,
    });
    const bad = await t.http
      .put(`/api/safety-funds/enterprises/${enterpriseId}?year=2031`)
      .set(auth(officer))
      .send({ industry: 'banking', setAside: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([expect.stringMatching(/^industry: /), expect.stringMatching(/^setAside: /)]),
    );
    // Another enterprise's officer cannot report for it.
    const foreign = await t.http
      .put(`/api/safety-funds/enterprises/${enterpriseId}?year=2031`)
      .set(auth(officer2))
      .send({ setAside: 1 });
    expect(foreign.status).toBe(404);
  });

  it('validates each spend, keeps its receipt, and carries the balance into the next year', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ spentOn: '2031-04-02', category: 'entertainment', amount: 100, description: 'x' }, /^category: /],
      [{ spentOn: '2031-04-02', category: 'ppe', amount: 100, description: 'x' }, /^category: /],
      [{ spentOn: '2031-04-02', category: 'training', amount: 0, description: 'x' }, /^amount: /],
      [{ spentOn: '2031-04-02', category: 'training', amount: 1.005, description: 'x' }, /^amount: /],
      [{ spentOn: '2031-02-30', category: 'training', amount: 1, description: 'x' }, /^spentOn: /],
      [{ spentOn: '2031-04-02', category: 'training', amount: 1, description: '' }, /^description: /],
      [
        {
          spentOn: '2031-04-02',
          category: 'training',
          amount: 1,
          description: 'x',
          receiptFileIds: ['nope'],
        },
        /^receiptFileIds/,
      ],
    ];
    for (const [body, field] of cases) {
      const res = await t.http.post('/api/safety-funds/spends').set(auth(officer)).send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.message).toEqual([expect.stringMatching(field)]);
    }

    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#36c' } })
      .png()
      .toBuffer();
    const upload = await t.http.post('/api/files').set(auth(officer)).attach('file', png, '发票.png');
    expect(upload.status).toBe(201);
    const spend = await t.http
      .post('/api/safety-funds/spends')
      .set(auth(officer))
      .send({
        spentOn: '2031-04-02',
        category: 'protective_equipment',
        amount: 12_800.5,
        description: '更换防毒面具 40 套',
        receiptFileIds: [upload.body.id],
      });
    expect(spend.status).toBe(201);
    expect(spend.body.receipts).toEqual([expect.objectContaining({ id: upload.body.id, name: '发票.png' })]);
    const zoneOnly = await t.http
      .post('/api/safety-funds/spends')
      .set(auth(admin))
      .send({ spentOn: '2031-04-02', category: 'training', amount: 1, description: 'x' });
    expect(zoneOnly.status).toBe(400);
    expect(zoneOnly.body.message).toEqual([expect.stringMatching(/^enterpriseId: /)]);

    expect(await row(2031)).toMatchObject({ spent: 12_800.5, balance: 2_475_000 - 12_800.5 });
    const ledger = await t.http
      .get(`/api/safety-funds/enterprises/${enterpriseId}?year=2031`)
      .set(auth(officer));
    expect(ledger.body.spends).toHaveLength(1);
    expect(await row(2032)).toMatchObject({
      carriedOver: 2_462_199.5,
      setAside: 0,
      spent: 0,
      required: null,
    });
    const hidden = await t.http
      .get(`/api/safety-funds/enterprises/${enterpriseId}?year=2031`)
      .set(auth(officer2));
    expect(hidden.status).toBe(404);
    const own = await t.http.get('/api/safety-funds?year=2031').set(auth(officer));
    expect((own.body as SafetyFundYearView[]).map((r) => r.enterpriseId)).toEqual([enterpriseId]);
  });

  it('exports the zone table as XLSX in the reader’s language', async () => {
    const res = await t.http
      .get('/api/safety-funds/export?year=2031')
      .set(auth(admin))
      .set('Accept-Language', 'en')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Enterprise');
    const values = sheet.getSheetValues().slice(2) as unknown[][];
    const ours = values.find((v) => v.includes('dangerous_goods'))!;
    expect(ours).toEqual(expect.arrayContaining([2031, 100_000_000, 2_475_000, 12_800.5]));
  });
});
