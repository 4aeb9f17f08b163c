import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { FileRepository } from '../../server/src/files/file.repository.js';
import { createTestApp, type TestApp } from '../support/app.js';

const LIMIT = 64 * 1024;

/** Every file under the upload root, recursively (temporary parts included). */
async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (e.isFile()) out.push(path.join(e.parentPath, e.name));
  }
  return out.sort();
}

describe('photo and file uploads', () => {
  let t: TestApp;
  let dir: string;
  let officer: { Authorization: string };
  let jpeg: Buffer;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'muster-uploads-'));
    t = await createTestApp({ env: { UPLOAD_DIR: dir, UPLOAD_MAX_BYTES: String(LIMIT) } });
    officer = { Authorization: `Bearer ${await t.token('enterprise_officer')}` };
    jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a6' } })
      .jpeg({ quality: 60 })
      .toBuffer();
    expect(jpeg.length).toBeLessThan(LIMIT);
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores a JPEG under a server-generated name with a thumbnail, and serves both', async () => {
    const res = await t.http.post('/api/files').set(officer).attach('file', jpeg, '现场照片.jpg');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '现场照片.jpg', mime: 'image/jpeg', size: jpeg.length });
    const stored = await filesUnder(dir);
    expect(stored).toHaveLength(2);
    for (const f of stored) {
      expect(path.relative(dir, f)).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}(\.thumb\.webp|\.jpg)$/);
    }
    const original = await t.http.get(res.body.url).set(officer).buffer(true);
    expect(original.status).toBe(200);
    expect(original.headers['content-type']).toBe('image/jpeg');
    const thumb = await t.http.get(res.body.thumbnailUrl).set(officer).buffer(true);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const meta = await sharp(thumb.body as Buffer).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBe(320);
    // Another enterprise's officer cannot fetch it.
    const other = { Authorization: `Bearer ${await t.token('officer2')}` };
    expect((await t.http.get(res.body.url).set(other)).status).toBe(404);
    // A PDF is accepted too, without a thumbnail.
    const pdf = await t.http
      .post('/api/files')
      .set(officer)
      .attach('file', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), '治理方案.pdf');
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({ mime: 'application/pdf', thumbnailUrl: null });
  });

  it('refuses a wrong type by content, whatever its name says, and keeps nothing', async () => {
    const before = await filesUnder(dir);
    const html = await t.http
      .post('/api/files')
      .set(officer)
      .attach('file', Buffer.from('<html><script>alert(1)</script></html>'), 'photo.jpg');
    expect(html.status).toBe(400);
    expect(html.body.message).toEqual(['file: must be a JPEG, PNG or WebP image or a PDF (by its content)']);
    // Right magic bytes, broken body: refused at decoding.
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
    const bad = await t.http.post('/api/files').set(officer).attach('file', broken, 'broken.jpg');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(['file: the image could not be decoded']);
    expect(await filesUnder(dir)).toEqual(before);
  });

  it('refuses an oversize file with 413 naming the limit, and keeps nothing', async () => {
    const before = await filesUnder(dir);
    const big = Buffer.concat([jpeg, Buffer.alloc(LIMIT, 1)]);
    const res = await t.http.post('/api/files').set(officer).attach('file', big, 'big.jpg');
    expect(res.status).toBe(413);
    expect(res.body.message).toEqual(['file: larger than the 0.1 MB limit']);
    expect(await filesUnder(dir)).toEqual(before);
  });

  it.each(['../../etc/passwd.jpg', '..\\..\\win.jpg', '/etc/cron.d/x.jpg', 'a/../../b.jpg'])(
    'refuses the path-traversal name %j, and keeps nothing',
    async (name) => {
      const before = await filesUnder(dir);
      // Built by hand: client libraries cut the name to its last segment before sending it.
      const boundary = '----muster-test-boundary';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
            'Content-Type: image/jpeg\r\n\r\n',
        ),
        jpeg,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await t.http
        .post('/api/files')
        .set(officer)
        .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.message[0]).toMatch(/^file: name must not contain/);
      expect(await filesUnder(dir)).toEqual(before);
      const count = await t.http
        .get('/api/audit?entity=file')
        .set({ Authorization: `Bearer ${await t.token('zone_admin')}` });
      expect(count.body.items.every((a: { after: { name: string } }) => a.after.name !== name)).toBe(true);
    },
  );

  it('removes the written files when the record cannot be saved', async () => {
    const before = await filesUnder(dir);
    const spy = jest
      .spyOn(FileRepository.prototype, 'insert')
      .mockRejectedValueOnce(new Error('database went away'));
    try {
      const res = await t.http.post('/api/files').set(officer).attach('file', jpeg, 'ok.jpg');
      expect(res.status).toBe(500);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
    expect(await filesUnder(dir)).toEqual(before);
  });

  it('requires the file field', async () => {
    const res = await t.http.post('/api/files').set(officer).field('x', 'y');
    expect(res.status).toBe(400);
    expect(res.body.message[0]).toMatch(/^file: /);
    const none = await t.http.post('/api/files').set(officer).send({});
    expect(none.status).toBe(400);
    expect(none.body.message).toEqual(['file: required (multipart field "file")']);
  });
});
