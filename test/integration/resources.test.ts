import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import pg from 'pg';
import type { NearestResourceView, ResourceView } from '@muster/contracts';
import { nearestQuery } from '../../server/src/resources/resource.repository.js';
import { isInsideZone } from '../../server/src/zone/zone-geometry.js';
import { createTestApp, type TestApp } from '../support/app.js';

/** earthdistance's sphere: earth() = 6378168 m. */
const EARTH_RADIUS_M = 6_378_168;
const rad = (d: number) => (d * Math.PI) / 180;

function haversine(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const a =
    Math.sin(rad(lat2 - lat1) / 2) ** 2 +
    Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lng2 - lng1) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

const GENERATED = 20_000;

describe('resources', () => {
  let t: TestApp;
  let client: pg.Client;
  let admin: string;
  let officer: string;
  let officerEnterprise: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.token('zone_admin');
    officer = await t.token('enterprise_officer');
    officerEnterprise = (await t.login('officer1@muster.test')).user.enterpriseId!;
    client = new pg.Client({ connectionString: t.db.url });
    await client.connect();
    // Generated data around the zone and beyond (±0.5°, ~50 km), half of it owned by enterprises.
    await client.query(`SELECT setseed(0.42)`);
    await client.query(
      `INSERT INTO resource (enterprise_id, type, name, lat, lng)
       SELECT CASE WHEN random() < 0.5 THEN NULL ELSE (SELECT id FROM enterprise ORDER BY name OFFSET (g % 11) LIMIT 1) END,
              (ARRAY['fire_hydrant','warehouse','medical_point','shelter','vehicle','supplies'])[1 + (g % 6)],
              'generated ' || g,
              33.99 + (random() - 0.5),
              116.83 + (random() - 0.5)
         FROM generate_series(1, $1) g`,
      [GENERATED],
    );
    await client.query('ANALYZE resource');
  }, 120_000);
  afterAll(async () => {
    await client.end();
    await t.close();
  });

  async function everything(): Promise<
    { id: string; lat: number; lng: number; type: string; enterprise_id: string | null }[]
  > {
    return (await client.query('SELECT id, lat, lng, type, enterprise_id FROM resource')).rows;
  }

  describe('nearest', () => {
    const points = [
      { lat: 33.99, lng: 116.83 }, // the middle of the zone
      { lat: 33.9962, lng: 116.8128 }, // at an enterprise
      { lat: 34.3, lng: 117.2 }, // far outside, where the generated data thins out
    ];

    it.each(points)('equals a brute-force haversine sort (%o)', async ({ lat, lng }) => {
      const all = await everything();
      for (const types of [undefined, ['fire_hydrant'], ['warehouse', 'medical_point']]) {
        const res = await t.http
          .get('/api/resources/nearest')
          .query({ lat, lng, limit: 25, ...(types ? { types: types.join(',') } : {}) })
          .set(auth(admin));
        expect(res.status).toBe(200);
        const got = res.body.items as NearestResourceView[];
        const expected = all
          .filter((r) => !types || types.includes(r.type))
          .map((r) => ({ id: r.id, d: haversine(lat, lng, r.lat, r.lng) }))
          .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1))
          .slice(0, 25);
        expect(got.map((r) => r.id)).toEqual(expected.map((r) => r.id));
        got.forEach((r, i) => expect(Math.abs(r.distanceM - expected[i]!.d)).toBeLessThan(0.1));
        if (types) expect(got.every((r) => types.includes(r.type))).toBe(true);
      }
    });

    it('respects maxDistanceM and validates its parameters', async () => {
      const res = await t.http
        .get('/api/resources/nearest?lat=33.99&lng=116.83&limit=100&maxDistanceM=300')
        .set(auth(admin));
      expect(res.status).toBe(200);
      expect((res.body.items as NearestResourceView[]).every((r) => r.distanceM <= 300)).toBe(true);
      const bad = await t.http.get('/api/resources/nearest?lat=95&lng=116.83&types=rocket').set(auth(admin));
      expect(bad.status).toBe(400);
      expect(bad.body.message).toEqual(
        expect.arrayContaining([expect.stringMatching(/^lat: /), expect.stringMatching(/^types: /)]),
      );
    });

    it('is served by the GiST index on ll_to_earth(lat, lng)', async () => {
      const { sql, params } = nearestQuery({
        lat: 33.99,
        lng: 116.83,
        radiusM: 1000,
        limit: 10,
        types: ['fire_hydrant'],
        scope: { kind: 'zone' },
      });
      const explain = async () =>
        ((await client.query(`EXPLAIN ${sql}`, params)).rows as { 'QUERY PLAN': string }[])
          .map((r) => r['QUERY PLAN'])
          .join('\n');
      // With statistics of 20,000 rows the planner picks the index by itself...
      const plan = await explain();
      expect(plan).toMatch(
        /Index Scan using resource_location_idx|Bitmap Index Scan on resource_location_idx/,
      );
      // The earth_box pre-filter is the index condition (inlined as a cube containment).
      expect(plan).toMatch(/Index Cond: \(\(ll_to_earth\(lat, lng\)\)::cube <@ '\(/);
      // ...and with sequential scans priced out it is certainly usable for this exact statement.
      await client.query('SET enable_seqscan = off');
      try {
        expect(await explain()).toMatch(/resource_location_idx/);
      } finally {
        await client.query('RESET enable_seqscan');
      }
      const started = process.hrtime.bigint();
      const res = await client.query(sql, params);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      expect(res.rows.length).toBe(10);
      // Timing on this machine, for the record (not asserted: CI machines vary).
      console.info(`nearest 10 of ${GENERATED}+ rows: ${ms.toFixed(1)} ms`);
    });
  });

  describe('scope', () => {
    it("an officer sees only their enterprise's resources; others are 404", async () => {
      const mine = await t.http.get('/api/resources?pageSize=500').set(auth(officer));
      expect(mine.status).toBe(200);
      expect(mine.body.total).toBeGreaterThan(0);
      expect(new Set((mine.body.items as ResourceView[]).map((r) => r.enterpriseId))).toEqual(
        new Set([officerEnterprise]),
      );

      const all = await everything();
      const zone = all.find((r) => r.enterprise_id === null)!;
      const foreign = all.find((r) => r.enterprise_id && r.enterprise_id !== officerEnterprise)!;
      for (const r of [zone, foreign]) {
        expect((await t.http.get(`/api/resources/${r.id}`).set(auth(officer))).status).toBe(404);
        expect(
          (await t.http.patch(`/api/resources/${r.id}`).set(auth(officer)).send({ status: 'in_use' })).status,
        ).toBe(404);
      }
      const near = await t.http
        .get('/api/resources/nearest?lat=33.99&lng=116.83&limit=50')
        .set(auth(officer));
      expect(
        (near.body.items as NearestResourceView[]).every((r) => r.enterpriseId === officerEnterprise),
      ).toBe(true);
    });
  });

  describe('the map in one request', () => {
    it("answers every match as [id, type, status, alert, lat, lng], in the caller's scope and filters", async () => {
      const all = await everything();
      const zone = await t.http.get('/api/resources/map').set(auth(admin));
      expect(zone.status).toBe(200);
      expect(zone.body.total).toBe(all.length);
      expect(new Set(zone.body.items.map((p: unknown[]) => p[0]))).toEqual(new Set(all.map((r) => r.id)));
      const sample = all[0]!;
      expect(zone.body.items.find((p: unknown[]) => p[0] === sample.id)).toEqual([
        sample.id,
        sample.type,
        expect.any(String),
        expect.stringMatching(/^(ok|expiring|expired)$/),
        sample.lat,
        sample.lng,
      ]);

      const own = await t.http.get('/api/resources/map').set(auth(officer));
      const mine = all.filter((r) => r.enterprise_id === officerEnterprise).map((r) => r.id);
      expect(mine.length).toBeGreaterThan(0);
      expect(new Set(own.body.items.map((p: unknown[]) => p[0]))).toEqual(new Set(mine));

      const hydrants = await t.http
        .get('/api/resources/map')
        .query({ types: 'fire_hydrant,warehouse', enterpriseId: 'zone' })
        .set(auth(admin));
      const expected = all
        .filter((r) => r.enterprise_id === null && ['fire_hydrant', 'warehouse'].includes(r.type))
        .map((r) => r.id);
      expect(new Set(hydrants.body.items.map((p: unknown[]) => p[0]))).toEqual(new Set(expected));
      expect(
        (await t.http.get('/api/resources/map').query({ types: 'rocket' }).set(auth(admin))).status,
      ).toBe(400);
    });
  });

  describe('records', () => {
    it('creates with a normalized custodian phone and flags expiry', async () => {
      const today = new Date();
      const soon = new Date(today.getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
      const res = await t.http
        .post('/api/resources')
        .set(auth(admin))
        .send({
          type: 'supplies',
          name: '测试防毒面具',
          quantity: 20,
          unit: '个',
          custodianPhone: '0561-3011001',
          location: { lat: 33.99, lng: 116.83 },
          expiresOn: soon,
        });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        custodianPhone: '+865613011001',
        alert: 'expiring',
        status: 'available',
      });
      const bad = await t.http
        .post('/api/resources')
        .set(auth(admin))
        .send({ type: 'supplies', name: 'x', custodianPhone: '999', location: { lat: 33.99, lng: 200 } });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^custodianPhone: /),
          expect.stringMatching(/^location\.lng: /),
        ]),
      );
    });

    it('the demo has a few hundred resources inside the zone, some expiring or expired', async () => {
      const demo = (
        await client.query(
          `SELECT type, lat, lng FROM resource WHERE name NOT LIKE 'generated %' AND name NOT LIKE '测试%'`,
        )
      ).rows as { type: string; lat: number; lng: number }[];
      expect(demo.length).toBeGreaterThan(300);
      expect(demo.filter((r) => r.type === 'fire_hydrant').length).toBeGreaterThan(100);
      for (const type of ['warehouse', 'medical_point', 'shelter']) {
        expect(demo.some((r) => r.type === type)).toBe(true);
      }
      for (const r of demo) expect(isInsideZone(r.lat, r.lng)).toBe(true);
      const expiring = await t.http.get('/api/resources?alert=expiring&pageSize=500').set(auth(admin));
      expect(expiring.body.total).toBeGreaterThan(0);
      expect((expiring.body.items as ResourceView[]).every((r) => r.alert !== 'ok')).toBe(true);
    });
  });

  describe('import and export', () => {
    const count = async () => Number((await client.query('SELECT count(*) FROM resource')).rows[0].count);

    it('an XLSX with bad rows imports nothing and names every bad row', async () => {
      const before = await count();
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('resources');
      ws.addRow(['type', 'name', 'quantity', 'unit', 'lat', 'lng', 'custodianPhone', 'expiresOn']);
      ws.addRow(['supplies', '沙袋', 100, '个', 33.99, 116.83, '13805610001', '2027-01-01']);
      ws.addRow(['rocket', '火箭', 1, '枚', 33.99, 116.83, '', '']); // row 3: bad type
      ws.addRow(['supplies', '水带', -5, '盘', 'north', 116.83, '', '']); // row 4: quantity, lat
      ws.addRow(['warehouse', '二号库', 1, '座', 33.99, 116.83, '', new Date(Date.UTC(2027, 0, 31))]);
      ws.addRow(['shelter', '', 1, '处', 33.99, 116.83, '12', '2027-02-30']); // row 6: name, phone, date
      const res = await t.http
        .post('/api/resources/import')
        .set(auth(admin))
        .attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'resources.xlsx');
      expect(res.status).toBe(400);
      const msgs = res.body.message as string[];
      for (const prefix of [
        'row 3: type: ',
        'row 4: quantity: ',
        'row 4: location.lat: ',
        'row 6: name: ',
        'row 6: custodianPhone: ',
        'row 6: expiresOn: ',
      ]) {
        expect(msgs.some((m) => m.startsWith(prefix))).toBe(true);
      }
      expect(msgs.some((m) => /^row (2|5):/.test(m))).toBe(false);
      expect(await count()).toBe(before);
    });

    const point = (lng: number, lat: number) => ({ type: 'Point', coordinates: [lng, lat] });
    const geojson = (features: unknown[]) =>
      Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }), 'utf8');

    it('a GeoJSON file with bad features imports nothing and names each feature and field', async () => {
      const before = await count();
      const res = await t.http
        .post('/api/resources/import')
        .set(auth(admin))
        .attach(
          'file',
          geojson([
            {
              type: 'Feature',
              geometry: point(116.83, 33.99),
              properties: { type: 'supplies', name: '吸附棉' },
            },
            { type: 'Feature', geometry: point(116.83, 33.99), properties: { type: 'rocket', name: '火箭' } },
            {
              type: 'Feature',
              geometry: { type: 'LineString', coordinates: [] },
              properties: { type: 'shelter', name: '避难所' },
            },
            {
              type: 'Feature',
              geometry: point(116.83, 33.99),
              properties: { type: 'vehicle', name: '', quantity: -1 },
            },
            {
              type: 'Feature',
              geometry: point(116.83, 33.99),
              properties: { type: 'supplies', name: '沙袋', colour: 'red' },
            },
            { type: 'Thing' },
          ]),
          'resources.geojson',
        );
      expect(res.status).toBe(400);
      const msgs = res.body.message as string[];
      for (const prefix of [
        'feature 2: type: ',
        'feature 3: geometry: ',
        'feature 4: name: ',
        'feature 4: quantity: ',
        'feature 5: properties.colour: ',
        'feature 6: type: ',
      ]) {
        expect(msgs.some((m) => m.startsWith(prefix))).toBe(true);
      }
      expect(msgs.some((m) => m.startsWith('feature 1:'))).toBe(false);
      expect(await count()).toBe(before);

      const notCollection = await t.http
        .post('/api/resources/import')
        .set(auth(admin))
        .attach('file', Buffer.from('{"type":"Feature"}'), 'x.geojson');
      expect(notCollection.status).toBe(400);
      expect(notCollection.body.message).toEqual(['file: must be a GeoJSON FeatureCollection']);
    });

    it('imports a clean GeoJSON file, and an exported feature updates its resource', async () => {
      const before = await count();
      const res = await t.http
        .post('/api/resources/import')
        .set(auth(admin))
        .attach(
          'file',
          geojson([
            {
              type: 'Feature',
              geometry: point(116.8311, 33.9911),
              properties: { type: 'supplies', name: 'GeoJSON 沙袋', quantity: 50, unit: '个' },
            },
            {
              type: 'Feature',
              geometry: point(116.8312, 33.9912),
              properties: { type: 'vehicle', name: 'GeoJSON 救援车', status: 'in_use' },
            },
          ]),
          'resources.geojson',
        );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ created: 2, updated: 0 });
      expect(await count()).toBe(before + 2);
      const [row] = (await client.query(`SELECT * FROM resource WHERE name = 'GeoJSON 沙袋'`)).rows as {
        id: string;
        lat: number;
        lng: number;
        quantity: number;
      }[];
      expect(row).toMatchObject({ lat: 33.9911, lng: 116.8311, quantity: 50 });

      // A feature as the export writes it (all the view's fields) updates the resource it names.
      const view = (await t.http.get(`/api/resources/${row!.id}`).set(auth(admin))).body as ResourceView;
      const { location, ...properties } = view;
      const again = await t.http
        .post('/api/resources/import')
        .set(auth(admin))
        .attach(
          'file',
          geojson([
            {
              type: 'Feature',
              id: view.id,
              geometry: point(location.lng, location.lat),
              properties: { ...properties, quantity: 80 },
            },
          ]),
          'export.geojson',
        );
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ created: 0, updated: 1 });
      expect((await t.http.get(`/api/resources/${row!.id}`).set(auth(admin))).body.quantity).toBe(80);
    });

    it('imports a clean CSV and exports CSV, XLSX and GeoJSON', async () => {
      const before = await count();
      const csv =
        '\uFEFFtype,name,quantity,unit,lat,lng,status\nsupplies,导入沙袋,200,个,33.991,116.831,available\nvehicle,导入救援车,1,辆,33.992,116.832,in_use\n';
      const res = await t.http
        .post('/api/resources/import')
        .set(auth(admin))
        .attach('file', Buffer.from(csv), 'r.csv');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ created: 2, updated: 0 });
      expect(await count()).toBe(before + 2);

      const geo = await t.http.get('/api/resources/export?format=geojson').set(auth(officer)).buffer(true);
      expect(geo.status).toBe(200);
      expect(geo.headers['content-type']).toMatch(/^application\/geo\+json/);
      const fc = JSON.parse(geo.text ?? geo.body.toString());
      expect(fc.type).toBe('FeatureCollection');
      expect(fc.features.length).toBeGreaterThan(0);
      expect(fc.features[0].geometry.type).toBe('Point');
      expect(
        fc.features.every(
          (f: { properties: { enterpriseId: string } }) => f.properties.enterpriseId === officerEnterprise,
        ),
      ).toBe(true);

      const xlsx = await t.http
        .get('/api/resources/export?format=xlsx')
        .set(auth(officer))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      expect(sheet.getRow(1).getCell(1).value).toBe('id');
      expect(sheet.rowCount - 1).toBe(fc.features.length);
    });
  });
});
