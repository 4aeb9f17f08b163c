import { ZONE_NAME } from '@muster/contracts';
import { html, type SafeHtml } from './html.js';
import type { PortalItem, PortalSection } from './portal-sections.js';

export type Lang = 'zh' | 'en';

export const LANGS: readonly Lang[] = ['zh', 'en'];

const WORDS = {
  zh: {
    htmlLang: 'zh-CN',
    site: '安全生产信息公开',
    owner: `${ZONE_NAME.zh}管理委员会`,
    home: '首页',
    sections: '栏目',
    skip: '跳到正文',
    switchTo: 'English',
    switchLang: 'en' as Lang,
    more: '更多',
    none: '暂无发布内容。',
    published: '发布日期',
    updated: '更新日期',
    attachments: '附件',
    previous: '上一页',
    next: '下一页',
    page: (n: number) => `第 ${n} 页`,
    feed: 'Atom 订阅',
    feedOf: (s: string) => `${s} Atom 订阅`,
    notFound: '未找到该页面',
    notFoundText: '您访问的内容不存在或已撤回。',
    intro: '本站发布园区管委会的通知公告、安全知识以及依法公开的安全生产监管信息。',
    footer: '本站内容由管委会审核发布，不含个人信息。',
  },
  en: {
    htmlLang: 'en',
    site: 'Public safety information',
    owner: `${ZONE_NAME.en} Administrative Committee`,
    home: 'Home',
    sections: 'Sections',
    skip: 'Skip to content',
    switchTo: '中文',
    switchLang: 'zh' as Lang,
    more: 'More',
    none: 'Nothing published yet.',
    published: 'Published',
    updated: 'Updated',
    attachments: 'Attachments',
    previous: 'Previous page',
    next: 'Next page',
    page: (n: number) => `Page ${n}`,
    feed: 'Atom feed',
    feedOf: (s: string) => `${s} Atom feed`,
    notFound: 'Page not found',
    notFoundText: 'What you asked for does not exist or has been withdrawn.',
    intro:
      "Notices and safety knowledge from the zone's administrative committee, and the safety supervision information the law requires it to publish. Items are published in Chinese.",
    footer: 'Reviewed and published by the administrative committee; no personal data is published.',
  },
} as const;

/** An address on the public site in a language: Chinese needs no parameter. */
export function href(path: string, lang: Lang, query: Record<string, string | number> = {}): string {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  if (lang !== 'zh') params.set('lang', lang);
  const q = params.toString();
  return q ? `${path}?${q}` : path;
}

export interface PageContext {
  lang: Lang;
  sections: PortalSection[];
  timeZone: string;
  /** The page's own path and query without `lang`, for the language switch. */
  path: string;
  query?: Record<string, string | number>;
  current?: string;
}

