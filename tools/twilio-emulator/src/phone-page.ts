/**
 * The phone simulator, served by the emulator at `/`: one self-contained page (no build step) that
 * lists every simulated phone, its SMS conversation and its calls, and lets a person reply, press
 * keys in a call waiting in a `<Gather>`, hang up, or set how the phone behaves. With a Tencent
 * Cloud emulator beside it (`/_emulator/tencent/*`), its phones are listed too, each with a badge
 * of the provider that reached it: their texts, their voice notifications with a keypad, and
 * replies sent as 上行 through Tencent's push. Live through Server-Sent Events
 * (`/_emulator/events`), falling back to polling. zh-CN and English.
 */
import type http from 'node:http';

export const PHONE_PAGE_HTML = String.raw`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>Muster · 模拟电话 Phone simulator</title>
<link rel="icon" href="data:,">
<style>
  :root { --bg:#f4f5f7; --panel:#fff; --line:#dde1e6; --ink:#1d2329; --muted:#68737d; --accent:#c0392b;
          --out:#e8eef7; --in:#dff3e4; --warn:#b9770e; --bad:#c0392b; --ok:#1e8449; }
  * { box-sizing:border-box; }
  body { margin:0; font:15px/1.45 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif; color:var(--ink); background:var(--bg); }
  header { display:flex; align-items:center; gap:12px; padding:10px 16px; background:#1d2329; color:#fff; position:sticky; top:0; z-index:2; }
  header h1 { font-size:17px; margin:0; flex:1; white-space:nowrap; overflow:hidden; text-overflow:ellipsis; }
  header .live { font-size:12px; opacity:.8; }
  header button { background:transparent; color:#fff; border:1px solid #fff6; border-radius:6px; padding:4px 10px; font:inherit; font-size:13px; cursor:pointer; }
  main { display:grid; grid-template-columns:320px 1fr; height:calc(100vh - 48px); height:calc(100dvh - 48px); }
  #list { border-right:1px solid var(--line); overflow:auto; background:var(--panel); }
  #list .search { position:sticky; top:0; padding:8px; background:var(--panel); border-bottom:1px solid var(--line); }
  #list input { width:100%; padding:8px; border:1px solid var(--line); border-radius:6px; font:inherit; }
  .phone { display:block; width:100%; text-align:left; padding:10px 12px; border:0; border-bottom:1px solid var(--line); background:none; font:inherit; cursor:pointer; color:inherit; }
  .phone:hover { background:#f7f9fb; } .phone.sel { background:#eaf1fb; }
  .phone .num { font-weight:600; font-variant-numeric:tabular-nums; }
  .phone .meta { font-size:12px; color:var(--muted); }
  .badge { display:inline-block; font-size:11px; padding:1px 6px; border-radius:9px; background:#eceff3; color:var(--muted); margin-left:4px; vertical-align:1px; }
  .badge.ring { background:var(--accent); color:#fff; } .badge.bad { background:#fbe9e7; color:var(--bad); }
  .badge.prov-twilio { background:#fdecef; color:#b3123b; } .badge.prov-tencent { background:#e6f0ff; color:#0052d9; }
  #detail { overflow:auto; padding:16px; }
  .empty { color:var(--muted); padding:40px 16px; text-align:center; }
  .toolbar { display:flex; flex-wrap:wrap; gap:8px; align-items:center; margin-bottom:12px; }
  .toolbar h2 { margin:0; font-size:20px; flex:1; font-variant-numeric:tabular-nums; }
  select, .toolbar button, .reply button, .quick button, .keypad button, .call button { font:inherit; border:1px solid var(--line); border-radius:6px; background:#fff; padding:6px 10px; cursor:pointer; }
  .back { display:none; }
  section { background:var(--panel); border:1px solid var(--line); border-radius:10px; padding:12px; margin-bottom:14px; }
  section h3 { margin:0 0 8px; font-size:14px; color:var(--muted); font-weight:600; }
  .thread { display:flex; flex-direction:column; gap:6px; max-height:52vh; overflow:auto; padding:4px; }
  .bubble { max-width:82%; padding:8px 10px; border-radius:12px; white-space:pre-wrap; word-break:break-word; }
  .bubble.outbound { align-self:flex-start; background:var(--out); border-bottom-left-radius:3px; }
  .bubble.inbound { align-self:flex-end; background:var(--in); border-bottom-right-radius:3px; }
  .bubble .info { display:block; font-size:11px; color:var(--muted); margin-top:3px; }
  .st-failed,.st-undelivered { color:var(--bad); } .st-delivered { color:var(--ok); }
  .reply { display:flex; gap:8px; margin-top:10px; }
  .reply input { flex:1; min-width:0; padding:9px; border:1px solid var(--line); border-radius:6px; font:inherit; }
  .reply button { background:var(--ink); color:#fff; border-color:var(--ink); }
  .quick { display:flex; flex-wrap:wrap; gap:6px; margin-top:8px; }
  .call { border-top:1px solid var(--line); padding-top:10px; margin-top:10px; }
  .call:first-of-type { border-top:0; margin-top:0; padding-top:0; }
  .call .head { display:flex; flex-wrap:wrap; gap:8px; align-items:center; }
  .call .head strong { flex:1; }
  .lines { margin:8px 0 0; padding:0; list-style:none; font-size:14px; }
  .lines li { padding:3px 0; border-bottom:1px dashed #eef0f2; }
  .lines .k { display:inline-block; min-width:62px; margin-right:6px; font-size:12px; color:var(--muted); }
  .lines .say { font-size:15px; }
  .lines .err { color:var(--bad); }
  .keypad { display:grid; grid-template-columns:repeat(3, 64px); gap:8px; margin-top:10px; }
  .keypad button { height:48px; font-size:20px; font-weight:600; }
  .keypad.waiting button { border-color:var(--accent); }
  .hint { font-size:12px; color:var(--muted); margin-top:6px; }
  .waiting-note { color:var(--accent); font-weight:600; }
  @media (max-width: 720px) {
    main { grid-template-columns:1fr; }
    body.has-sel #list { display:none; } body:not(.has-sel) #detail { display:none; }
    .back { display:inline-block; }
    .bubble { max-width:92%; }
  }
</style>
</head>
<body>
<header>
  <h1 data-t="title"></h1>
  <span class="live" id="live"></span>
  <button id="lang" type="button">EN</button>
</header>
<main>
  <nav id="list"><div class="search"><input id="q" type="search" autocomplete="off"></div><div id="phones"></div></nav>
  <div id="detail"><div class="empty" data-t="pick"></div></div>
</main>
<script>
(() => {
  const T = {
    'zh-CN': { title: 'Muster 模拟电话', pick: '选择左侧的号码，查看短信和通话。', search: '搜索号码', none: '还没有号码收到短信或来电。',
      sms: '短信', calls: '通话', reply: '回复内容', send: '回复', noSms: '没有短信。', noCalls: '没有通话。', back: '返回',
      behaviour: '手机状态', normal: '正常', landline: '固定电话', unreachable: '无法接通', undelivered: '收不到短信', 'no-answer': '无人接听', busy: '占线',
      hangup: '挂断', callIn: '拨入', waiting: '等待按键…', say: '语音', digits: '按键', gather: '收号', pause: '停顿', redirect: '转向', hangupL: '挂断', error: '错误', fetch: '请求', play: '播放', unsupported: '不支持',
      live: '实时', polling: '轮询', nDigits: ' 位', 'g-pending': '等待按键…', 'g-digits': '已收到', 'g-timeout': '超时，无按键', 'g-hangup': '已挂断', optedOut: '已退订', speak: '朗读', msgs: '条短信', callsN: '次通话',
      twilio: 'Twilio', tencent: '腾讯云', blacklisted: '黑名单', tencentBehaviour: '腾讯云手机状态', tts: '语音通知', pressed: '已按键', replyVia: '回复经', upstream: '上行',
      status: { accepted: '已受理', queued: '排队', sent: '已发送', delivered: '已送达', failed: '失败', undelivered: '未送达', received: '已收到', ringing: '响铃中', 'in-progress': '通话中', answered: '已接听', completed: '已结束', busy: '占线', 'no-answer': '无人接听', canceled: '已取消' } },
    en: { title: 'Muster phone simulator', pick: 'Pick a number on the left to see its SMS and calls.', search: 'Search numbers', none: 'No phone has received an SMS or a call yet.',
      sms: 'SMS', calls: 'Calls', reply: 'Reply', send: 'Send', noSms: 'No SMS.', noCalls: 'No calls.', back: 'Back',
      behaviour: 'Phone behaviour', normal: 'Normal', landline: 'Landline', unreachable: 'Unreachable', undelivered: 'SMS undelivered', 'no-answer': 'No answer', busy: 'Busy',
      hangup: 'Hang up', callIn: 'Call in', waiting: 'Waiting for keys…', say: 'Said', digits: 'Pressed', gather: 'Gather', pause: 'Pause', redirect: 'Redirect', hangupL: 'Hang-up', error: 'Error', fetch: 'Fetched', play: 'Played', unsupported: 'Unsupported',
      live: 'live', polling: 'polling', nDigits: ' digit(s)', 'g-pending': 'waiting for keys…', 'g-digits': 'got', 'g-timeout': 'timed out, no keys', 'g-hangup': 'hung up', optedOut: 'opted out', speak: 'Speak', msgs: 'SMS', callsN: 'calls',
      twilio: 'Twilio', tencent: 'Tencent Cloud', blacklisted: 'Blacklisted', tencentBehaviour: 'Tencent Cloud phone behaviour', tts: 'Voice notification', pressed: 'Pressed', replyVia: 'Replies go through', upstream: 'upstream (上行)',
      status: {} },
  };
  let lang = localStorage.getItem('emu-lang') || (navigator.language && navigator.language.startsWith('zh') ? 'zh-CN' : 'en');
  const t = (k) => (T[lang][k] !== undefined ? T[lang][k] : T.en[k] !== undefined ? T.en[k] : k);
  const st = (s) => (T[lang].status[s] || s);
  const $ = (s) => document.querySelector(s);
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (v !== false && v !== null && v !== undefined) e.setAttribute(k, v === true ? '' : v);
    }
    for (const k of kids.flat()) if (k !== null && k !== undefined && k !== false) e.append(k.nodeType ? k : String(k));
    return e;
  };
  const api = async (path, opts) => {
    const r = await fetch(path, opts && { method: opts.method || 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(opts.body || {}) });
    if (!r.ok) { let m = r.statusText; try { m = (await r.json()).error || m; } catch (e) {} alert(m); throw new Error(m); }
    return r.json();
  };
  const time = (s) => { if (!s) return ''; const d = new Date(s); return d.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' }); };

  let selected = decodeURIComponent(location.hash.slice(1)) || null;
  let phones = [];
  let drafts = {};
  // Whether a Tencent Cloud emulator runs beside this one (its routes answer 404 when not).
  let tencentOn = true;
  const provBadge = (p) => el('span', { class: 'badge prov-' + p, 'data-provider': p }, t(p));

  function applyLang() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-t]').forEach((n) => (n.textContent = t(n.dataset.t)));
    $('#q').placeholder = t('search');
    $('#lang').textContent = lang === 'en' ? '中文' : 'EN';
    document.title = t('title');
  }
  $('#lang').onclick = () => { lang = lang === 'en' ? 'zh-CN' : 'en'; localStorage.setItem('emu-lang', lang); applyLang(); renderList(); refreshDetail(); };
  $('#q').oninput = () => refreshList();
  window.addEventListener('hashchange', () => { selected = decodeURIComponent(location.hash.slice(1)) || null; renderList(); refreshDetail(); });

  function renderList() {
    const q = $('#q').value.replace(/\s/g, '');
    const box = $('#phones');
    box.replaceChildren();
    const shown = phones.filter((p) => !q || p.number.includes(q)).slice(0, 300);
    if (!shown.length) box.append(el('div', { class: 'empty' }, t('none')));
    for (const p of shown) {
      box.append(el('button', { class: 'phone' + (p.number === selected ? ' sel' : ''), type: 'button', onclick: () => { location.hash = encodeURIComponent(p.number); } },
        el('div', {}, el('span', { class: 'num' }, p.number),
          p.providers.map(provBadge),
          p.activeCall ? el('span', { class: 'badge ring' }, '☎') : null,
          p.behaviour !== 'normal' ? el('span', { class: 'badge bad' }, t(p.behaviour)) : null,
          p.tencentBehaviour && p.tencentBehaviour !== 'normal' ? el('span', { class: 'badge bad' }, t(p.tencentBehaviour)) : null,
          p.optedOutOf.length ? el('span', { class: 'badge bad' }, t('optedOut')) : null),
        el('div', { class: 'meta' }, p.messages + ' ' + t('msgs') + ' · ' + p.calls + ' ' + t('callsN') + (p.lastActivity ? ' · ' + time(p.lastActivity) : ''))));
    }
    document.body.classList.toggle('has-sel', !!selected);
  }

  async function tencentGet(path) {
    if (!tencentOn) return null;
    const r = await fetch('/_emulator/tencent/' + path);
    if (r.status === 404) { tencentOn = false; return null; }
    return r.json();
  }

  /** The Twilio and the Tencent phones, one entry per number, most recent first. */
  async function refreshList() {
    const q = '?limit=300&q=' + encodeURIComponent($('#q').value.replace(/\s/g, ''));
    const [tw, tc] = await Promise.all([fetch('/_emulator/phones' + q).then((r) => r.json()), tencentGet('phones' + q)]);
    const byNumber = new Map();
    for (const p of tw.phones) byNumber.set(p.number, { ...p, providers: p.messages || p.calls ? ['twilio'] : [] });
    for (const p of tc ? tc.phones : []) {
      const had = byNumber.get(p.number);
      const merged = had || { number: p.number, behaviour: 'normal', optedOutOf: [], messages: 0, calls: 0, activeCall: null, lastActivity: null, providers: [] };
      merged.tencentBehaviour = p.behaviour;
      merged.messages += p.messages; merged.calls += p.calls;
      merged.activeCall = merged.activeCall || p.activeCall;
      if (p.messages || p.calls) merged.providers = merged.providers.concat('tencent');
      if ((p.lastActivity || '') > (merged.lastActivity || '')) merged.lastActivity = p.lastActivity;
      byNumber.set(p.number, merged);
    }
    phones = [...byNumber.values()].sort((a, b) => (b.lastActivity || '').localeCompare(a.lastActivity || ''));
    renderList();
  }

  function speakText(text, language) {
    if (!('speechSynthesis' in window)) return;
    const u = new SpeechSynthesisUtterance(text); u.lang = language || 'en-US'; speechSynthesis.speak(u);
  }

  function transcriptLine(e) {
    const k = (key) => el('span', { class: 'k' }, t(key));
    switch (e.type) {
      case 'say': return el('li', {}, k('say'), el('span', { class: 'say', lang: e.language }, e.text), ' ', el('span', { class: 'badge' }, e.language),
        ' ', el('button', { type: 'button', title: t('speak'), onclick: () => speakText(e.text, e.language), style: 'border:0;background:none;cursor:pointer;color:#68737d' }, '▶'));
      case 'digits': return el('li', {}, k('digits'), el('strong', {}, e.digits));
      case 'gather': return el('li', {}, k('gather'), (e.numDigits ? e.numDigits + t('nDigits') + ' · ' : '') + t('g-' + e.result) + (e.digits ? ' ' + e.digits : ''));
      case 'pause': return el('li', {}, k('pause'), e.seconds + ' s');
      case 'redirect': return el('li', {}, k('redirect'), e.url);
      case 'fetch': return el('li', { class: 'hint' }, k('fetch'), e.method + ' ' + e.url + ' → ' + e.status);
      case 'hangup': return el('li', {}, k('hangupL'), e.by);
      case 'error': return el('li', { class: 'err' }, k('error'), e.code + ' ' + e.message);
      case 'play': return el('li', {}, k('play'), e.url);
      default: return el('li', {}, k('unsupported'), e.verb || e.type);
    }
  }

  function keypad(call) {
    const press = (d) => api('/_emulator/calls/' + call.sid + '/digits', { body: { digits: d } }).then(refreshDetail);
    return el('div', { class: 'keypad' + (call.waiting_for_digits ? ' waiting' : '') },
      ['1','2','3','4','5','6','7','8','9','*','0','#'].map((d) => el('button', { type: 'button', onclick: () => press(d) }, d)));
  }

  function tencentKeypad(call) {
    const press = (d) => api('/_emulator/tencent/calls/' + encodeURIComponent(call.callId) + '/keys', { body: { keys: d } }).then(refreshAll);
    return el('div', { class: 'keypad waiting', 'data-provider': 'tencent' },
      ['1','2','3','4','5','6','7','8','9','*','0','#'].map((d) => el('button', { type: 'button', onclick: () => press(d) }, d)));
  }

  async function refreshDetail() {
    const box = $('#detail');
    if (!selected) { box.replaceChildren(el('div', { class: 'empty' }, t('pick'))); return; }
    const enc = encodeURIComponent(selected);
    const [m, c, ph] = await Promise.all(['/_emulator/messages?phone=', '/_emulator/calls?phone=', '/_emulator/phones?q='].map((u) => fetch(u + enc).then((r) => r.json())));
    const [tm, tcalls, tph] = await Promise.all([tencentGet('messages?to=' + enc), tencentGet('calls?to=' + enc), tencentGet('phones?q=' + enc)]);
    const p = ph.phones.find((x) => x.number === selected) || { behaviour: 'normal', optedOutOf: [] };
    const tp = tph ? tph.phones.find((x) => x.number === selected) : null;
    const tmsgs = tm ? tm.messages : [];
    const tcs = tcalls ? tcalls.calls : [];
    // A reply goes back through the provider that texted the phone last (Tencent: as 上行).
    const lastTwilio = m.messages.filter((x) => x.direction !== 'inbound').map((x) => x.date_created).sort().pop() || '';
    const lastTencent = tmsgs.filter((x) => x.direction === 'outbound').map((x) => x.sentAt).sort().pop() || '';
    const replyVia = lastTencent && lastTencent >= lastTwilio ? 'tencent' : (lastTwilio || !tencentOn || !/^\+861/.test(selected) ? 'twilio' : 'tencent');
    const active = document.activeElement && document.activeElement.id === 'reply' ? true : false;

    const sel = el('select', { 'aria-label': t('behaviour'), onchange: (ev) => api('/_emulator/phones', { body: { number: selected, behaviour: ev.target.value } }).then(refreshAll) },
      ['normal','landline','unreachable','undelivered','no-answer','busy'].map((b) => el('option', { value: b, selected: b === p.behaviour }, t(b))));
    const toolbar = el('div', { class: 'toolbar' },
      el('button', { class: 'back', type: 'button', onclick: () => { location.hash = ''; } }, '← ' + t('back')),
      el('h2', {}, selected), el('label', { class: 'hint' }, t('behaviour') + ' '), sel,
      tencentOn ? el('label', { class: 'hint' }, t('tencentBehaviour') + ' ') : null,
      tencentOn ? el('select', { 'aria-label': t('tencentBehaviour'), 'data-testid': 'tencent-behaviour', onchange: (ev) => api('/_emulator/tencent/phones', { body: { number: selected, behaviour: ev.target.value } }).then(refreshAll) },
        ['normal','unreachable','no-answer','blacklisted'].map((b) => el('option', { value: b, selected: b === (tp ? tp.behaviour : 'normal') }, t(b)))) : null,
      el('button', { type: 'button', onclick: () => api('/_emulator/calls', { body: { from: selected } }).then(refreshAll) }, '☎ ' + t('callIn')));

    const thread = el('div', { class: 'thread' });
    const texts = m.messages.map((msg) => ({ at: msg.date_created, provider: 'twilio', msg }))
      .concat(tmsgs.map((msg) => ({ at: msg.sentAt, provider: 'tencent', msg })))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    if (!texts.length) thread.append(el('div', { class: 'hint' }, t('noSms')));
    for (const { provider, msg } of texts) {
      const inbound = msg.direction === 'inbound';
      if (provider === 'tencent') {
        thread.append(el('div', { class: 'bubble ' + (inbound ? 'inbound' : 'outbound'), 'data-provider': 'tencent' }, msg.content,
          el('span', { class: 'info' }, provBadge('tencent'), ' ' + time(msg.sentAt) + ' · ' + (inbound ? t('upstream') : ''),
            inbound ? '' : el('span', { class: 'st-' + msg.status }, st(msg.status)))));
        continue;
      }
      thread.append(el('div', { class: 'bubble ' + (inbound ? 'inbound' : 'outbound'), 'data-provider': 'twilio' }, msg.body,
        el('span', { class: 'info' }, tencentOn ? provBadge('twilio') : '', ' ' + time(msg.date_created) + ' · ' + (inbound ? '→ ' + msg.to : msg.from + ' · ') ,
          inbound ? '' : el('span', { class: 'st-' + msg.status }, st(msg.status) + (msg.error_code ? ' ' + msg.error_code : '')),
          ' · ' + msg.num_segments + (lang === 'en' ? ' seg' : ' 段'))));
    }
    const input = el('input', { id: 'reply', placeholder: t('reply'), autocomplete: 'off', value: drafts[selected] || '', oninput: (ev) => { drafts[selected] = ev.target.value; } });
    const send = (body) => (replyVia === 'tencent'
      ? api('/_emulator/tencent/sms', { body: { from: selected, text: body } })
      : api('/_emulator/sms', { body: { from: selected, body } })).then(() => { drafts[selected] = ''; refreshAll(); });
    const form = el('form', { class: 'reply', 'data-provider': replyVia, onsubmit: (ev) => { ev.preventDefault(); if (input.value) send(input.value); } }, input, el('button', { type: 'submit' }, t('send')));
    const quick = el('div', { class: 'quick' }, ['1', '2', 'Y', 'N', '收到', 'STOP', 'START'].map((q) => el('button', { type: 'button', onclick: () => send(q) }, q)));
    const via = tencentOn ? el('div', { class: 'hint' }, t('replyVia') + ' ', provBadge(replyVia), replyVia === 'tencent' ? ' ' + t('upstream') : '') : null;
    const smsSection = el('section', {}, el('h3', {}, t('sms')), thread, form, quick, via);

    const callsSection = el('section', {}, el('h3', {}, t('calls')));
    if (!c.calls.length && !tcs.length) callsSection.append(el('div', { class: 'hint' }, t('noCalls')));
    for (const call of tcs.slice().reverse()) {
      callsSection.append(el('div', { class: 'call', 'data-provider': 'tencent', 'data-status': call.status },
        el('div', { class: 'head' }, el('strong', {}, '↘ ' + st(call.status)), provBadge('tencent'),
          el('span', { class: 'hint' }, time(call.createdAt))),
        call.status === 'answered' ? el('div', { class: 'waiting-note' }, t('waiting')) : null,
        el('ul', { class: 'lines' },
          el('li', {}, el('span', { class: 'k' }, t('tts')), el('span', { class: 'say', lang: 'zh-CN' }, call.text), ' ',
            el('button', { type: 'button', title: t('speak'), onclick: () => speakText(call.text, 'zh-CN'), style: 'border:0;background:none;cursor:pointer;color:#68737d' }, '▶')),
          call.keys ? el('li', {}, el('span', { class: 'k' }, t('pressed')), el('strong', {}, call.keys)) : null),
        call.status === 'answered' ? tencentKeypad(call) : null));
    }
    for (const call of c.calls.slice().reverse()) {
      const live = call.status === 'in-progress' || call.status === 'ringing' || call.status === 'queued';
      callsSection.append(el('div', { class: 'call', 'data-provider': 'twilio' },
        el('div', { class: 'head' }, el('strong', {}, (call.direction === 'inbound' ? '↗ ' : '↘ ') + st(call.status)), tencentOn ? provBadge('twilio') : null,
          el('span', { class: 'hint' }, time(call.date_created) + (call.duration ? ' · ' + call.duration + ' s' : '')),
          live ? el('button', { type: 'button', onclick: () => api('/_emulator/calls/' + call.sid + '/hangup', { body: {} }).then(refreshAll) }, t('hangup')) : null),
        call.waiting_for_digits ? el('div', { class: 'waiting-note' }, t('waiting')) : null,
        el('ul', { class: 'lines' }, call.transcript.map(transcriptLine)),
        call.status === 'in-progress' ? keypad(call) : null));
    }
    box.replaceChildren(toolbar, smsSection, callsSection);
    thread.scrollTop = thread.scrollHeight;
    if (active) { input.focus(); input.setSelectionRange(input.value.length, input.value.length); }
  }

  let busy = false, again = false;
  async function refreshAll() {
    if (busy) { again = true; return; }
    busy = true;
    try { await refreshList(); await refreshDetail(); } catch (e) { /* next tick retries */ }
    busy = false;
    if (again) { again = false; refreshAll(); }
  }

  let poll = null;
  function connect() {
    if (!('EventSource' in window)) { startPolling(); return; }
    const es = new EventSource('/_emulator/events');
    es.addEventListener('change', () => { $('#live').textContent = '● ' + t('live'); refreshAll(); });
    es.onerror = () => { $('#live').textContent = '○ ' + t('polling'); startPolling(); };
    es.onopen = () => { if (poll) { clearInterval(poll); poll = null; } };
  }
  function startPolling() { if (!poll) poll = setInterval(refreshAll, 2000); }

  applyLang();
  refreshAll();
  connect();
})();
</script>
</body>
</html>
`;

/** `GET /` (and `/index.html`): the page, never cached. */
export function servePhonePage(res: http.ServerResponse): void {
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(PHONE_PAGE_HTML),
  });
  res.end(PHONE_PAGE_HTML);
}
