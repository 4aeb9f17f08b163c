import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { DRIFTS, type Drift } from './model.js';
import type { Simulator } from './simulator.js';

/**
 * The simulator's control: `GET /points` (each point, its value and drift), `POST /drift`
 * `{ point, drift }` with drift one of normal, high, high_high, low, low_low, and a page at `/`
 * with a button per point and drift for a person running a demo.
 */
export function startControl(sim: Simulator, port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    void route(sim, req, res).catch((err: unknown) => send(res, 500, { error: String(err) }));
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

async function route(sim: Simulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (req.method === 'GET' && path === '/points') {
    return send(
      res,
      200,
      sim.list().map((s) => ({ point: s.point.code, unit: s.point.unit, value: s.value, drift: s.drift })),
    );
  }
  if (req.method === 'POST' && path === '/drift') {
    const body = (await json(req)) as { point?: unknown; drift?: unknown } | null;
    if (typeof body?.point !== 'string') return send(res, 400, { error: 'point: required' });
    if (!DRIFTS.includes(body.drift as Drift))
      return send(res, 400, { error: `drift: one of ${DRIFTS.join(', ')}` });
    if (!sim.drift(body.point, body.drift as Drift)) return send(res, 404, { error: 'point: not simulated' });
    return send(res, 200, { point: body.point, drift: body.drift });
  }
  if (req.method === 'GET' && path === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(sim));
    return;
  }
  send(res, 404, { error: 'not found' });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function json(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 10_000) return null;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return null;
  }
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function page(sim: Simulator): string {
  const rows = sim
    .list()
    .map(
      (s) =>
        `<tr><td>${escape(s.point.code)}</td><td class="v" data-point="${escape(s.point.code)}">${s.value} ${escape(s.point.unit)}</td><td>${DRIFTS.map(
          (d) =>
            `<button data-point="${escape(s.point.code)}" data-drift="${d}"${d === s.drift ? ' aria-pressed="true"' : ''}>${d}</button>`,
        ).join(' ')}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>传感器模拟器 Sensor simulator</title>
<style>body{font:14px sans-serif;margin:1.5rem}td{padding:.3rem .6rem;border-bottom:1px solid #ddd}button[aria-pressed]{font-weight:700}</style>
<h1>传感器模拟器 · Sensor simulator</h1><p>使测点漂移出报警范围 / Drift a point out of band.</p>
<table>${rows}</table>
<script>
document.addEventListener('click', async (e) => {
  const b = e.target.closest('button'); if (!b) return;
  await fetch('/drift', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ point: b.dataset.point, drift: b.dataset.drift }) });
  location.reload();
});
setInterval(async () => {
  for (const p of await (await fetch('/points')).json())
    for (const c of document.querySelectorAll('.v[data-point="' + p.point + '"]')) c.textContent = p.value + ' ' + p.unit;
}, 1000);
</script></html>`;
}
