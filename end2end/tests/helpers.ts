import { test, expect, Page, Browser, TestInfo } from '@playwright/test';

export const user = process.env.E2E_USER || 'e2e.admin';
export const password = process.env.E2E_PASSWORD || '';

/** With JavaScript on, waits until the page is hydrated, so that the test drives the app's own
 *  client-side path rather than a plain form post made before the bundle loaded. */
export async function ready(page: Page) {
  const js = test.info().project.use.javaScriptEnabled !== false;
  if (js) await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
}

/** Signs the admin in through the login form and waits for the staff area. */
export async function signIn(page: Page) {
  await page.goto('/staff/login');
  await ready(page);
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
}

/** A new page for a visitor (no cookies), with the same JavaScript setting as the project. */
export async function visitorPage(browser: Browser, info: TestInfo): Promise<Page> {
  const context = await browser.newContext({
    baseURL: process.env.BASE_URL,
    javaScriptEnabled: info.project.use.javaScriptEnabled,
    locale: 'zh-CN',
  });
  return context.newPage();
}

/** Fills the story editor (already open) and saves it. */
export async function writeStory(page: Page, story: { title: string; slug: string; body: string }) {
  await ready(page);
  await page.getByLabel('标题').fill(story.title);
  await page.getByLabel('类型').selectOption('case');
  await page.getByLabel('发布日期').fill('2026-11-28');
  await page.getByLabel('摘要').fill('居民在议事会上提出的意见，后来写进了条例。');
  await page.getByLabel('正文').fill(story.body);
  await page.getByLabel('网址').fill(story.slug);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存。')).toBeVisible();
}
