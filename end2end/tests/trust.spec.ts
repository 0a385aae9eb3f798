import { test, expect, Page } from '@playwright/test';
import { openSolicitation, ready, visitorPage } from './helpers';

/** Records every Content-Security-Policy violation and console error of `page`. */
async function watch(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('pageerror', (e) => seen.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') seen.push(m.text()); });
  return seen;
}

test('every page hydrates and works under its Content-Security-Policy', async ({ page, browser }, info) => {
  test.skip(info.project.name === 'nojs', 'without JavaScript no script runs at all');
  const id = await openSolicitation(page, `内容安全策略 ${Date.now()}`);
  const visitor = await visitorPage(browser, info);
  const problems = await watch(visitor);
  for (const path of ['/', '/stories', '/solicitations', `/solicitations/${id}`, '/consultations', '/deputies', '/stats', '/track', '/privacy']) {
    // Twice: a page shared from the cache names its inline scripts by hash, one rendered for this
    // request by its nonce; either way the page hydrates and nothing is blocked.
    for (const round of [1, 2]) {
      const r = await visitor.goto(path);
      const policy = r?.headers()['content-security-policy'] ?? '';
      const shared = r?.headers()['x-page-cache'] !== undefined;
      expect(policy, `${path} (${round})`).toContain(shared ? "'sha256-" : "'nonce-");
      expect(policy, path).not.toContain('unsafe-inline');
      await ready(visitor);
    }
  }
  // A resident sends an opinion through the hydrated form (the app's own call, under the policy).
  await visitor.goto(`/solicitations/${id}/opinions/new?article=3`);
  await ready(visitor);
  await visitor.getByLabel(/^意见内容（/).fill('第三条的助餐点应当覆盖每个社区。');
  await visitor.getByLabel(/^姓名（/).fill('王秀兰');
  await visitor.getByLabel('手机号').fill('13800138001');
  await visitor.getByLabel('所在街镇').selectOption('东湖街道');
  await visitor.locator('#f-consent').check();
  await visitor.getByRole('button', { name: '提交意见' }).click();
  await expect(visitor.getByRole('heading', { name: '意见已收到' })).toBeVisible();
  expect(problems).toEqual([]);
  // The watcher does see a violation: a script injected into the page is refused.
  await visitor.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.appendChild(s);
  });
  await expect.poll(() => problems.some((p) => p.includes('CSP violation: script-src'))).toBe(true);
  expect(await visitor.evaluate(() => (window as any).__injected)).toBeUndefined();

  // Staff pages, with the page's only inline handlers: select-all and print.
  const staffProblems = await watch(page);
  await page.goto(`/staff/opinions?solicitation=${id}`);
  await ready(page);
  const all = page.locator('#sel-all');
  await all.check();
  const boxes = page.locator('input[name="selected[]"]');
  expect(await boxes.count()).toBeGreaterThan(0);
  for (const box of await boxes.all()) await expect(box).toBeChecked();
  await page.goto('/staff/notifications');
  await ready(page);
  await expect(page.getByRole('button', { name: '打印回执' })).toBeVisible();
  expect(staffProblems).toEqual([]);
});

test('private pages are not kept by the browser and send no referrer', async ({ page, browser }, info) => {
  const visitor = await visitorPage(browser, info);
  const track = await visitor.goto('/track');
  expect(track?.headers()['cache-control']).toBe('no-store');
  expect(track?.headers()['referrer-policy']).toBe('no-referrer');
  const login = await page.goto('/staff/login');
  expect(login?.headers()['cache-control']).toBe('no-store');
  const stories = await visitor.goto('/stories');
  expect(stories?.headers()['cache-control'] ?? '').not.toBe('no-store');
});
