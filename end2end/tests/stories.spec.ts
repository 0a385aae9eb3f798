import { test, expect } from '@playwright/test';
import { openSolicitation, signIn, visitorPage, writeStory } from './helpers';

const unique = (info: { project: { name: string } }) => `${info.project.name}-${Date.now()}`;

test('staff write and publish a story; a visitor finds it in the list and reads it', async ({ page, browser }, info) => {
  const tag = unique(info);
  const title = `社区议事会的一条建议 ${tag}`;
  await signIn(page);
  await page.goto('/staff/stories/new');
  await writeStory(page, {
    title,
    slug: `e2e-${tag}`,
    body: '## 经过\n\n居民**踊跃发言**。\n\n<script>window.hacked = 1</script>\n\n[坏链接](javascript:alert(1))',
  });
  await expect(page.getByText('未发布')).toBeVisible();
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await expect(page.getByText('已发布，公众现在可以看到。')).toBeVisible();

  const visitor = await visitorPage(browser, info);
  await visitor.goto('/stories');
  await visitor.getByRole('link', { name: title }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(visitor.locator('.prose strong')).toHaveText('踊跃发言');
  await expect(visitor.locator('.prose script')).toHaveCount(0);
  await expect(visitor.getByRole('link', { name: '坏链接' })).toHaveCount(0);
  expect(visitor.url()).toContain(`/stories/e2e-${tag}`);
});

test('an unpublished story cannot be reached by the public', async ({ page, browser }, info) => {
  const tag = unique(info);
  const title = `尚未发布的草稿 ${tag}`;
  await signIn(page);
  await page.goto('/staff/stories/new');
  await writeStory(page, { title, slug: `draft-${tag}`, body: '还在写。' });

  const visitor = await visitorPage(browser, info);
  const response = await visitor.goto(`/stories/draft-${tag}`);
  expect(response?.status()).toBe(404);
  await expect(visitor.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await visitor.goto('/stories');
  await expect(visitor.getByText(title)).toHaveCount(0);
});

test('a wrong password is refused with a clear message and the username is kept', async ({ page }) => {
  await page.goto('/staff/login');
  await page.getByLabel('用户名').fill('nobody.here');
  await page.getByLabel('密码').fill('wrong-password-123');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText('用户名或密码错误。')).toBeVisible();
  await expect(page.getByLabel('用户名')).toHaveValue('nobody.here');
  await expect(page.getByRole('button', { name: '退出登录' })).toHaveCount(0);
});

test('bad input is explained next to the field and nothing typed is lost', async ({ page }, info) => {
  const body = `正文里写了很多内容，不能丢。${unique(info)}`;
  await signIn(page);
  await page.goto('/staff/stories/new');
  await page.getByLabel('标题').fill('   ');
  await page.getByLabel('正文').fill(body);
  await page.getByLabel('网址').fill('Not A Slug!');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('#f-title-error')).toHaveText('标题不能只有空格，请填写内容。');
  await expect(page.locator('#f-slug-error')).toContainText('网址只能用小写英文字母、数字和连字符');
  await expect(page.getByLabel('正文')).toHaveValue(body);
  await expect(page.getByLabel('网址')).toHaveValue('Not A Slug!');
});

test('the story list reads on a 360 px phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/stories');
  await expect(page.getByRole('heading', { level: 1, name: '案例故事' })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
});

test('with JavaScript public pages change in place, back and forth, and log no errors', async ({ page }, info) => {
  test.skip(info.project.name === 'nojs', 'moving in place needs JavaScript');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto('/');
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  await page.evaluate(() => { (window as any).__samePage = true; });
  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('link', { name: '案例故事' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '案例故事' })).toBeVisible();
  await expect(page).toHaveURL(/\/stories$/);
  await expect(page).toHaveTitle(/案例故事/);
  expect(await page.evaluate(() => (window as any).__samePage), 'moved in place').toBe(true);
  // A screen reader and the keyboard go on from the new page's content.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  await nav.getByRole('link', { name: '征求意见' }).click();
  await expect(page).toHaveURL(/\/solicitations$/);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: '案例故事' })).toBeVisible();
  await page.goForward();
  await expect(page).toHaveURL(/\/solicitations$/);
  await expect(page.getByRole('heading', { level: 1, name: '案例故事' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__samePage), 'back and forward in place').toBe(true);
  // The skip link stays the browser's own: it moves within the page.
  await page.getByRole('link', { name: '跳到正文' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/solicitations#main$/);
  expect(await page.evaluate(() => (window as any).__samePage)).toBe(true);
  // The staff area belongs to one person: it is always loaded as a page of its own.
  await page.getByRole('link', { name: '工作人员入口' }).click();
  await expect(page.getByLabel('用户名')).toBeVisible();
  expect(await page.evaluate(() => (window as any).__samePage), 'the staff area was loaded in full').toBeUndefined();
  await page.getByLabel('用户名').fill(process.env.E2E_USER || 'e2e.admin');
  await page.getByLabel('密码').fill(process.env.E2E_PASSWORD || '');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a page that cannot be fetched in place is loaded in full, and a page whose code does not arrive still works', async ({ page, browser }, info) => {
  test.skip(info.project.name === 'nojs', 'without JavaScript nothing is fetched in place');
  await page.goto('/');
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  await page.evaluate(() => { (window as any).__samePage = true; });
  // The fetch of the next page fails (a dropped connection); the browser's own load does not.
  let refused = 0;
  await page.route(/\/solicitations$/, (route) => {
    if (route.request().resourceType() === 'fetch') { refused++; return route.abort(); }
    return route.continue();
  });
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '征求意见' }).click();
  await expect(page).toHaveURL(/\/solicitations$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(refused, 'the page was asked for in place first').toBe(1);
  expect(await page.evaluate(() => (window as any).__samePage), 'the page was loaded in full').toBeUndefined();

  // A form page whose wasm never arrives works as it does without JavaScript.
  const id = await openSolicitation(page, `代码未到 ${info.project.name}-${Date.now()}`);
  const visitor = await visitorPage(browser, info);
  let wasm = 0;
  await visitor.route(/\/pkg\/.*\.wasm$/, (route) => { wasm++; return route.abort(); });
  await visitor.goto(`/solicitations/${id}/opinions/new`);
  await expect.poll(() => wasm, 'the page asked for its code').toBeGreaterThan(0);
  await expect(visitor.locator('html[data-hydrated]')).toHaveCount(0);
  await visitor.getByLabel(/^意见内容（/).fill('太短');
  await visitor.getByRole('button', { name: '提交意见' }).click();
  await expect(visitor.locator('.error-summary')).toContainText('意见内容');
  await expect(visitor.getByLabel(/^意见内容（/)).toHaveValue('太短');
  await visitor.context().close();
});

test('the sign-in form can be used with the keyboard alone', async ({ page }) => {
  await page.goto('/staff/login');
  await page.getByLabel('用户名').focus();
  await page.keyboard.type('nobody.here');
  await page.keyboard.press('Tab');
  await page.keyboard.type('wrong-password-123');
  await page.keyboard.press('Enter');
  await expect(page.getByText('用户名或密码错误。')).toBeVisible();
});
