/**
 * `/_emulator/tencent/*` on the Twilio emulator's port: the Tencent emulator's phones for the one
 * phone page, when both run in one process (the page is served from one origin, and in a demo
 * from another machine, so it cannot ask the Tencent emulator's own port).
 */
import type http from 'node:http';
import { HttpError, readJson, sendJson, type RequestTarget } from '../http-util.js';
import type { TencentEmulator, TencentPhoneBehaviour } from './tencent-types.js';

export async function handleTencentPage(
  tencent: TencentEmulator | undefined,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: RequestTarget,
): Promise<void> {
  const method = req.method ?? 'GET';
  const path = url.pathname.replace(/\/+$/, '');
  if (!tencent) throw new HttpError(404, 'No Tencent emulator runs beside this one');
  const to = url.searchParams.get('to') ?? undefined;
  if (path === '/_emulator/tencent/phones' && method === 'GET') {
    const limit = Number(url.searchParams.get('limit'));
    return sendJson(res, 200, {
      phones: tencent.phones({
        search: url.searchParams.get('q') ?? undefined,
        limit: Number.isInteger(limit) && limit > 0 ? limit : undefined,
      }),
    });
  }
  if (path === '/_emulator/tencent/phones' && method === 'POST') {
    const body = await readJson(req);
    const number = String(body.number ?? '');
    tencent.setPhone(number, body.behaviour as TencentPhoneBehaviour);
    return sendJson(res, 200, { number, behaviour: body.behaviour });
  }
  if (path === '/_emulator/tencent/messages' && method === 'GET')
    return sendJson(res, 200, { messages: tencent.messages({ to }) });
  if (path === '/_emulator/tencent/calls' && method === 'GET')
    return sendJson(res, 200, { calls: tencent.calls({ to }) });
  if (path === '/_emulator/tencent/sms' && method === 'POST') {
    const body = await readJson(req);
    if (typeof body.from !== 'string' || !body.from) throw new HttpError(400, 'from: required');
    if (typeof body.text !== 'string' || !body.text) throw new HttpError(400, 'text: required');
    await tencent.reply(body.from, body.text);
    return sendJson(res, 201, { ok: true });
  }
  const keys = /^\/_emulator\/tencent\/calls\/([^/]+)\/keys$/.exec(path);
  if (keys && method === 'POST') {
    const body = await readJson(req);
    const pressed = body.keys === undefined ? '' : String(body.keys);
    if (!/^[0-9*#]+$/.test(pressed)) throw new HttpError(400, 'keys: digits, * or #');
    if (!tencent.press(decodeURIComponent(keys[1]!), pressed))
      throw new HttpError(409, 'the call is not waiting for keys');
    return sendJson(res, 200, { ok: true });
  }
  throw new HttpError(404, `No route ${method} ${url.pathname}`);
}
