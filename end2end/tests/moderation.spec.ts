import { test, expect, APIRequestContext } from '@playwright/test';
import { openSolicitation, ready, visitorPage } from './helpers';

/** Posts a resident's opinion as the plain form does; returns its code and private link. */
async function submit(request: APIRequestContext, id: string, content: string, street: string, target = '') {
  const r = await request.post('/api/opinions/submit', {
    form: {
      solicitation_id: id, submit_key: '', target, content, suggestion: '', reason: '',
      name: '王秀兰', phone: '13800138001', street, community: '', identity: 'resident', consent: '1',
    },
    headers: { Accept: 'text/html', 'Sec-Fetch-Site': 'same-origin' },
    maxRedirects: 0,
  });
  expect(r.status()).toBe(302);
  const link = r.headers()['location'];
  return { code: link.match(/\/track\/([^?]+)/)![1], link };
}

const CAMPAIGN = '强烈建议在第三条中明确规定，每个社区必须配建不少于二百平方米的老年活动中心，由街道负责运营。';

test('staff reject a petition matter, merge a campaign, and the resident reads the result', async ({ page, browser }, info) => {
  const title = `审核演示 ${info.project.name}-${Date.now()}`;
  const id = await openSolicitation(page, title);
  const visitor = await visitorPage(browser, info);
  const copies = [];
  for (const variant of [CAMPAIGN, CAMPAIGN.replace(/，/g, ' '), CAMPAIGN + '谢谢！']) {
    copies.push(await submit(visitor.request, id, variant, '东湖街道'));
  }
  const petition = await submit(visitor.request, id, '我家楼上漏水三个月了，物业一直不管，请帮我解决。', '西城街道');

  // The queue, filtered to this solicitation's pending opinions, oldest first.
  await page.goto(`/staff/opinions?solicitation=${id}&status=pending&sort=oldest`);
  await ready(page);
  await expect(page.getByRole('row')).toHaveCount(5);
  // An action without a ticked opinion is refused with a reason.
  await page.getByLabel('审核通过').check();
  await page.getByRole('button', { name: '执行' }).click();
  await expect(page.locator('.error-summary')).toContainText('请先勾选要处理的意见');
  await ready(page);
  await page.getByLabel(`选择 ${petition.code}`).check();
  await page.getByLabel('不予采用', { exact: true }).check();
  await page.getByLabel('不予采用的原因').selectOption('petition');
  await page.getByRole('button', { name: '执行' }).click();
  await expect(page.getByText('已将 1 条意见设为“未予采用”。')).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(4);

  // The campaign is one group of three, merged into the earliest with one button.
  await page.goto(`/staff/solicitations/${id}/clusters`);
  await ready(page);
  await expect(page.getByRole('heading', { name: '3 条相近意见' })).toBeVisible();
  await page.getByRole('button', { name: `将其余 2 条并入 ${copies[0].code}` }).click();
  await expect(page.getByText('已将 2 条意见设为“已与相同意见合并”。')).toBeVisible();
  await expect(page.getByText('没有发现内容相近的待审核意见。')).toBeVisible();

  // The earliest copy is accepted from its own page.
  await page.goto(`/staff/opinions?q=${copies[0].code}`);
  await page.getByRole('link', { name: copies[0].code }).click();
  await ready(page);
  await page.getByLabel('审核通过').check();
  await page.getByLabel('说明（居民可见）').fill('您的意见已纳入汇总。');
  await page.getByRole('button', { name: '执行' }).click();
  await expect(page.getByText('已将 1 条意见设为“审核通过”。')).toBeVisible();
  await expect(page.getByText('这条意见已审核过，不在待审核状态。')).toBeVisible();

  // The residents read what happened.
  await visitor.goto(petition.link);
  await expect(visitor.locator('.status')).toHaveText('未予采用');
  await expect(visitor.getByText('属于信访事项')).toBeVisible();
  await expect(visitor.getByText(/区信访局/)).toBeVisible();
  await visitor.goto(copies[2].link);
  await expect(visitor.locator('.status')).toHaveText('已与相同意见合并');
  await expect(visitor.getByText(`合并处理`)).toBeVisible();
  await visitor.goto(copies[0].link);
  await expect(visitor.locator('.status')).toHaveText('审核通过');
  await expect(visitor.getByText('您的意见已纳入汇总。')).toBeVisible();
});

