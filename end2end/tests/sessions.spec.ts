import { test, expect, APIRequestContext, Page } from '@playwright/test';
import { isoDate, ready, signIn, visitorPage } from './helpers';

/** Staff create a published session through the editor (after one refused save); returns its id. */
async function createSession(page: Page, title: string, capacity = '10'): Promise<string> {
  await signIn(page);
  await page.goto('/staff/consultations/new');
  await ready(page);
  await page.getByLabel('活动类型').selectOption('forum');
  await page.getByLabel('活动名称').fill(title);
  await page.getByLabel('议题').fill('物业费和维修资金');
  await page.getByLabel('活动日期').fill(isoDate(10));
  await page.getByLabel('开始时间').fill('14:30');
  await page.getByLabel('结束时间').fill('14:00');
  await page.getByLabel('活动地点').fill('东湖路 88 号二楼');
  await page.getByLabel(/^名额/).fill(capacity);
  await page.getByLabel('报名开始日期').fill(isoDate(-1));
  await page.getByLabel('报名截止日期').fill(isoDate(9));
  await page.getByLabel('状态', { exact: true }).selectOption('published');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('.error-summary')).toContainText('结束时间应晚于开始时间');
  await expect(page.getByLabel('活动名称')).toHaveValue(title);
  await ready(page);
  await page.getByLabel('结束时间').fill('16:30');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存。')).toBeVisible();
  return page.url().match(/\/staff\/consultations\/(\d+)/)![1];
}

/** Registers as the plain form does; returns the code. */
async function register(request: APIRequestContext, id: string, name: string, phone: string) {
  const r = await request.post('/api/consultations/register', {
    form: { consultation_id: id, submit_key: '', name, phone, organisation: '', questions: '', email: '', consent: '1' },
    headers: { Accept: 'text/html', 'Sec-Fetch-Site': 'same-origin' },
    maxRedirects: 0,
  });
  expect(r.status()).toBe(302);
  return r.headers()['location'].match(/\/track\/([^?]+)/)![1];
}

test('a resident registers for a session on a phone, then cancels', async ({ page, browser }, info) => {
  const title = `物业管理座谈会 ${info.project.name}-${Date.now()}`;
  const id = await createSession(page, title);

  const resident = await visitorPage(browser, info);
  await resident.setViewportSize({ width: 360, height: 740 });
  await resident.goto('/consultations');
  await ready(resident);
  await resident.getByRole('link', { name: title }).click();
  await ready(resident);
  await expect(resident.getByText('正在报名，还剩 10 个名额')).toBeVisible();
  // No horizontal scrolling on a 360 px phone.
  const overflow = await resident.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // A mistake first: the number is wrong; what was typed stays.
  await resident.getByLabel('姓名').fill('王秀英');
  await resident.getByLabel('手机号').fill('12345');
  await resident.getByLabel('想提出的问题或意见').fill('维修资金的使用情况应当每季度公开。');
  await resident.getByLabel('我已阅读并同意').check();
  await resident.getByRole('button', { name: '提交报名' }).click();
  await expect(resident.locator('.error-summary')).toContainText('手机号应为 11 位');
  await expect(resident.getByLabel('想提出的问题或意见')).toHaveValue('维修资金的使用情况应当每季度公开。');
  await ready(resident);
  await resident.getByLabel('手机号').fill('138 0013 8001');
  await resident.getByRole('button', { name: '提交报名' }).click();
  await expect(resident.getByRole('heading', { name: '报名已提交' })).toBeVisible();
  await expect(resident.locator('.status')).toHaveText('报名成功');
  const code = await resident.locator('.receipt .code').innerText();
  expect(code).toMatch(/^BM-\d{4}-[0-9A-Z]{5}$/);
  const link = await resident.locator('.private-link').innerText();

  // Later, from another browser, by the private link: cancel.
  const later = await visitorPage(browser, info);
  await later.goto(link);
  await ready(later);
  await expect(later.getByRole('heading', { name: `报名码 ${code}` })).toBeVisible();
  await later.getByRole('button', { name: '取消报名' }).click();
  await expect(later.getByText('已取消报名。')).toBeVisible();
  await expect(later.locator('.status')).toHaveText('已取消');
  await expect(later.getByRole('button', { name: '取消报名' })).toHaveCount(0);

  // The place is free again.
  await later.goto(`/consultations/${id}`);
  await expect(later.getByText('正在报名，还剩 10 个名额')).toBeVisible();
});

