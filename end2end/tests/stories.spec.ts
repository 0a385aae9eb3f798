import { test, expect } from '@playwright/test';
import { signIn, visitorPage, writeStory } from './helpers';

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

test('with JavaScript the page hydrates, navigates in place and logs no errors', async ({ page }, info) => {
  test.skip(info.project.name === 'nojs', 'hydration needs JavaScript');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto('/');
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  await page.evaluate(() => { (window as any).__samePage = true; });
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '案例故事' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '案例故事' })).toBeVisible();
  expect(await page.evaluate(() => (window as any).__samePage)).toBe(true);
  // Signing in runs the server function from the page and follows its redirect in place.
  await page.goto('/staff/login');
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  await page.evaluate(() => { (window as any).__samePage = true; });
  await page.getByLabel('用户名').fill(process.env.E2E_USER || 'e2e.admin');
  await page.getByLabel('密码').fill(process.env.E2E_PASSWORD || '');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
  expect(await page.evaluate(() => (window as any).__samePage)).toBe(true);
  expect(errors).toEqual([]);
});

test('a page whose code does not arrive is loaded in full, not left broken', async ({ page }, info) => {
  test.skip(info.project.name === 'nojs', 'without JavaScript there is no code to fetch');
  await page.goto('/');
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  await page.evaluate(() => { (window as any).__samePage = true; });
  // From now on no chunk of the bundle arrives (a dropped connection, or a new build replaced them).
  let refused = 0;
  await page.route(/\/pkg\/.*\.wasm$/, (route) => { refused++; return route.abort(); });
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '征求意见' }).click();
  await expect(page).toHaveURL(/\/solicitations$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(refused, 'the page’s chunk was asked for').toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as any).__samePage), 'the page was loaded in full').toBeUndefined();
  // The full page cannot hydrate either, and stays as it is, working as it does without JavaScript,
  // rather than loading itself again and again.
  let loads = 0;
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) loads++; });
  await page.waitForTimeout(1500);
  expect(loads, 'the page did not load itself again').toBe(0);
  await expect(page).toHaveURL(/\/solicitations$/);
  await expect(page.locator('html[data-hydrated]')).toHaveCount(0);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '案例故事' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '案例故事' })).toBeVisible();
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