test('the queue works on a 360 px phone and by keyboard', async ({ page }, info) => {
  await openSolicitation(page, `手机审核 ${info.project.name}-${Date.now()}`);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/staff/opinions');
  await ready(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByLabel('处理状态', { exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('提交方式', { exact: true })).toBeFocused();
});

test('staff compile a report, export it, record it as sent and the adoption, and the resident reads it', async ({ page, browser }, info) => {
  const title = `上报演示 ${info.project.name}-${Date.now()}`;
  const id = await openSolicitation(page, title);
  const visitor = await visitorPage(browser, info);
  const first = await submit(visitor.request, id, '建议第三条写明助餐点每个社区至少一个。', '东湖街道', 'art-3');
  await submit(visitor.request, id, '上门探访应当留下书面记录。', '西城街道', 'art-3');

  await page.goto(`/staff/opinions?solicitation=${id}&status=pending`);
  await ready(page);
  for (const box of await page.locator('input[name="selected[]"]').all()) await box.check();
  await page.getByLabel('审核通过').check();
  await page.getByRole('button', { name: '执行' }).click();
  await expect(page.getByText('已将 2 条意见设为“审核通过”。')).toBeVisible();

  await page.goto(`/staff/solicitations/${id}/reports`);
  await ready(page);
  await expect(page.getByText('有 2 条已采用的意见尚未汇总。')).toBeVisible();
  await page.getByRole('button', { name: '汇总已采用的意见' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /第三条 · 2 条意见 · 人数 1/ })).toBeVisible();
  await ready(page);
  await page.getByLabel('第三条的意见摘要').fill('居民希望助餐点覆盖每个社区，探访留有记录。');
  await page.getByLabel('第三条的处理意见').fill('建议在第三条增加一款。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存。')).toBeVisible();
  await expect(page.getByLabel('第三条的意见摘要')).toHaveValue('居民希望助餐点覆盖每个社区，探访留有记录。');

  const [docx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Word (.docx)' }).click(),
  ]);
  expect(docx.suggestedFilename()).toMatch(/\.docx$/);
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Excel (.xlsx)' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

  await ready(page);
  await page.getByLabel(/^报送单位/).fill('市人大常委会法制工作委员会');
  await page.getByRole('button', { name: '登记为已报送' }).click();
  await expect(page.getByText('已登记报送')).toBeVisible();

  await ready(page);
  const row = page.locator('section.report-item', { hasText: '第三条' });
  await row.getByLabel('部分采纳').check();
  await row.getByLabel('说明（居民可见）').fill('助餐点的建议已吸收进修改稿第三条第二款。');
  await row.getByRole('button', { name: '记录采纳情况' }).click();
  await expect(page.getByText('已将 2 条意见设为“部分采纳”。')).toBeVisible();

  await visitor.goto(first.link);
  await expect(visitor.locator('.status')).toHaveText('部分采纳');
  await expect(visitor.getByText('助餐点的建议已吸收进修改稿第三条第二款。')).toBeVisible();
  await expect(visitor.getByText('您的意见已汇总报送市人大常委会法制工作委员会。')).toBeVisible();

  // The public statistics of this solicitation, on a phone.
  await visitor.setViewportSize({ width: 360, height: 740 });
  await visitor.goto(`/stats?solicitation=${id}`);
  await expect(visitor.getByRole('heading', { level: 1, name: '数据统计' })).toBeVisible();
  await expect(visitor.locator('.figures-tiles')).toContainText('100.0%');
  await expect(visitor.locator('table.figures tfoot').first()).toContainText('2');
  const overflow = await visitor.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
