import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ConsoleBrowser, PAST_LOGIN, requireBuiltConsole, screenshot, shot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The plan's 四(四) end to end: an inspector writes a notice, the zone admin reviews and publishes
 * it, and a reader without an account finds it on the public pages, in Chinese and in English.
 */
describe('publishing a notice to the public pages', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;
  let author: Page;
  let reviewer: Page;
  let reader: Page;

  beforeAll(async () => {
    await requireBuiltConsole();
    server = await startTestServer();
    ui = await ConsoleBrowser.launch(server.baseUrl);
    author = await ui.openPage('inspector@muster.test', { viewport: { width: 1280, height: 900 } });
    await ui.signIn(author, 'inspector@muster.test', PAST_LOGIN);
    reviewer = await ui.openPage('admin@muster.test', { viewport: { width: 1280, height: 900 } });
    await ui.signIn(reviewer, 'admin@muster.test', PAST_LOGIN);
    reader = await ui.openPage('reader', { viewport: { width: 1100, height: 900 } });
  }, 300_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
  });

  it('an author writes, a reviewer publishes, the public reads it without login', async () => {
    const title = '关于园区道路施工期间危化品车辆绕行的通知';
    await author.goto(`${server.baseUrl}/publishing`);
    await author.getByRole('button', { name: '撰写新文章' }).click();
    await author.getByLabel('标题').fill(title);
    await author
      .getByLabel('正文（纯文本，段落之间空一行）')
      .fill('园区各企业：\n\n因纬二路施工，危化品运输车辆请绕行经三路。<b>请勿</b>在施工路段停车。');
    await author.getByRole('button', { name: '保存并提交审核' }).click();
    const row = author.getByTestId('article-row').filter({ hasText: title });
    await row.getByText('待审核').waitFor();
    // The author cannot publish: no review queue, and the server would refuse anyway.
    expect(await author.getByRole('button', { name: '审核通过并发布' }).count()).toBe(0);
    await shot(author, 'portal-author-zh');

    await reviewer.goto(`${server.baseUrl}/publishing`);
    const card = reviewer.getByTestId('review-card').filter({ hasText: title });
    await card.getByLabel('审核意见').fill('同意发布');
    await shot(reviewer, 'portal-review-zh', 1100);
    await card.getByRole('button', { name: '审核通过并发布' }).click();
    await reviewer.getByTestId('article-row').filter({ hasText: title }).getByText('已发布').waitFor();

    await reviewer.getByTestId('language-switcher').selectOption('en');
    await reviewer.waitForFunction(() => document.documentElement.lang === 'en');
    await reviewer.getByRole('heading', { name: 'Publishing' }).waitFor();
    await shot(reviewer, 'portal-console-en');

    // The reader has no account.
    await reader.goto(`${server.baseUrl}/public/`);
    await reader.getByRole('link', { name: title }).first().waitFor();
    await screenshot(reader, 'portal-public-index-zh', true);
    await reader.getByRole('link', { name: title }).first().click();
    await reader.getByRole('heading', { name: title }).waitFor();
    // Stored markup is text on the page.
    await reader.getByText('<b>请勿</b>在施工路段停车', { exact: false }).waitFor();
    expect(await reader.locator('article b').count()).toBe(0);
    await screenshot(reader, 'portal-public-item-zh', true);

    await reader.getByRole('link', { name: 'English' }).click();
    await reader.waitForFunction(() => document.documentElement.lang === 'en');
    await reader.getByRole('link', { name: 'Notices' }).first().waitFor();
    await screenshot(reader, 'portal-public-item-en', true);
    await reader.goto(`${server.baseUrl}/public/notices?lang=en`);
    await reader.getByRole('heading', { name: 'Notices' }).waitFor();
    await screenshot(reader, 'portal-public-notices-en', true);
    await reader.emulateMedia({ media: 'print' });
    await screenshot(reader, 'portal-public-notices-print', true);
    ui.expectCleanRun();
  });
});