test('staff check a registrant in by code', async ({ page, browser }, info) => {
  const title = `签到演示 ${info.project.name}-${Date.now()}`;
  const id = await createSession(page, title, '1');
  const visitor = await visitorPage(browser, info);
  const first = await register(visitor.request, id, '李建国', '13800138002');
  const second = await register(visitor.request, id, '张敏', '13800138003');

  await page.goto(`/staff/consultations/${id}`);
  await ready(page);
  await expect(page.getByText('共 1 个名额，已报名 1 人，候补 1 人')).toBeVisible();
  // The waitlisted person has no place to check in to.
  await page.getByLabel('报名码').fill(second);
  await page.getByRole('button', { name: '签到', exact: true }).click();
  await expect(page.locator('.error-summary')).toContainText('不能签到');
  await ready(page);
  await page.getByLabel('报名码').fill(first.toLowerCase());
  await page.getByRole('button', { name: '签到', exact: true }).click();
  await expect(page.getByText(`李建国（${first}）已签到。`)).toBeVisible();
  await expect(page.locator(`tr:has-text("${first}")`)).toContainText('已签到');
});

test('a resident opens a deputy’s booking page from the QR link and books', async ({ page, browser }, info) => {
  const name = `代表${info.project.name}${Date.now() % 100000}`;
  await signIn(page);
  await page.goto('/staff/deputies/new');
  await ready(page);
  await page.getByLabel('姓名').fill(name);
  await page.getByLabel('代表层级').selectOption('district');
  await page.getByLabel('选区或街道').fill('东湖街道第三选区');
  await page.getByLabel('接待日').fill('每月第一个星期三上午');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存。')).toBeVisible();
  await ready(page);
  await page.getByLabel('活动日期').fill(isoDate(5));
  await page.getByLabel('可约人数').fill('2');
  await page.getByRole('button', { name: '增加接待时段' }).click();
  await expect(page.getByText('还可约 2 人（共 2 人）')).toBeVisible();
  const deputyId = page.url().match(/\/staff\/deputies\/(\d+)/)![1];

  // The poster carries the QR code and, under it, the address the code holds.
  const visitor = await visitorPage(browser, info);
  await visitor.goto(`/deputies/${deputyId}/poster`);
  await expect(visitor.locator(`img[src="/deputies/${deputyId}/qr.svg"]`)).toBeVisible();
  const qrLink = await visitor.locator('.poster .code').innerText();
  expect(qrLink).toMatch(new RegExp(`/deputies/${deputyId}/book$`));

  // A phone opens the link.
  const phone = await visitorPage(browser, info);
  await phone.setViewportSize({ width: 360, height: 740 });
  await phone.goto(new URL(qrLink).pathname);
  await ready(phone);
  await expect(phone.getByRole('heading', { name: `预约 ${name} 代表` })).toBeVisible();
  await phone.getByRole('radio', { name: /还可约 2 人/ }).check();
  await phone.getByLabel('姓名').fill('孙立新');
  await phone.getByLabel('手机号').fill('13800138012');
  await phone.getByLabel('想反映的事项').fill('孩子上学的路口没有红绿灯，早晚高峰很危险。');
  await phone.getByLabel('我已阅读并同意').check();
  await phone.getByRole('button', { name: '提交预约' }).click();
  await expect(phone.getByRole('heading', { name: '预约已提交' })).toBeVisible();
  await expect(phone.locator('.status')).toHaveText('待确认');
  await expect(phone.locator('.receipt .code')).toHaveText(/^YY-\d{4}-[0-9A-Z]{5}$/);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
