import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import pg from 'pg';
import { type ArticleView, personalDataIn } from '@muster/contracts';
import { PortalSections } from '../../server/src/portal/portal-sections.js';
import { createTestApp, type TestApp } from '../support/app.js';

const MARKUP = '<script>alert("x")</script><b>粗体</b> & 〈通知〉';

interface AtomEntry {
  id: string;
  title: { '#text': string; '@_type': string };
  updated: string;
  published: string;
  link: { '@_rel': string; '@_href': string; '@_type': string }[] | { '@_rel': string; '@_href': string };
  summary: { '#text': string };
  content: { '#text': string; '@_type': string };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => name === 'entry' || name === 'link',
  // Entities stay as the reader decodes them: the test looks at the text, not at the markup.
  processEntities: true,
  htmlEntities: false,
});

function parseFeed(xml: string): { feed: Record<string, unknown> & { entry?: AtomEntry[] } } {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as { feed: Record<string, unknown> & { entry?: AtomEntry[] } };
}

describe('public pages and feed (政府门户发布)', () => {
  let t: TestApp;
  let sql: pg.Client;
  let admin: { Authorization: string };
  let inspector: { Authorization: string };
  let commander: { Authorization: string };

  const write = async (
    who: { Authorization: string },
    title: string,
    body = '第一段。\n\n第二段。',
    kind = 'notice',
  ) =>
    (await t.http.post('/api/portal/articles').set(who).send({ kind, title, body }).expect(201))
      .body as ArticleView;
  const submit = async (id: string, who = inspector) =>
    (await t.http.post(`/api/portal/articles/${id}/submit`).set(who).expect(200)).body as ArticleView;
  const approve = async (id: string, who = admin) =>
    (await t.http.post(`/api/portal/articles/${id}/approve`).set(who).send({}).expect(200))
      .body as ArticleView;
  const publish = async (title: string, body?: string, kind?: string) => {
    const a = await write(inspector, title, body, kind);
    await submit(a.id);
    return approve(a.id);
  };
  const page = (path: string) => t.http.get(path).expect(200);

  beforeAll(async () => {
    t = await createTestApp();
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
    admin = { Authorization: `Bearer ${await t.token('zone_admin')}` };
    inspector = { Authorization: `Bearer ${await t.token('inspector')}` };
    commander = { Authorization: `Bearer ${await t.token('commander')}` };
  });

  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  it('shows only approved versions: drafts, pending, rejected and withdrawn items stay off the pages and the feed', async () => {
    const draft = await write(inspector, '草稿通知-未提交');
    const pending = await write(inspector, '待审通知-已提交');
    await submit(pending.id);
    const rejected = await write(inspector, '退回通知-需修改');
    await submit(rejected.id);
    await t.http
      .post(`/api/portal/articles/${rejected.id}/reject`)
      .set(admin)
      .send({ note: '请补充检查时间' })
      .expect(200);
    const withdrawn = await publish('撤回通知-曾发布');
    const live = await publish('冬季防火安全检查通知');
    const knowledge = await publish('有限空间作业安全须知', '先通风、再检测、后作业。', 'knowledge');

    const notices = (await page('/public/notices')).text;
    expect(notices).toContain('冬季防火安全检查通知');
    expect(notices).toContain('撤回通知-曾发布');
    for (const hidden of ['草稿通知-未提交', '待审通知-已提交', '退回通知-需修改'])
      expect(notices).not.toContain(hidden);
    expect((await page('/public/knowledge')).text).toContain('有限空间作业安全须知');
    expect((await page(`/public/notices/${live.id}`)).text).toContain('第二段。');
    for (const a of [draft, pending, rejected]) await t.http.get(`/public/notices/${a.id}`).expect(404);
    // An article is found only in the section of its kind.
    await t.http.get(`/public/notices/${knowledge.id}`).expect(404);

    await t.http
      .post(`/api/portal/articles/${withdrawn.id}/withdraw`)
      .set(admin)
      .send({ note: '信息已过期' })
      .expect(200);
    expect((await page('/public/notices')).text).not.toContain('撤回通知-曾发布');
    expect((await page('/public/')).text).not.toContain('撤回通知-曾发布');
    await t.http.get(`/public/notices/${withdrawn.id}`).expect(404);

    const feed = parseFeed((await page('/public/feed.atom')).text);
    const titles = (feed.feed.entry ?? []).map((e) => e.title['#text']);
    expect(titles).toEqual(expect.arrayContaining(['冬季防火安全检查通知', '有限空间作业安全须知']));
    for (const hidden of ['草稿通知-未提交', '待审通知-已提交', '退回通知-需修改', '撤回通知-曾发布'])
      expect(titles).not.toContain(hidden);
    const sectionFeed = parseFeed((await page('/public/knowledge/feed.atom')).text);
    expect((sectionFeed.feed.entry ?? []).map((e) => e.title['#text'])).toEqual(
      expect.arrayContaining(['有限空间作业安全须知']),
    );
    expect((sectionFeed.feed.entry ?? []).map((e) => e.title['#text'])).not.toContain('冬季防火安全检查通知');
  });

  it('keeps the published version public while an edit waits for review', async () => {
    const a = await publish('危险化学品运输车辆停放管理通知', '原文：车辆停放于专用停车场。');
    const edited = (
      await t.http
        .patch(`/api/portal/articles/${a.id}`)
        .set(commander)
        .send({ body: '修订：车辆一律停放于专用停车场并登记。' })
        .expect(200)
    ).body as ArticleView;
    expect(edited).toMatchObject({ state: 'draft', live: true });
    await submit(a.id, commander);
    const meanwhile = (await page(`/public/notices/${a.id}`)).text;
    expect(meanwhile).toContain('原文：车辆停放于专用停车场。');
    expect(meanwhile).not.toContain('修订');
    // The admin reviews what the commander wrote; the inspector (the first author) may not approve at all.
    await t.http.post(`/api/portal/articles/${a.id}/approve`).set(inspector).send({}).expect(403);
    await approve(a.id);
    expect((await page(`/public/notices/${a.id}`)).text).toContain('修订：车辆一律停放于专用停车场并登记。');
  });

  it('refuses self-approval, and steps out of order', async () => {
    const own = await write(admin, '管理员自写通知');
    await submit(own.id, admin);
    const refused = await t.http.post(`/api/portal/articles/${own.id}/approve`).set(admin).send({});
    expect(refused.status).toBe(403);
    expect(refused.body.problems?.[0]?.code).toBe('portal.selfApproval');
    // Nor can the author reject their own to dodge the rule, and the item is still unpublished.
    await t.http.post(`/api/portal/articles/${own.id}/reject`).set(admin).send({ note: '自审' }).expect(403);
    await t.http.get(`/public/notices/${own.id}`).expect(404);

    const draft = await write(inspector, '未提交的通知');
    await t.http.post(`/api/portal/articles/${draft.id}/approve`).set(admin).send({}).expect(409);
    await t.http.post(`/api/portal/articles/${draft.id}/withdraw`).set(admin).send({}).expect(409);
    await submit(draft.id);
    await t.http.post(`/api/portal/articles/${draft.id}/submit`).set(inspector).expect(409);
    await t.http.post(`/api/portal/articles/${draft.id}/reject`).set(admin).send({}).expect(400);
    const blank = await t.http
      .post('/api/portal/articles')
      .set(inspector)
      .send({ kind: 'notice', title: '空白', body: ' \n\n ' });
    expect(blank.status).toBe(400);
    expect(blank.body.message).toEqual(['body: must not be blank']);
  });

  it('gives authoring to zone staff and reviewing to the reviewing role only', async () => {
    const officer = { Authorization: `Bearer ${await t.token('enterprise_officer')}` };
    const responder = { Authorization: `Bearer ${await t.token('responder')}` };
    for (const who of [officer, responder]) {
      await t.http.get('/api/portal/articles').set(who).expect(403);
      await t.http
        .post('/api/portal/articles')
        .set(who)
        .send({ kind: 'notice', title: 'x', body: 'y' })
        .expect(403);
    }
    const a = await write(inspector, '角色测试通知');
    await submit(a.id);
    await t.http.post(`/api/portal/articles/${a.id}/approve`).set(commander).send({}).expect(403);
    await t.http.post(`/api/portal/articles/${a.id}/approve`).set(inspector).send({}).expect(403);
    await t.http.get('/api/portal/articles').expect(401);
    // The public pages need no account.
    await t.http.get('/public/').expect(200);
  });

  it('refuses to submit personal data for publication', async () => {
    const a = await write(inspector, '联系人通知', '如有疑问请联系张工，手机13905612345。');
    const refused = await t.http.post(`/api/portal/articles/${a.id}/submit`).set(inspector).expect(400);
    expect(refused.body.problems?.[0]).toMatchObject({ code: 'portal.personalData.mobile', field: 'body' });
  });

  it('renders stored markup as text in HTML and escapes it in Atom', async () => {
    const a = await publish(MARKUP, `${MARKUP}\n\n<img src=x onerror=alert(1)>`);
    for (const path of [
      '/public/',
      '/public/notices',
      `/public/notices/${a.id}`,
      `/public/notices/${a.id}?lang=en`,
    ]) {
      const res = await page(path);
      expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
      expect(res.text).not.toContain('<script>alert');
      expect(res.text).not.toContain('<b>粗体');
      expect(res.text).not.toContain('<img src=x');
      expect(res.text).toContain(
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;粗体&lt;/b&gt; &amp; 〈通知〉',
      );
    }
    expect((await page(`/public/notices/${a.id}`)).text).toContain('&lt;img src=x onerror=alert(1)&gt;');

    const xml = (await page('/public/notices/feed.atom')).text;
    expect(xml).not.toContain('<script>');
    const entry = parseFeed(xml).feed.entry!.find((e) => e.id.endsWith(`/${a.id}`))!;
    expect(entry.title).toEqual({ '#text': MARKUP, '@_type': 'text' });
    expect(entry.content['@_type']).toBe('text');
    expect(entry.content['#text']).toContain('<img src=x onerror=alert(1)>');
  });

  it('serves a structurally valid Atom 1.0 feed with stable tag: ids and absolute links', async () => {
    const a = await publish('园区危化品道路运输安全提示');
    const read = async () => parseFeed((await page('/public/feed.atom')).text).feed;
    const feed = await read();
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(String(feed.id)).toMatch(/^tag:[^,]+,\d{4}-\d{2}-\d{2}:\/public\/feed\.atom$/);
    expect(feed.title).toMatchObject({ '#text': expect.any(String) });
    expect(new Date(String(feed.updated)).getTime()).not.toBeNaN();
    expect(feed.author).toMatchObject({ name: expect.any(String) });
    const self = (feed.link as { '@_rel': string; '@_href': string }[]).find((l) => l['@_rel'] === 'self')!;
    expect(self['@_href']).toMatch(/^https?:\/\/[^/]+\/public\/feed\.atom$/);
    const entry = feed.entry!.find((e) => e.title['#text'] === '园区危化品道路运输安全提示')!;
    expect(entry.id).toMatch(new RegExp(`^tag:[^,]+,\\d{4}-\\d{2}-\\d{2}:public/notices/${a.id}$`));
    expect(new Date(entry.updated).getTime()).not.toBeNaN();
    const alternate = (entry.link as { '@_rel': string; '@_href': string }[]).find(
      (l) => l['@_rel'] === 'alternate',
    )!;
    expect(alternate['@_href']).toMatch(new RegExp(`^https?://[^/]+/public/notices/${a.id}$`));
    // Every entry has what RFC 4287 requires: id, title, updated, and a link (no content by src).
    for (const e of feed.entry!) {
      expect(e.id).toMatch(/^tag:/);
      expect(e.title['#text']).toBeTruthy();
      expect(new Date(e.updated).getTime()).not.toBeNaN();
      expect(e.link).toBeDefined();
    }
    // The id does not change when the item is edited and approved again.
    await t.http
      .patch(`/api/portal/articles/${a.id}`)
      .set(inspector)
      .send({ title: '园区危化品道路运输安全提示（修订）' })
      .expect(200);
    await submit(a.id);
    await approve(a.id);
    const again = (await read()).entry!.find(
      (e) => e.title['#text'] === '园区危化品道路运输安全提示（修订）',
    )!;
    expect(again.id).toBe(entry.id);
  });

  it('answers 304 to a matching ETag or an unchanged Last-Modified, and caches publicly', async () => {
    const a = await publish('缓存测试通知');
    for (const path of ['/public/', '/public/notices', `/public/notices/${a.id}`, '/public/feed.atom']) {
      const first = await page(path);
      expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
      const etag = first.headers.etag!;
      expect(etag).toMatch(/^"[\w-]+"$/);
      await t.http.get(path).set('If-None-Match', etag).expect(304);
      await t.http.get(path).set('If-None-Match', '"other"').expect(200);
    }
    const item = await page(`/public/notices/${a.id}`);
    const modified = item.headers['last-modified']!;
    expect(new Date(modified).getTime()).not.toBeNaN();
    await t.http.get(`/public/notices/${a.id}`).set('If-Modified-Since', modified).expect(304);
    // A withdrawal changes the list, so the list's old ETag no longer matches.
    const list = await page('/public/notices');
    await t.http.post(`/api/portal/articles/${a.id}/withdraw`).set(admin).send({}).expect(200);
    await t.http.get('/public/notices').set('If-None-Match', list.headers.etag!).expect(200);
  });

  it('speaks Chinese by default and English on request, with a switch between them', async () => {
    const zh = (await page('/public/')).text;
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('安全生产信息公开');
    expect(zh).toContain('href="/public/?lang=en"');
    const en = (await page('/public/?lang=en')).text;
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Public safety information');
    expect(en).toContain('href="/public/notices?lang=en"');
    expect(en).toContain('href="/public/"');
    // Notices lead the navigation, the other sections follow in the order they set.
    const nav = zh.slice(zh.indexOf('<nav'), zh.indexOf('</nav>'));
    const at = (label: string) => nav.indexOf(`>${label}</a`);
    expect(at('通知公告')).toBeGreaterThan(0);
    expect(at('通知公告')).toBeLessThan(at('安全知识'));
    expect(at('安全知识')).toBeLessThan(at('预警信息'));
    expect(at('预警信息')).toBeLessThan(at('考核表彰与通报'));
    await t.http.get('/public/?lang=fr').expect(400);
    await t.http.get('/public/notices?page=0').expect(400);
    await t.http.get('/public/no-such-section').expect(404);
  });

  it('pages a long section, twenty items a page, newest first', async () => {
    for (let n = 1; n <= 21; n++)
      await publish(`分页测试知识第${String(n).padStart(2, '0')}篇`, '内容。', 'knowledge');
    const first = (await page('/public/knowledge')).text;
    expect(first).toContain('分页测试知识第21篇');
    expect(first).not.toContain('分页测试知识第01篇');
    expect(first).toContain('rel="next" href="/public/knowledge?page=2"');
    expect(first).not.toContain('rel="prev"');
    const second = (await page('/public/knowledge?page=2&lang=en')).text;
    expect(second).toContain('分页测试知识第01篇');
    expect(second).not.toContain('分页测试知识第21篇');
    expect(second).toContain('rel="prev" href="/public/knowledge?lang=en"');
    await t.http.get('/public/knowledge?page=51').expect(400);
  });

  it('lists the commended and criticised enterprises of a published assessment only', async () => {
    const scheme = async (year: number, status: string) =>
      (
        await sql.query<{ id: string }>(
          `INSERT INTO assessment_scheme (year, title, objection_days, status, published_at)
           VALUES ($1, $2, 10, $3, CASE WHEN $3 = 'published' THEN now() END) RETURNING id`,
          [year, `${year}年度安全生产监督考核方案`, status],
        )
      ).rows[0]!.id;
    const notice = (schemeId: string, kind: string, year: number, names: string[]) =>
      sql.query(
        `INSERT INTO assessment_notice (scheme_id, kind, year, seq, enterprises) VALUES ($1, $2, $3, 1, $4)`,
        [
          schemeId,
          kind,
          year,
          JSON.stringify(
            names.map((name, i) => ({
              id: `00000000-0000-4000-8000-00000000000${i}`,
              name,
              total: 95,
              band: kind === 'commendation' ? 'excellent' : 'fail',
            })),
          ),
        ],
      );
    const published = await scheme(2091, 'published');
    await notice(published, 'commendation', 2091, ['华晟煤化工有限公司']);
    await notice(published, 'criticism', 2091, ['某某化工有限公司']);
    const draft = await scheme(2092, 'draft');
    await notice(draft, 'commendation', 2092, ['草稿年度企业']);

    const list = (await page('/public/assessment-results')).text;
    expect(list).toContain('关于表彰2091年度安全生产监督考核优秀企业的通报');
    expect(list).toContain('关于2091年度安全生产监督考核不合格企业的通报批评');
    expect(list).toContain('华晟煤化工有限公司');
    expect(list).not.toContain('草稿年度企业');
    expect(list).not.toContain('2092');
  });

  it('lists the alerts issued for real, not drills, each linking its CAP document', async () => {
    const incident = (
      await sql.query<{ id: string }>(
        `INSERT INTO incident (title, category, occurred_at, reported_at, lat, lng, address, summary,
                               reporter_name, reporter_phone, severity, is_drill, last_seq, status)
         VALUES ('预警测试', 'leak', now(), now(), 33.95, 116.8, '测试', '测试', '测试员', '13800000000',
                 'ordinary', false, 0, 'closed') RETURNING id`,
      )
    ).rows[0]!.id;
    const warning = async (isDrill: boolean, event: string) =>
      (
        await sql.query<{ id: string }>(
          `INSERT INTO warning (incident_id, is_drill, msg_type, area, event, text, action, category, urgency,
                                severity, certainty, targets, counts, sent_by)
           VALUES ($1, $2, 'Alert', '{"label":"化工园区东片"}', $3, '请周边人员关闭门窗。', 'shelter_in_place',
                   'Chem', 'Immediate', 'Severe', 'Observed', '[]', '{}', '李卫东') RETURNING id`,
          [incident, isDrill, event],
        )
      ).rows[0]!.id;
    const real = await warning(false, '氯气泄漏');
    const drill = await warning(true, '演练氨泄漏');

    const list = (await page('/public/alerts')).text;
    expect(list).toContain('预警：氯气泄漏（化工园区东片）');
    expect(list).not.toContain('演练氨泄漏');
    await t.http.get(`/public/alerts/${drill}`).expect(404);
    const one = (await page(`/public/alerts/${real}`)).text;
    expect(one).toMatch(
      new RegExp(`href="https?://[^"]+/cap/alerts/${real}\\.xml" type="application/cap\\+xml"`),
    );
    // Who sent it is not the public's business.
    expect(one).not.toContain('李卫东');
  });

  it('serves an attachment only while its item is published', async () => {
    const upload = await t.http
      .post('/api/files')
      .set(inspector)
      .attach('file', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), '检查表.pdf')
      .expect(201);
    const a = await write(inspector, '附件通知');
    await t.http
      .patch(`/api/portal/articles/${a.id}`)
      .set(inspector)
      .send({ fileIds: [upload.body.id] })
      .expect(200);
    const path = `/public/notices/${a.id}/files/${upload.body.id}`;
    await t.http.get(path).expect(404);
    await submit(a.id);
    await approve(a.id);
    expect((await page(`/public/notices/${a.id}`)).text).toContain(`href="${path}"`);
    const file = await page(path);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''/);
    await t.http.post(`/api/portal/articles/${a.id}/withdraw`).set(admin).send({}).expect(200);
    await t.http.get(path).expect(404);
    // Files of other records are not reachable through an item.
    const other = await t.http
      .post('/api/files')
      .set(inspector)
      .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'x.pdf')
      .expect(201);
    await t.http.get(`/public/notices/${a.id}/files/${other.body.id}`).expect(404);
  });

  it('shows no personal data anywhere on the pages for the demo zone', async () => {
    const sections = t.get(PortalSections).all();
    expect(sections.map((s) => s.key)).toEqual(
      expect.arrayContaining(['notices', 'knowledge', 'alerts', 'assessment-results']),
    );
    const paths = ['/public/', '/public/?lang=en', '/public/feed.atom'];
    for (const s of sections) {
      paths.push(`/public/${s.key}`, `/public/${s.key}/feed.atom`);
      for (const item of await s.list(50)) paths.push(`/public/${s.key}/${item.id}`);
    }
    // The demo zone publishes notices and knowledge of its own.
    expect(
      paths.filter((p) => /^\/public\/(notices|knowledge)\/[\w-]+$/.test(p)).length,
    ).toBeGreaterThanOrEqual(4);
    for (const path of paths) {
      const text = (await page(path)).text;
      expect({ path, found: personalDataIn(text) }).toEqual({ path, found: [] });
    }
  });
});
