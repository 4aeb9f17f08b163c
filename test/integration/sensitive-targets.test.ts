import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { SensitiveTargetView } from '@muster/contracts';
import { DEMO_SENSITIVE_TARGETS } from '../../server/src/demo/sensitive-targets-demo.js';
import { createTestApp, type TestApp } from '../support/app.js';

/** The register of sensitive targets: kept by the zone, read by officers, moved by spreadsheet and GeoJSON. */
describe('sensitive targets', () => {
  let t: TestApp;
  let inspector: string;
  let officer: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp();
    inspector = await t.token('inspector');
    officer = await t.token('enterprise_officer');
  });
  afterAll(() => t.close());

  it('is seeded in the demo zone and read by an enterprise officer', async () => {
    const res = await t.http.get('/api/sensitive-targets/map').set(auth(officer));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(DEMO_SENSITIVE_TARGETS.length);
    const kinds = new Set(res.body.items.map((x: SensitiveTargetView) => x.kind));
    expect([...kinds].sort()).toEqual([
      'hospital',
      'kindergarten',
      'market',
      'nursing_home',
      'residential',
      'school',
      'village',
      'water_source',
    ]);
    const schools = await t.http.get('/api/sensitive-targets?kind=school&q=实验').set(auth(officer));
    expect(schools.body.items.map((x: SensitiveTargetView) => x.name)).toEqual(['杜集区实验小学']);
    const refused = await t.http
      .post('/api/sensitive-targets')
      .set(auth(officer))
      .send({ kind: 'school', name: 'x', location: { lat: 34, lng: 116.8 } });
    expect(refused.status).toBe(403);
  });

  it('is kept by the zone: created, changed and deleted with the phone normalised and the outline checked', async () => {
    const created = await t.http
      .post('/api/sensitive-targets')
      .set(auth(inspector))
      .send({
        kind: 'nursing_home',
        name: '测试敬老院',
        location: { lat: 33.97, lng: 116.79 },
        populationDay: 80,
        populationNight: 75,
        contactName: '院长',
        contactPhone: '139 0561 8888',
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ contactPhone: '+8613905618888', outline: null, address: '' });
    const open = await t.http
      .patch(`/api/sensitive-targets/${created.body.id}`)
      .set(auth(inspector))
      .send({
        outline: {
          type: 'Polygon',
          coordinates: [
            [
              [116.79, 33.97],
              [116.791, 33.97],
              [116.791, 33.971],
            ],
          ],
        },
      });
    expect(open.status).toBe(400);
    expect(open.body.message).toEqual([expect.stringMatching(/^outline: must be a GeoJSON Polygon/)]);
    const negative = await t.http
      .patch(`/api/sensitive-targets/${created.body.id}`)
      .set(auth(inspector))
      .send({ populationNight: -1 });
    expect(negative.status).toBe(400);
    const gone = await t.http.delete(`/api/sensitive-targets/${created.body.id}`).set(auth(inspector));
    expect(gone.status).toBe(204);
    expect((await t.http.get(`/api/sensitive-targets/${created.body.id}`).set(auth(inspector))).status).toBe(
      404,
    );
  });

  it('round-trips through CSV, XLSX and GeoJSON: an export imported back updates every row and changes nothing', async () => {
    const before = (await t.http.get('/api/sensitive-targets/map').set(auth(inspector))).body
      .items as SensitiveTargetView[];
    for (const format of ['csv', 'xlsx', 'geojson'] as const) {
      const file = await t.http
        .get(`/api/sensitive-targets/export?format=${format}`)
        .set(auth(inspector))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(file.status).toBe(200);
      const back = await t.http
        .post('/api/sensitive-targets/import')
        .set(auth(inspector))
        .attach('file', file.body as Buffer, `targets.${format}`);
      expect({ format, status: back.status, body: back.body }).toEqual({
        format,
        status: 200,
        body: { created: 0, updated: before.length },
      });
    }
    const after = (await t.http.get('/api/sensitive-targets/map').set(auth(inspector))).body
      .items as SensitiveTargetView[];
    const strip = (x: SensitiveTargetView) => ({ ...x, updatedAt: undefined });
    expect(after.map(strip)).toEqual(before.map(strip));
  });

  it('imports new targets from a sheet and a polygon from GeoJSON, all or nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('targets');
    sheet.addRow(['kind', 'name', 'lat', 'lng', 'populationDay', 'contactPhone']);
    sheet.addRow(['market', '新建菜市场', 33.96, 116.78, 900, '13905617777']);
    sheet.addRow(['castle', '坏行', 33.96, 116.78, -5, '']);
    const bad = await t.http
      .post('/api/sensitive-targets/import')
      .set(auth(inspector))
      .attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'targets.xlsx');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^row 3: kind: /),
        expect.stringMatching(/^row 3: populationDay: /),
      ]),
    );
    expect((await t.http.get('/api/sensitive-targets?q=新建菜市场').set(auth(inspector))).body.total).toBe(0);

    const ring = [
      [116.77, 33.95],
      [116.775, 33.95],
      [116.775, 33.955],
      [116.77, 33.955],
      [116.77, 33.95],
    ];
    const geo = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: [ring] },
          properties: { kind: 'village', name: '新村', populationNight: 300 },
        },
      ],
    };
    const ok = await t.http
      .post('/api/sensitive-targets/import')
      .set(auth(inspector))
      .attach('file', Buffer.from(JSON.stringify(geo)), 'targets.geojson');
    expect(ok.body).toEqual({ created: 1, updated: 0 });
    const village = (await t.http.get('/api/sensitive-targets?q=新村').set(auth(inspector))).body
      .items[0] as SensitiveTargetView;
    expect(village.outline).toEqual({ type: 'Polygon', coordinates: [ring] });
    // Its position is a point inside the outline, where the map puts its label.
    expect(village.location.lat).toBeGreaterThan(33.95);
    expect(village.location.lat).toBeLessThan(33.955);
    expect(village.location.lng).toBeGreaterThan(116.77);
    expect(village.location.lng).toBeLessThan(116.775);
  });
});
