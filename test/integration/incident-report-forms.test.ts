import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import type { EnterpriseView, FileView, IncidentReportView } from '@muster/contracts';
import { createTestApp, type TestApp } from '../support/app.js';
import { incidentReport } from '../support/incidents.js';
import { binary, pdfText } from '../support/pdf.js';

const LIMIT = 256 * 1024;

const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('incident report forms (Decree 493 Art. 12), their PDFs and attachments', () => {
  let t: TestApp;
  let officer: { Authorization: string };
  let otherOfficer: { Authorization: string };
  let commander: { Authorization: string };
  let record: EnterpriseView;
  let officerName: string;
  let png: Buffer;
  const pdfDoc = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

  beforeAll(async () => {
    t = await createTestApp({ env: { UPLOAD_MAX_BYTES: String(LIMIT) } });
    const o = await t.login('officer1@muster.test');
    officer = { Authorization: `Bearer ${o.accessToken}` };
    officerName = o.user.name;
    otherOfficer = { Authorization: `Bearer ${await t.token('officer2')}` };
    commander = { Authorization: `Bearer ${await t.token('commander')}` };
    record = (await t.http.get(`/api/enterprises/${o.user.enterpriseId}`).set(officer).expect(200)).body;
    png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();
  });
  afterAll(() => t.close());

  const upload = (who: Record<string, string>, bytes: Buffer, name: string) =>
    t.http.post('/api/files').set(who).attach('file', bytes, name);
  const pdf = (who: Record<string, string>, incidentId: string, reportId: string) =>
    t.http.get(`/api/incidents/${incidentId}/reports/${reportId}/pdf`).set(who).buffer(true).parse(binary);

  let incidentId: string;
  let initial: IncidentReportView;
  let photo: FileView;
  let document: FileView;

  it('Art. 12: files the six items, the unit overview filled from the enterprise record, with a photo and a document', async () => {
    photo = (await upload(officer, png, '现场照片.png').expect(201)).body;
    document = (await upload(officer, pdfDoc, '现场处置记录.pdf').expect(201)).body;
    expect(photo.thumbnailUrl).toEqual(expect.any(String));
    expect(document.thumbnailUrl).toBeNull();

    const filed = await t.http
      .post('/api/incidents')
      .set(officer)
      .send(
        incidentReport({
          otherMatters: '下风向500米内有居民区，已通知社区。',
          // The record has no scale or licences: the filer gives them; the rest comes from the record.
          unitOverview: {
            scale: '员工320人，年产甲醇30万吨',
            licences: '安全生产许可证（皖）WH安许证字〔2024〕018号',
          },
          attachmentIds: [photo.id, document.id],
        }),
      )
      .expect(201);
    incidentId = filed.body.id;
    expect(filed.body.otherMatters).toBe('下风向500米内有居民区，已通知社区。');
    expect(filed.body.unitOverview).toEqual({
      name: record.name,
      creditCode: record.creditCode,
      address: record.address,
      nature: record.industry,
      legalRepresentative: record.legalRepresentative,
      scale: '员工320人，年产甲醇30万吨',
      licences: '安全生产许可证（皖）WH安许证字〔2024〕018号',
      phone: record.dutyPhone,
    });

    const reports = (await t.http.get(`/api/incidents/${incidentId}/reports`).set(commander).expect(200))
      .body as IncidentReportView[];
    expect(reports).toHaveLength(1);
    initial = reports[0]!;
    expect(initial).toMatchObject({
      kind: 'initial',
      measuresTaken: incidentReport().measuresTaken,
      otherMatters: '下风向500米内有居民区，已通知社区。',
      unitOverview: filed.body.unitOverview,
      documentNo: null,
    });
    expect(initial.attachments.map((a) => [a.name, a.mime, a.thumbnailUrl !== null])).toEqual([
      ['现场照片.png', 'image/png', true],
      ['现场处置记录.pdf', 'application/pdf', false],
    ]);
  });

  it('an edited unit overview is kept as the filer gave it', async () => {
    const res = await t.http
      .post('/api/incidents')
      .set(officer)
      .send(incidentReport({ unitOverview: { name: '华晟煤化工（二分厂）', phone: '0561-3000000' } }))
      .expect(201);
    expect(res.body.unitOverview).toMatchObject({
      name: '华晟煤化工（二分厂）',
      phone: '0561-3000000',
      creditCode: record.creditCode,
    });
  });

  it('the 事故快报 PDF holds the six items of Art. 12, the zone, a number kept on reprint, and signature lines', async () => {
    const res = await pdf(officer, incidentId, initial.id).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const body = res.body as Buffer;
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(body);
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(
      new Date(initial.submittedAt),
    );

    const report = incidentReport();
    for (const expected of [
      '杜集经济开发区',
      '生产安全事故快报',
      `杜集开发区事故快报〔${year}〕1号`,
      // The six items, in order.
      '一、事故发生单位概况',
      '二、事故发生的时间、地点以及事故现场情况',
      '三、事故的简要经过',
      '四、已经造成或者可能造成的伤亡人数（包括下落不明的人数）和初步估计的直接经济损失',
      '五、已经采取的措施',
      '六、其他应当报告的情况',
      // Item 1 from the enterprise record.
      record.name,
      record.creditCode,
      squeeze(record.address),
      record.industry,
      record.legalRepresentative,
      '员工320人，年产甲醇30万吨',
      // Items 2–6 as filed.
      report.title,
      '危险化学品泄漏',
      squeeze(report.address),
      squeeze(report.summary),
      '死亡0人，失踪（下落不明）0人，重伤（含急性工业中毒）1人，轻伤3人',
      '初步估计直接经济损失200,000元',
      '一般事故',
      squeeze(report.measuresTaken),
      '下风向500米内有居民区，已通知社区。',
      '现场照片.png',
      '现场处置记录.pdf',
      // Signatures.
      `填报人：${report.reporter.name}`,
      '审核人（签字）',
      '单位负责人（签字）',
      '报送单位（盖章）',
    ]) {
      expect(text).toContain(expected);
    }
    const order = ['一、事故发生单位概况', '二、', '三、', '四、', '五、', '六、'].map((h) =>
      text.indexOf(h),
    );
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    // A reprint by someone else carries the same number; the report now shows it.
    const again = await pdfText((await pdf(commander, incidentId, initial.id).expect(200)).body as Buffer);
    expect(again).toContain(`杜集开发区事故快报〔${year}〕1号`);
    const listed = (await t.http.get(`/api/incidents/${incidentId}/reports`).set(officer).expect(200)).body;
    expect(listed[0].documentNo).toBe(`杜集开发区事故快报〔${year}〕1号`);
    const audit = await t
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'incident.report_numbered' AND entity_id = $1`,
        [incidentId],
      );
    expect(audit[0].n).toBe(1);
  });

  it('the next report printed takes the next number, once even when printed twice at the same moment', async () => {
    const second = await t.http.post('/api/incidents').set(officer).send(incidentReport()).expect(201);
    const [r] = (await t.http.get(`/api/incidents/${second.body.id}/reports`).set(officer).expect(200)).body;
    const both = await Promise.all([
      pdf(officer, second.body.id, r.id),
      pdf(commander, second.body.id, r.id),
    ]);
    for (const res of both) {
      expect(res.status).toBe(200);
      expect(await pdfText(res.body as Buffer)).toMatch(/杜集开发区事故快报〔\d{4}〕2号/);
    }
    const third = await t.http.post('/api/incidents').set(officer).send(incidentReport()).expect(201);
    const [r3] = (await t.http.get(`/api/incidents/${third.body.id}/reports`).set(officer).expect(200)).body;
    const text = await pdfText((await pdf(officer, third.body.id, r3.id).expect(200)).body as Buffer);
    expect(text).toMatch(/杜集开发区事故快报〔\d{4}〕3号/);
  });

  it('the 续报 PDF holds the progress, the new figures against the last, measures, other matters and its number', async () => {
    const extra = (await upload(officer, png, '续报照片.png').expect(201)).body as FileView;
    const sup = await t.http
      .post(`/api/incidents/${incidentId}/reports`)
      .set(officer)
      .send({
        casualties: { deaths: 1, missing: 1, seriousInjuries: 2, minorInjuries: 3 },
        directLossCny: 1_500_000,
        summary: '搜救中发现一名员工死亡，仍有一人下落不明。',
        measuresTaken: '增派消防救援力量，扩大警戒范围至300米。',
        otherMatters: '已请求市应急管理局派出专家组。',
        attachmentIds: [extra.id],
      })
      .expect(201);
    expect(sup.body).toMatchObject({
      kind: 'supplementary',
      measuresTaken: '增派消防救援力量，扩大警戒范围至300米。',
      otherMatters: '已请求市应急管理局派出专家组。',
      unitOverview: expect.objectContaining({ name: record.name }),
      attachments: [expect.objectContaining({ id: extra.id, name: '续报照片.png' })],
    });
    const text = await pdfText((await pdf(commander, incidentId, sup.body.id).expect(200)).body as Buffer);
    for (const expected of [
      '杜集经济开发区',
      '生产安全事故续报',
      '第1次续报',
      '杜集开发区事故续报〔',
      record.name,
      '搜救中发现一名员工死亡，仍有一人下落不明。',
      '死亡1人，失踪（下落不明）1人，重伤（含急性工业中毒）2人，轻伤3人',
      '初步估计直接经济损失1,500,000元',
      // One dead and one missing count as two: still below three, an ordinary accident.
      '一般事故',
      '上次报告：死亡0人，失踪（下落不明）0人，重伤（含急性工业中毒）1人，轻伤3人',
      '增派消防救援力量，扩大警戒范围至300米。',
      '已请求市应急管理局派出专家组。',
      '续报照片.png',
      // A 续报 is signed by whoever filed it, not by the first report's reporter.
      `填报人：${squeeze(officerName)}`,
      '审核人（签字）',
      '单位负责人（签字）',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('六、其他应当报告的情况');
  });

  it('refuses a file whose bytes lie about its type, and one over the size limit, naming the field', async () => {
    const lying = await upload(officer, Buffer.from('<html><script>alert(1)</script></html>'), 'photo.png');
    expect(lying.status).toBe(400);
    expect(lying.body.message).toEqual([expect.stringMatching(/^file: /)]);

    const big = Buffer.concat([png, Buffer.alloc(LIMIT)]);
    const over = await upload(officer, big, 'big.png');
    expect(over.status).toBe(413);
    expect(over.body.message).toEqual([expect.stringMatching(/^file: larger than/)]);

    const bad = await t.http
      .post('/api/incidents')
      .set(officer)
      .send(incidentReport({ attachmentIds: ['not-a-uuid'] }));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual([expect.stringMatching(/^attachmentIds/)]);
  });

  it('another enterprise can neither read the attachments and forms nor attach the files to its own report', async () => {
    expect((await t.http.get(photo.url).set(otherOfficer)).status).toBe(404);
    expect((await t.http.get(photo.thumbnailUrl!).set(otherOfficer)).status).toBe(404);
    expect((await t.http.get(document.url).set(otherOfficer)).status).toBe(404);
    expect((await pdf(otherOfficer, incidentId, initial.id)).status).toBe(404);
    expect((await t.http.get(`/api/incidents/${incidentId}/reports`).set(otherOfficer)).status).toBe(404);

    const stolen = await t.http
      .post('/api/incidents')
      .set(otherOfficer)
      .send(incidentReport({ attachmentIds: [photo.id] }));
    expect(stolen.status).toBe(400);
    expect(stolen.body.message).toEqual([
      `attachmentIds: file ${photo.id} does not exist or belongs elsewhere`,
    ]);

    // The owners and the zone read them.
    expect((await t.http.get(photo.url).set(officer)).status).toBe(200);
    expect((await t.http.get(document.url).set(commander)).status).toBe(200);
  });

  it('a report that is not the incident’s is a 404', async () => {
    const other = await t.http.post('/api/incidents').set(officer).send(incidentReport()).expect(201);
    expect((await pdf(officer, other.body.id, initial.id)).status).toBe(404);
  });
});

describe('a server without the report font', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { REPORT_FONT: '/nonexistent/fonts/missing.ttc:Missing' } });
  });
  afterAll(() => t.close());

  it('answers 503 naming what to install, and gives out no document number', async () => {
    const officer = { Authorization: `Bearer ${await t.token('enterprise_officer')}` };
    const filed = await t.http.post('/api/incidents').set(officer).send(incidentReport()).expect(201);
    const [report] = (await t.http.get(`/api/incidents/${filed.body.id}/reports`).set(officer).expect(200))
      .body;
    const res = await t.http.get(`/api/incidents/${filed.body.id}/reports/${report.id}/pdf`).set(officer);
    expect(res.status).toBe(503);
    expect(res.body.message).toMatch(/REPORT_FONT/);
    expect(res.body.problems).toEqual([expect.objectContaining({ code: 'incident.reportFontMissing' })]);
    const after = (await t.http.get(`/api/incidents/${filed.body.id}/reports`).set(officer).expect(200)).body;
    expect(after[0].documentNo).toBeNull();
  });
});
