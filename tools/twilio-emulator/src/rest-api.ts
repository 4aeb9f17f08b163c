/**
 * The Twilio REST paths the SDK calls, under `/2010-04-01/Accounts/{AccountSid}/`: `Messages.json`,
 * `Messages/{Sid}.json`, `Calls.json`, `Calls/{Sid}.json`. HTTP Basic `AccountSid:AuthToken`;
 * injected faults (latency, error statuses) apply here and only here.
 */
import type http from 'node:http';
import type { Calls } from './calls.js';
import { parseForm, readBody, sendJson, type RequestTarget } from './http-util.js';
import { listCalls, listMessages } from './lists.js';
import type { Messages } from './messages.js';
import { accountUri, callJson, messageJson, twilioError } from './resources.js';
import { notFound, RestError } from './rest-errors.js';
import type { Timers } from './scheduler.js';
import type { EmulatorState } from './state.js';
import type { Webhooks } from './webhooks.js';

const MESSAGE_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)(?:\/([^/]+))?\.json$/;

type Req = http.IncomingMessage;
type Res = http.ServerResponse;

export class RestApi {
  private readonly expectedAuth: string;

  constructor(
    private readonly state: EmulatorState,
    private readonly webhooks: Webhooks,
    private readonly timers: Timers,
    private readonly messages: Messages,
    private readonly calls: Calls,
    private readonly accountSid: string,
    authToken: string,
  ) {
    this.expectedAuth = 'Basic ' + Buffer.from(`${accountSid}:${authToken}`).toString('base64');
  }

  /** Answers a REST request; a `RestError` thrown is answered by the server in Twilio's shape. */
  async handle(req: Req, res: Res, url: RequestTarget): Promise<void> {
    this.webhooks.restRequest();
    if (await this.injectFault(req, res)) return;
    if (req.headers.authorization !== this.expectedAuth) {
      await readBody(req).catch(() => '');
      sendJson(res, 401, twilioError(401, 20003, 'Authenticate'), {
        'WWW-Authenticate': 'Basic realm="Twilio API"',
      });
      return;
    }
    const match = MESSAGE_PATH.exec(url.pathname);
    if (!match) throw notFound(url.pathname);
    const [, account, collection, sid] = match;
    if (account !== this.accountSid) {
      throw new RestError(403, 20006, 'Access denied: the credentials do not belong to this account');
    }
    const method = req.method ?? 'GET';
    const path = `${accountUri(this.accountSid)}/${collection}.json`;
    const done =
      collection === 'Messages'
        ? await this.messagesRoute(req, res, url, method, path, sid)
        : await this.callsRoute(req, res, url, method, path, sid);
    if (!done) throw new RestError(405, 20004, 'Method not allowed');
  }

  /** The faults set by `POST /_emulator/faults`: latency first, then maybe an error answer. */
  private async injectFault(req: Req, res: Res): Promise<boolean> {
    const { state } = this;
    const f = state.faults;
    if (f.latencyMs > 0) await this.timers.sleep(f.latencyMs);
    if (!(f.errorRate > 0 && state.faultRandom() < f.errorRate)) return false;
    state.faultsInjected++;
    await readBody(req).catch(() => '');
    const headers: Record<string, string> = {};
    const status = Array.isArray(f.status)
      ? f.status[Math.floor(state.faultRandom() * f.status.length)]
      : f.status;
    let body;
    if (status === 429) {
      headers['Retry-After'] = String(f.retryAfter);
      body = twilioError(429, 20429, 'Too Many Requests');
    } else if (status === 503) {
      body = twilioError(503, 20503, 'Service Unavailable');
    } else {
      body = twilioError(status, 20500, 'An internal server error has occurred');
    }
    sendJson(res, status, body, headers);
    return true;
  }

  /** False when the method is not one the path has. */
  private async messagesRoute(
    req: Req,
    res: Res,
    url: RequestTarget,
    method: string,
    path: string,
    sid: string | undefined,
  ): Promise<boolean> {
    if (!sid) {
      if (method === 'POST') {
        const m = await this.messages.create(parseForm(await readBody(req)));
        sendJson(res, 201, messageJson(m));
        return true;
      }
      if (method === 'GET') {
        sendJson(res, 200, listMessages(this.state, path, url.searchParams));
        return true;
      }
      return false;
    }
    const m = this.state.messages.get(sid);
    if (!m) throw notFound(url.pathname);
    if (method === 'GET') {
      sendJson(res, 200, messageJson(m));
      return true;
    }
    if (method === 'POST') {
      const form = parseForm(await readBody(req));
      if (form.get('Body') === '') {
        m.body = '';
        m.dateUpdated = new Date();
      }
      sendJson(res, 200, messageJson(m));
      return true;
    }
    if (method === 'DELETE') {
      this.state.messages.delete(sid);
      res.writeHead(204).end();
      return true;
    }
    return false;
  }

  private async callsRoute(
    req: Req,
    res: Res,
    url: RequestTarget,
    method: string,
    path: string,
    sid: string | undefined,
  ): Promise<boolean> {
    if (!sid) {
      if (method === 'POST') {
        sendJson(res, 201, callJson(this.calls.create(parseForm(await readBody(req)))));
        return true;
      }
      if (method === 'GET') {
        sendJson(res, 200, listCalls(this.state, path, url.searchParams));
        return true;
      }
      return false;
    }
    const rt = this.state.calls.get(sid);
    if (!rt) throw notFound(url.pathname);
    if (method === 'GET') {
      sendJson(res, 200, callJson(rt.call));
      return true;
    }
    if (method === 'POST') {
      sendJson(res, 200, callJson(this.calls.update(sid, parseForm(await readBody(req)))));
      return true;
    }
    if (method === 'DELETE') {
      this.state.calls.delete(sid);
      res.writeHead(204).end();
      return true;
    }
    return false;
  }
}