function date(d: Date, timeZone: string): string {
  // en-CA writes YYYY-MM-DD in any locale.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}

function time(d: Date, ctx: PageContext): SafeHtml {
  return html`<time datetime="${d.toISOString()}">${date(d, ctx.timeZone)}</time>`;
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function layout(ctx: PageContext, title: string, main: SafeHtml, feedPath: string): string {
  const w = WORDS[ctx.lang];
  const nav = ctx.sections.map(
    (s) =>
      html`<li>
        <a
          href="${href(`/public/${s.key}`, ctx.lang)}"
          ${ctx.current === s.key ? html` aria-current="page"` : ''}
          >${s.title[ctx.lang]}</a
        >
      </li>`,
  );
  const other = w.switchLang;
  return `<!doctype html>${
    html`<html lang="${w.htmlLang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · ${w.site} · ${ZONE_NAME[ctx.lang]}</title>
        <link rel="alternate" type="application/atom+xml" title="${w.feed}" href="${feedPath}" />
        <link
          rel="alternate"
          hreflang="${WORDS[other].htmlLang}"
          href="${href(ctx.path, other, ctx.query)}"
        />
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <a class="skip" href="#main">${w.skip}</a>
        <header class="masthead">
          <div class="wrap">
            <p class="owner">${w.owner}</p>
            <p class="site"><a href="${href('/public/', ctx.lang)}">${w.site}</a></p>
            <a
              class="lang"
              href="${href(ctx.path, other, ctx.query)}"
              hreflang="${WORDS[other].htmlLang}"
              lang="${WORDS[other].htmlLang}"
              >${w.switchTo}</a
            >
          </div>
          <nav aria-label="${w.sections}">
            <ul class="wrap">
              <li>
                <a
                  href="${href('/public/', ctx.lang)}"
                  ${ctx.current === undefined ? html` aria-current="page"` : ''}
                  >${w.home}</a
                >
              </li>
              ${nav}
            </ul>
          </nav>
        </header>
        <main id="main" class="wrap">${main}</main>
        <footer class="wrap">
          <p>${w.footer}</p>
          <p><a href="${feedPath}">${w.feed}</a></p>
        </footer>
      </body>
    </html>`.value
  }`;
}

function itemList(ctx: PageContext, section: PortalSection, items: PortalItem[]): SafeHtml {
  if (!items.length) return html`<p class="none">${WORDS[ctx.lang].none}</p>`;
  return html`<ul class="items">
    ${items.map(
      (i) =>
        html` <li>
          <h3>
            <a href="${href(`/public/${section.key}/${encodeURIComponent(i.id)}`, ctx.lang)}">${i.title}</a>
          </h3>
          <p class="meta">${time(i.publishedAt, ctx)}</p>
          ${i.summary ? html`<p class="summary">${i.summary}</p>` : ''}
        </li>`,
    )}
  </ul>`;
}

export function indexPage(
  ctx: PageContext,
  newest: { section: PortalSection; items: PortalItem[] }[],
): string {
  const w = WORDS[ctx.lang];
  const main = html`<h1>${w.site}</h1>
    <p class="intro">${w.intro}</p>
    ${newest.map(
      ({ section, items }) =>
        html`<section aria-labelledby="s-${section.key}">
          <h2 id="s-${section.key}">${section.title[ctx.lang]}</h2>
          ${itemList(ctx, section, items)}
          ${items.length ? html`<p class="more"><a href="${href(`/public/${section.key}`, ctx.lang)}">${w.more}: ${section.title[ctx.lang]}</a></p>` : ''}
        </section>`,
    )}`;
  return layout(ctx, w.home, main, '/public/feed.atom');
}

export function sectionPage(
  ctx: PageContext,
  section: PortalSection,
  items: PortalItem[],
  page: number,
  hasNext: boolean,
): string {
  const w = WORDS[ctx.lang];
  const path = `/public/${section.key}`;
  const pager =
    page > 1 || hasNext
      ? html`<nav class="pager" aria-label="${w.page(page)}">
          ${page > 1 ? html`<a rel="prev" href="${href(path, ctx.lang, page > 2 ? { page: page - 1 } : {})}">${w.previous}</a>` : ''}
          <span>${w.page(page)}</span>
          ${hasNext ? html`<a rel="next" href="${href(path, ctx.lang, { page: page + 1 })}">${w.next}</a>` : ''}
        </nav>`
      : '';
  const main = html`<h1>${section.title[ctx.lang]}</h1>
    ${itemList(ctx, section, items)} ${pager}
    <p class="feed"><a href="${path}/feed.atom">${w.feedOf(section.title[ctx.lang])}</a></p>`;
  return layout(ctx, section.title[ctx.lang], main, `${path}/feed.atom`);
}

export function itemPage(ctx: PageContext, section: PortalSection, item: PortalItem): string {
  const w = WORDS[ctx.lang];
  const base = `/public/${section.key}/${encodeURIComponent(item.id)}`;
  const paragraphs = item.body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const lines = p.split('\n');
      return html`<p>${lines.map((l, n) => (n ? html`<br />${l}` : l))}</p>`;
    });
  const changed = item.updatedAt.getTime() - item.publishedAt.getTime() > 60_000;
  const main = html`<nav class="crumbs" aria-label="${w.sections}">
      <a href="${href('/public/', ctx.lang)}">${w.home}</a> ›
      <a href="${href(`/public/${section.key}`, ctx.lang)}">${section.title[ctx.lang]}</a>
    </nav>
    <article>
      <h1>${item.title}</h1>
      <p class="meta">
        ${w.published}
        ${time(item.publishedAt, ctx)}${changed ? html` · ${w.updated} ${time(item.updatedAt, ctx)}` : ''}
      </p>
      <div class="body">${paragraphs}</div>
      ${
        item.attachments?.length
          ? html`<section class="attachments">
              <h2>${w.attachments}</h2>
              <ul>
                ${item.attachments.map(
                  (a) =>
                    html`<li>
                      <a href="${base}/files/${a.id}" download>${a.name}</a>
                      <span class="meta">(${size(a.size)})</span>
                    </li>`,
                )}
              </ul>
            </section>`
          : ''
      }
      ${item.alternate ? html`<p class="alternate"><a href="${item.alternate.url}" type="${item.alternate.type}">${item.alternate.label[ctx.lang]}</a></p>` : ''}
    </article>`;
  return layout(ctx, item.title, main, `/public/${section.key}/feed.atom`);
}

