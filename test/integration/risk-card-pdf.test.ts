import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { RiskPointDetailView } from '@muster/contracts';
import { createTestApp, type TestApp } from '../support/app.js';

const run = promisify(execFile);

/** The text of a PDF as poppler's pdftotext reads it, with all white space taken out (CJK needs none). */
async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'muster-card-'));
  try {
    const file = path.join(dir, 'card.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    return stdout.replace(/\s+/g, '');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A binary response body as a Buffer (supertest leaves application/pdf unparsed otherwise). */
const binary = (
  res: { on: (e: string, f: (c?: Buffer) => void) => void },
  cb: (e: null, b: Buffer) => void,
) => {
  const chunks: Buffer[] = [];
  res.on('data', (c) => chunks.push(c!));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

const POST = '氯气充装工';

describe('post risk notification card as PDF', () => {
  let t: TestApp;
  let enterpriseId: string;
  const auth = async (role: Parameters<TestApp['token']>[0]) => ({
    Authorization: `Bearer ${await t.token(role)}`,
  });

  beforeAll(async () => {
    t = await createTestApp();
    const officer = await auth('enterprise_officer');
    const created = await t.http
      .post('/api/risks/points')
      .set(officer)
      .send({
        name: '液氯钢瓶充装台',
        kind: 'job',
        place: '充装车间',
        post: POST,
        hazards: [
          { factor: '钢瓶阀门泄漏', consequence: '氯气中毒' },
          { factor: '超装', consequence: '钢瓶爆裂' },
        ],
        measures: [
          { text: '充装前逐瓶检查阀门', level: 'post', person: '李四', category: 'hazardous_chemicals' },
          { text: '电子秤超装联锁', level: 'company', person: '王建国', category: 'special_equipment' },
        ],
        emergencyActions: ['佩戴正压式空气呼吸器', '启动碱液喷淋'],
      });
    expect(created.status).toBe(201);
    const point = created.body as RiskPointDetailView;
    enterpriseId = point.enterpriseId;
    await t.http
      .post(`/api/risks/points/${point.id}/assessments`)
      .set(officer)
      .send({ method: 'lec', l: 6, e: 6, c: 15 });
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it('prints the enterprise, post, grade, hazards, measures, emergency actions and phone numbers', async () => {
    const res = await t.http
      .get('/api/risks/card/pdf')
      .query({ enterpriseId, post: POST })
      .set(await auth('enterprise_officer'))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(POST));
    const body = res.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');

    const enterprise = (await t.http.get(`/api/enterprises/${enterpriseId}`).set(await auth('inspector')))
      .body as { name: string; dutyPhone: string };
    const text = await pdfText(body);
    // LEC 6 × 6 × 15 = 540: 重大 (> 320).
    for (const part of [
      '岗位风险告知卡',
      `单位：${enterprise.name}`,
      `岗位：${POST}`,
      '风险等级：重大风险',
      '液氯钢瓶充装台',
      '钢瓶阀门泄漏——氯气中毒',
      '超装——钢瓶爆裂',
      '充装前逐瓶检查阀门（岗位级，责任人：李四）',
      '电子秤超装联锁（公司级，责任人：王建国）',
      '佩戴正压式空气呼吸器',
      '启动碱液喷淋',
      `应急电话：${enterprise.dutyPhone.replace(/\s+/g, '')}`,
      '火警119',
      '急救120',
    ]) {
      expect({ part, found: text.includes(part) }).toEqual({ part, found: true });
    }
  });

  it("is another enterprise's officer's 404 and names a missing post with a 400", async () => {
    const other = await t.http
      .get('/api/risks/card/pdf')
      .query({ enterpriseId, post: POST })
      .set(await auth('officer2'));
    expect(other.status).toBe(404);
    const bad = await t.http
      .get('/api/risks/card/pdf')
      .query({ enterpriseId })
      .set(await auth('inspector'));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('post');
  });
});
