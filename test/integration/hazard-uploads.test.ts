import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import sharp from 'sharp';
import { FileRepository } from '../../server/src/files/file.repository.js';
import {
  FILE_STORE,
  type FileStore,
  MissingObjectError,
  newStorageKey,
} from '../../server/src/files/file.store.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { startTestS3, type TestS3 } from '../support/s3.js';

const LIMIT = 64 * 1024;
const KEY = /^\d{4}\/\d{2}\/[0-9a-f-]{36}(\.thumb\.webp|\.jpg)$/;

/** Every file under a directory, recursively (temporary parts included), relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (e.isFile()) out.push(path.relative(dir, path.join(e.parentPath, e.name)));
  }
  return out.sort();
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

interface StoreUnderTest {
  env: Record<string, string>;
  /** Everything the application has stored anywhere: the store's keys, and any file it left on disk. */
  stored(): Promise<string[]>;
  s3?: TestS3;
  close(): Promise<void>;
}

async function storeUnderTest(kind: 'local' | 's3'): Promise<StoreUnderTest> {
  const dir = await mkdtemp(path.join(tmpdir(), 'muster-uploads-'));
  if (kind === 'local') {
    return {
      env: { UPLOAD_DIR: dir },
      stored: () => filesUnder(dir),
      close: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const s3 = await startTestS3();
  return {
    // UPLOAD_DIR is set so that a write that wrongly went to disk would be seen.
    env: { ...s3.env, UPLOAD_DIR: dir },
    s3,
    stored: async () => [...(await s3.keys()), ...(await filesUnder(dir)).map((f) => `disk:${f}`)],
    async close() {
      await s3.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describe.each(['local', 's3'] as const)('photo and file uploads (%s store)', (kind) => {
  let t: TestApp;
  let store: StoreUnderTest;
  let officer: { Authorization: string };
  let jpeg: Buffer;

  beforeAll(async () => {
    store = await storeUnderTest(kind);
    t = await createTestApp({ env: { ...store.env, UPLOAD_MAX_BYTES: String(LIMIT) } });
    officer = { Authorization: `Bearer ${await t.token('enterprise_officer')}` };
    jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a6' } })
      .jpeg({ quality: 60 })
      .toBuffer();
    expect(jpeg.length).toBeLessThan(LIMIT);
  });
  afterAll(async () => {
    await t?.close();
    await store?.close();
  });

  it('stores a JPEG under a server-generated name with a thumbnail, and serves both', async () => {
    const res = await t.http.post('/api/files').set(officer).attach('file', jpeg, '现场照片.jpg');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '现场照片.jpg', mime: 'image/jpeg', size: jpeg.length });
    const stored = await store.stored();
    expect(stored).toHaveLength(2);
    for (const k of stored) expect(k).toMatch(KEY);
    expect(stored[0].replace('.jpg', '.thumb.webp')).toBe(stored[1]);
    const original = await t.http.get(res.body.url).set(officer).buffer(true);
    expect(original.status).toBe(200);
    expect(original.headers['content-type']).toBe('image/jpeg');
    expect((original.body as Buffer).equals(jpeg)).toBe(true);
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
    // Served as a download, never shown inline: the browser's PDF viewer would run it on this origin.
    const served = await t.http.get(pdf.body.url).set(officer).buffer(true);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('治理方案.pdf')}`,
    );
    expect(original.headers['content-disposition']).toMatch(/^inline; /);
  });

  it('refuses a wrong type by content, whatever its name says, and keeps nothing', async () => {
    const before = await store.stored();
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
    expect(await store.stored()).toEqual(before);
  });

  it('refuses an oversize file with 413 naming the limit, and keeps nothing', async () => {
    const before = await store.stored();
    const big = Buffer.concat([jpeg, Buffer.alloc(LIMIT, 1)]);
    const res = await t.http.post('/api/files').set(officer).attach('file', big, 'big.jpg');
    expect(res.status).toBe(413);
    expect(res.body.message).toEqual(['file: larger than the 0.1 MB limit']);
    expect(await store.stored()).toEqual(before);
  });

  it.each(['../../etc/passwd.jpg', '..\\..\\win.jpg', '/etc/cron.d/x.jpg', 'a/../../b.jpg'])(
    'refuses the path-traversal name %j, and keeps nothing',
    async (name) => {
      const before = await store.stored();
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
      expect(await store.stored()).toEqual(before);
      const count = await t.http
        .get('/api/audit?entity=file')
        .set({ Authorization: `Bearer ${await t.token('zone_admin')}` });
      expect(count.body.items.every((a: { after: { name: string } }) => a.after.name !== name)).toBe(true);
    },
  );

  it('removes the written files when the record cannot be saved', async () => {
    const before = await store.stored();
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
    expect(await store.stored()).toEqual(before);
  });

  it('requires the file field', async () => {
    const res = await t.http.post('/api/files').set(officer).field('x', 'y');
    expect(res.status).toBe(400);
    expect(res.body.message[0]).toMatch(/^file: /);
    const none = await t.http.post('/api/files').set(officer).send({});
    expect(none.status).toBe(400);
    expect(none.body.message).toEqual(['file: required (multipart field "file")']);
  });

  it('removes the original when its thumbnail fails, even one the store kept despite the error', async () => {
    const before = await store.stored();
    const files = t.app.get<FileStore>(FILE_STORE);
    const put = files.put.bind(files);
    // The thumbnail is stored, then the connection "drops" before the answer arrives.
    const spy = jest.spyOn(files, 'put').mockImplementation(async (key, data, type) => {
      await put(key, data, type);
      if (key.endsWith('.thumb.webp')) throw new Error('socket hang up');
    });
    try {
      const res = await t.http.post('/api/files').set(officer).attach('file', jpeg, 'ok.jpg');
      expect(res.status).toBe(500);
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
    expect(await store.stored()).toEqual(before);
  });

  it('answers 404 for a record whose stored object has gone', async () => {
    const before = await store.stored();
    const res = await t.http.post('/api/files').set(officer).attach('file', jpeg, 'gone.jpg');
    expect(res.status).toBe(201);
    const [original] = (await store.stored()).filter((k) => !before.includes(k) && k.endsWith('.jpg'));
    await t.app.get<FileStore>(FILE_STORE).delete(original);
    const missing = await t.http.get(res.body.url).set(officer);
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('File not found');
    expect((await t.http.get(res.body.thumbnailUrl).set(officer)).status).toBe(200);
  });

  it('stores, reads, checks and deletes objects only under keys of its own making', async () => {
    const files = t.app.get<FileStore>(FILE_STORE);
    const key = newStorageKey('pdf');
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    expect(await files.exists(key)).toBe(false);
    await expect(files.get(key)).rejects.toBeInstanceOf(MissingObjectError);
    await files.put(key, pdf, 'application/pdf');
    expect(await files.exists(key)).toBe(true);
    expect((await readAll(await files.get(key))).equals(pdf)).toBe(true);
    if (store.s3) {
      const head = await store.s3.client.send(new HeadObjectCommand({ Bucket: store.s3.bucket, Key: key }));
      expect(head.ContentType).toBe('application/pdf');
    }
    await files.delete(key);
    expect(await files.exists(key)).toBe(false);
    await files.delete(key);
    for (const bad of [
      '../x.pdf',
      '2026/01/../../../etc/passwd',
      '/etc/passwd',
      `${key}/..`,
      'photo.jpg',
      '',
    ]) {
      await expect(files.put(bad, pdf, 'application/pdf')).rejects.toThrow('not a storage key');
      await expect(files.get(bad)).rejects.toThrow('not a storage key');
      await expect(files.delete(bad)).rejects.toThrow('not a storage key');
    }
  });
});