export function notFoundPage(ctx: PageContext): string {
  const w = WORDS[ctx.lang];
  return layout(
    ctx,
    w.notFound,
    html`<h1>${w.notFound}</h1>
      <p>${w.notFoundText}</p>`,
    '/public/feed.atom',
  );
}

/** Plain, high-contrast, readable at any width; printing drops the navigation and shows link targets. */
const STYLE = `
:root{color-scheme:light;--ink:#1a1a1a;--muted:#555;--line:#d6d6d6;--brand:#9b1c1c;--link:#0b4f9c}
*{box-sizing:border-box}
body{margin:0;font:1rem/1.75 system-ui,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--ink);background:#fff}
.wrap{max-width:60rem;margin:0 auto;padding:0 1.25rem}
a{color:var(--link)}
a:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}
.skip:focus{left:1rem}
.masthead{border-top:6px solid var(--brand);border-bottom:1px solid var(--line);background:#faf7f5}
.masthead .wrap{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1.5rem;padding-top:1rem;padding-bottom:.5rem}
.owner{margin:0;color:var(--brand);font-weight:600;letter-spacing:.05em}
.site{margin:0;font-size:1.5rem;font-weight:700}
.site a{color:var(--ink);text-decoration:none}
.lang{margin-left:auto}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;padding-top:.25rem;padding-bottom:.75rem;margin:0 auto}
nav a{text-decoration:none;font-weight:600}
nav a[aria-current]{color:var(--brand);border-bottom:3px solid var(--brand)}
main{padding-top:1.5rem;padding-bottom:2rem}
h1{font-size:1.75rem;line-height:1.35;margin:.5rem 0 1rem}
h2{font-size:1.25rem;border-bottom:2px solid var(--line);padding-bottom:.25rem;margin-top:2rem}
h3{font-size:1.05rem;margin:0}
.intro{color:var(--muted)}
.items{list-style:none;padding:0;margin:0}
.items li{padding:.75rem 0;border-bottom:1px solid var(--line)}
.items h3 a{text-decoration:none}
.items h3 a:hover{text-decoration:underline}
.meta{color:var(--muted);font-size:.9rem;margin:.125rem 0}
.summary{margin:.25rem 0 0}
.none{color:var(--muted)}
.crumbs{font-size:.9rem;color:var(--muted)}
article .body p{margin:0 0 1em;text-indent:2em;overflow-wrap:anywhere}
html[lang=en] article .body p{text-indent:0}
.pager{display:flex;gap:1.5rem;margin-top:1rem}
footer{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem;padding-top:.5rem;padding-bottom:2rem}
@media print{
  .skip,nav,.lang,.pager,.feed,footer p:last-child{display:none}
  .masthead{background:none;border-top:0}
  body{font-size:12pt}
  a{color:var(--ink);text-decoration:none}
  .body a[href]::after,.attachments a[href]::after{content:" (" attr(href) ")";font-size:.85em}
}
`;
