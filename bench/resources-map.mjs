// Resources map: how soon after navigation the resources map has drawn every resource, with the
// register filled to 5,000 resources (the demo's own plus generated ones inside the zone), in
// Debian's Chromium driven by playwright-core. Also times the data alone, fetched in the page:
// the map's one compact request against the twelve pages of 500 it used to wait for.
// Usage: npm run build && node bench/resources-map.mjs [resources=5000] [runs=7]
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { ROOT, fmt, startServer, summarize } from './harness.mjs';
import { writeSection } from './report.mjs';

const RESOURCES = Number(process.argv[2] ?? 5000);
const RUNS = Number(process.argv[3] ?? 7);
/** The target: every resource drawn within 1 s of navigation. */
const TARGET_MS = 1000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const loadBefore = os.loadavg()[0].toFixed(1);
const server = await startServer({ WEB_DIST: path.join(ROOT, 'web/dist') });
const db = new pg.Client({ connectionString: server.env.DATABASE_URL });
await db.connect();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  // Fill the register to RESOURCES: movable kit and hydrants scattered over the zone's middle.
  const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM resource')).rows;
  await db.query(`SELECT setseed(0.5)`);
  await db.query(
    `INSERT INTO resource (type, name, lat, lng, status)
     SELECT (ARRAY['fire_hydrant','supplies','equipment','fire_extinguisher','protective_gear'])[1 + (g % 5)],
            '生成资源 ' || g, 33.975 + random() * 0.035, 116.805 + random() * 0.05,
            CASE WHEN random() < 0.05 THEN 'maintenance' ELSE 'available' END
       FROM generate_series(1, $1) g`,
    [Math.max(0, RESOURCES - n)],
  );
  const [{ total }] = (await db.query('SELECT count(*)::int AS total FROM resource')).rows;

  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/login`);
  await page.getByLabel('电子邮箱').fill('commander@muster.test');
  await page.getByLabel('密码').fill('muster-demo');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL('**/map');

  // Markers standing alone plus those inside cluster bubbles: what the map has drawn. The page
  // allows no eval, so the probe is a function, with the count it waits for as its argument.
  const drawnAtLeast = (n) => {
    const { document } = globalThis;
    const single = document.querySelectorAll('.leaflet-marker-pane .resource-marker').length;
    const inClusters = [...document.querySelectorAll('.leaflet-marker-pane .resource-cluster')].reduce(
      (sum, c) => sum + Number(c.textContent),
      0,
    );
    return single + inClusters >= n && performance.now();
  };
  const first = [];
  const all = [];
  // One unmeasured load warms the server's and the browser's caches, as a user's second visit.
  for (let run = -1; run < RUNS; run++) {
    await page.goto(`${server.baseUrl}/incidents`);
    await page.waitForLoadState('networkidle');
    await page.goto(`${server.baseUrl}/resources`, { waitUntil: 'commit' });
    // performance.now() counts from the navigation's start.
    const firstAt = await (await page.waitForFunction(drawnAtLeast, 1, { polling: 'raf' })).jsonValue();
    const allAt = await (
      await page.waitForFunction(drawnAtLeast, total, { polling: 'raf', timeout: 60_000 })
    ).jsonValue();
    if (run >= 0) {
      first.push(firstAt);
      all.push(allAt);
    }
  }

  // The data alone, fetched from the page with the user's token, one after another as the map did.
  const fetchTimes = await page.evaluate(async (runs) => {
    const token = localStorage.getItem('muster.accessToken');
    const get = (url) => fetch(url, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.json());
    const compact = [];
    const paged = [];
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      await get('/api/resources/map');
      compact.push(performance.now() - t);
      t = performance.now();
      for (let p = 1; ; p++) {
        const body = await get(`/api/resources?page=${p}&pageSize=500`);
        if (p * 500 >= body.total) break;
      }
      paged.push(performance.now() - t);
    }
    return { compact, paged };
  }, RUNS);

  const row = (label, s) => `| ${label} | ${s.n} | ${fmt(s.p50)} | ${fmt(s.max)} |`;
  const firstS = summarize(first);
  const allS = summarize(all);
  const text = [
    `${total.toLocaleString('en')} resources in the register, signed in as the commander; ${RUNS} loads of`,
    '`/resources` after one unmeasured load, each from another page of the console. Times count from the',
    "navigation's start (`performance.now()` in the page) to the first frame where the markers and cluster",
    'bubbles on the map hold that many resources. Chromium headless, software rendering, 1440 × 900.',
    '',
    '| measure | runs | median | worst |',
    '| --- | --- | --- | --- |',
    row('first markers drawn', firstS),
    row(`all ${total.toLocaleString('en')} resources drawn`, allS),
    row('data only: `GET /api/resources/map` (one compact request)', summarize(fetchTimes.compact)),
    row(
      `data only: ${Math.ceil(total / 500)} pages of 500 from \`GET /api/resources\`, one after another`,
      summarize(fetchTimes.paged),
    ),
    '',
    `Every resource drawn within ${TARGET_MS} ms of navigation: median **${allS.p50 <= TARGET_MS ? 'met' : 'not met'}**` +
      ` (${fmt(allS.p50)}), worst **${allS.max <= TARGET_MS ? 'met' : 'not met'}** (${fmt(allS.max)}).` +
      ` Load average of the machine during the run: ${loadBefore} at the start, ${os.loadavg()[0].toFixed(1)} at the end` +
      ` (${os.availableParallelism()} cores).`,
  ].join('\n');
  console.log(text);
  await writeSection('Resources map (5,000 resources)', text);
} finally {
  await browser.close();
  await db.end();
  await server.stop();
}
