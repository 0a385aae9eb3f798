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

const DRAFT = [
  '居家养老服务条例（草案）',
  '（2026年11月1日区人民政府常务会议讨论通过）',
  '目　　录',
  '第一章　总　　则',
  '第二章　服务提供',
  '第一章　总　　则',
  '第一条　为了规范居家养老服务，制定本条例。',
  '第二条　本条例适用于本区行政区域内的居家养老服务。',
  '第二章　服务提供',
  '第三条　街道办事处应当做好下列工作：',
  '（一）设置社区助餐点；',
  '（二）组织志愿者上门探访。',
  '社区居民委员会应当予以协助。',
  '第四条　本条例自2027年3月1日起施行。',
].join('\n');

export function isoDate(offsetDays: number): string {
  const d = new Date(Date.now() + 8 * 3600_000 + offsetDays * 86400_000);
  return d.toISOString().slice(0, 10);
}

/** Staff create an open solicitation and give it a checked, saved draft; returns its id. */
export async function openSolicitation(page: Page, title: string): Promise<string> {
  await signIn(page);
  await page.goto('/staff/solicitations/new');
  await ready(page);
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('阶段').selectOption('drafting');
  await page.getByLabel('开始日期').fill(isoDate(-1));
  await page.getByLabel('截止日期').fill(isoDate(30));
  await page.getByLabel('状态').selectOption('open');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存。')).toBeVisible();
  const id = page.url().match(/\/staff\/solicitations\/(\d+)/)![1];

  await page.getByRole('link', { name: '录入新版本草案' }).click();
  await ready(page);
  await page.getByLabel('草案全文').fill(DRAFT);
  await page.getByRole('button', { name: '检查解析结果' }).click();
  await expect(page.getByRole('heading', { name: '解析结果（4条）' })).toBeVisible();
  await expect(page.getByText('没有发现异常。')).toBeVisible();
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByText('新版本草案已保存。')).toBeVisible();
  return id;
}

