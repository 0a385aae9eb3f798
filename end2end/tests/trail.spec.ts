import { test, expect } from '@playwright/test';
import { openSolicitation, ready, visitorPage } from './helpers';

const unique = (info: { project: { name: string } }) => `${info.project.name}-${Date.now()}`;

/** The second version of helpers' draft: an article inserted after 第一条 (renumbering the rest)
 *  and 第三条 amended (now 第四条). */
const SECOND = [
  '居家养老服务条例（草案二审稿）',
  '第一章　总　　则',
  '第一条　为了规范居家养老服务，制定本条例。',
  '第二条　区人民政府应当建立居家养老服务补贴制度。',
  '第三条　本条例适用于本区行政区域内的居家养老服务。',
  '第二章　服务提供',
  '第四条　街道办事处应当做好下列工作：',
  '（一）设置社区助餐点，每周至少开放五天；',
  '（二）组织志愿者上门探访。',
  '社区居民委员会应当予以协助。',
  '第五条　本条例自2027年3月1日起施行。',
].join('\n');

test('the public reads the comparison table of two versions, article by article', async ({ page, browser }, info) => {
  const id = await openSolicitation(page, `修改对照表 ${unique(info)}`);
  await page.goto(`/staff/solicitations/${id}/draft`);
  await ready(page);
  await page.getByLabel('版本名称').fill('二审稿');
  await page.getByLabel('草案全文').fill(SECOND);
  await page.getByRole('button', { name: '检查解析结果' }).click();
  await expect(page.getByRole('heading', { name: '解析结果（5条）' })).toBeVisible();
  // Staff see how it pairs with the current version before saving, and may correct a pairing.
  await expect(page.getByRole('heading', { name: '与征求意见稿的对应关系' })).toBeVisible();
  const pairing = page.locator('table.pairing tbody tr');
  await expect(pairing).toHaveCount(4);
  await expect(pairing.first()).toContainText('新增第二条');
  const field = page.getByLabel('第四条对应的上一稿条号');
  await expect(field).toHaveValue('三');
  await field.fill('九十九');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.locator('.error-summary')).toContainText('第四条的对应条文：征求意见稿中没有“九十九”这一条');
  await expect(page.getByLabel('第四条对应的上一稿条号')).toHaveValue('九十九');
  await page.getByLabel('第四条对应的上一稿条号').fill('3');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByText('新版本草案已保存。')).toBeVisible();

  const visitor = await visitorPage(browser, info);
  await visitor.setViewportSize({ width: 360, height: 740 });
  await visitor.goto(`/solicitations/${id}`);
  await visitor.getByRole('link', { name: '查看各版本修改对照表' }).click();
  await expect(visitor.getByRole('heading', { level: 1 })).toContainText('修改对照表');
  const rows = visitor.locator('table.compare tbody tr');
  await expect(rows).toHaveCount(5);
  // Paired by text, not by number: the inserted article renumbers the two after it.
  await expect(rows.nth(1)).toContainText('新增第二条');
  await expect(rows.nth(1).locator('td').first()).toHaveText('（本版本无此条）');
  await expect(rows.nth(2)).toContainText('第二条改为第三条，内容未改');
  const amended = rows.nth(3);
  await expect(amended).toContainText('内容修改，第三条改为第四条');
  // The added characters are marked (and named for a screen reader), nothing else is.
  await expect(amended.locator('ins')).toHaveCount(1);
  await expect(amended.locator('ins')).toHaveText('增加：，每周至少开放五天');
  await expect(amended.locator('del')).toHaveCount(0);
  await expect(rows.nth(4)).toContainText('第四条改为第五条，内容未改');
  const width = await visitor.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'no sideways scrolling at 360 px').toBeLessThanOrEqual(360);

  // Only what changed, by the plain form (no script needed).
  await visitor.getByLabel('只看有修改的条文').check();
  await visitor.getByRole('button', { name: '对照' }).click();
  await expect(visitor).toHaveURL(/only=changed/);
  await expect(rows).toHaveCount(2);
  await expect(visitor.locator('.compare-summary')).toContainText('新增1条');
  // The table downloads as a Word document and a workbook, with the same filter.
  const [download] = await Promise.all([
    visitor.waitForEvent('download'),
    visitor.getByRole('link', { name: '下载对照表（Word 文档，横向排版）' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/修改对照表（征求意见稿-二审稿）\.docx$/);
  const xlsxHref = await visitor.getByRole('link', { name: '下载对照表（Excel 表格）' }).getAttribute('href');
  expect(xlsxHref).toContain('only=changed');
  const xlsx = await visitor.request.get(xlsxHref!);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  // Each later article links to its place in that version's text.
  await rows.nth(1).getByRole('link', { name: '阅读此版本全文' }).click();
  await expect(visitor).toHaveURL(/#art-4$/);
  await expect(visitor.locator('#art-4')).toBeInViewport();

  // Versions picked by hand: the same one twice is explained, a foreign id is not found.
  const to = new URL(visitor.url()).searchParams.get('version');
  await visitor.goto(`/solicitations/${id}/compare?from=${to}&to=${to}`);
  await expect(visitor.getByText('请选择两个不同的版本进行对照。')).toBeVisible();
  const missing = await visitor.request.get(`/solicitations/${id}/compare?from=999999`);
  expect(missing.status()).toBe(404);
  await visitor.context().close();
});

test('a resident follows 第三条 from the 征求意见稿 to the enacted text', async ({ page, browser }, info) => {
  const id = await openSolicitation(page, `立法足迹 ${unique(info)}`);
  // A resident comments on 第三条 of the 征求意见稿.
  const visitor = await visitorPage(browser, info);
  await visitor.setViewportSize({ width: 360, height: 740 });
  await visitor.goto(`/solicitations/${id}/opinions/new?article=3`);
  await ready(visitor);
  await visitor.getByLabel(/^意见内容（/).fill('助餐点应当写明每周开放几天。');
  await visitor.getByLabel(/^姓名（/).fill('王秀兰');
  await visitor.getByLabel('手机号').fill('13800138001');
  await visitor.getByLabel('所在街镇').selectOption('东湖街道');
  await visitor.locator('#f-consent').check();
  await visitor.getByRole('button', { name: '提交意见' }).click();
  await expect(visitor.getByRole('heading', { name: '意见已收到' })).toBeVisible();
  const link = (await visitor.locator('.receipt .private-link').textContent())!.trim();

  // Staff record the enacted text; a promulgation before the adoption is named first.
  await page.goto(`/staff/solicitations/${id}/draft`);
  await ready(page);
  await page.getByLabel('版本名称').fill('通过稿');
  await page.getByLabel('草案全文').fill(SECOND.replace('（草案二审稿）', ''));
  await page.getByLabel('这是正式通过的文本（通过稿）').check();
  await page.getByLabel('通过日期').fill('2026-11-20');
  await page.getByLabel('公布日期').fill('2026-11-10');
  await page.getByLabel(/^官方发布网址/).fill('https://rd.example.gov.cn/fg/1');
  await page.getByRole('button', { name: '检查解析结果' }).click();
  await expect(page.locator('.error-summary')).toContainText('公布日期不能早于通过日期');
  await expect(page.getByLabel(/^官方发布网址/)).toHaveValue('https://rd.example.gov.cn/fg/1');
  await page.getByLabel('公布日期').fill('2026-11-25');
  await page.getByRole('button', { name: '检查解析结果' }).click();
  await expect(page.getByRole('heading', { name: '与征求意见稿的对应关系' })).toBeVisible();
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByText('新版本草案已保存。')).toBeVisible();

  // The status page: where the article went, and the article then and as enacted.
  await visitor.goto(link);
  await expect(visitor.locator('.trail').first()).toContainText('在通过稿中为第四条，内容已修改');
  const enacted = visitor.locator('section.enacted');
  await expect(enacted).toContainText('本法规已于2026年11月20日通过，2026年11月25日公布。');
  await expect(enacted).toContainText('您提意见时：征求意见稿第三条');
  await expect(enacted.locator('ins')).toContainText('每周至少开放五天');
  const width = await visitor.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'no sideways scrolling at 360 px').toBeLessThanOrEqual(360);
  // The public page says it was enacted and shows the trail's figures.
  await visitor.goto(`/solicitations/${id}`);
  await expect(visitor.locator('.footprint')).toContainText('征求意见稿 → 通过稿');
  await expect(visitor.getByRole('link', { name: '查看官方发布的正式文本' })).toHaveAttribute('href', 'https://rd.example.gov.cn/fg/1');
  await visitor.context().close();

  // Staff start a case story from this opinion's trail: the editor opens prefilled with the
  // article before and after, linking back to the 立法足迹, and without the resident's name.
  const code = new URL(link, 'http://x').pathname.split('/').pop()!;
  await page.goto('/staff/opinions');
  await page.getByRole('link', { name: code }).click();
  await ready(page);
  await page.getByRole('button', { name: '据此写一篇案例故事' }).click();
  await expect(page).toHaveURL(/\/staff\/stories\/new/);
  const body = page.getByLabel('正文');
  await expect(body).toHaveValue(/条文的变化/);
  await expect(body).toHaveValue(/每周至少开放五天/);
  await expect(body).toHaveValue(new RegExp(`/solicitations/${id}`));
  expect(await body.inputValue()).not.toContain('王秀兰');
  await expect(page.getByLabel('标题')).toHaveValue(/第三条/);
});

/** A decision amending helpers' draft: 第二条 reworded, an article inserted after it, the
 *  free-standing paragraph of 第三条 deleted, and a point naming an article the text lacks. */
const DECISION = [
  '关于修改《居家养老服务条例（草案）》的决定',
  '一、将第二条中的“居家养老服务”修改为“居家社区养老服务”。',
  '二、在第二条后增加一条，作为第三条：“第三条　区人民政府应当建立养老服务补贴制度。”',
  '三、删去第三条第二款。',
  '四、删去第十条。',
  '本决定自公布之日起施行。',
].join('\n');

test('staff apply an amending draft to the current text, and residents comment on a point', async ({ page, browser }, info) => {
  const id = await openSolicitation(page, `修改决定 ${unique(info)}`);
  await page.goto(`/staff/solicitations/${id}/draft`);
  await ready(page);
  await page.getByLabel('版本名称').fill('修改决定草案');
  await page.getByLabel('草案全文').fill(DECISION);
  await page.getByLabel(/^粘贴的是修改决定或修正案草案/).check();
  await expect(page.getByLabel('所修改的文本')).toHaveValue(/\d+/);
  await page.getByRole('button', { name: '检查解析结果' }).click();
  // The amended full text, what each point did, and the point that names no article.
  await expect(page.getByRole('heading', { name: '解析结果（5条）' })).toBeVisible();
  const points = page.locator('.amendment .points > li');
  await expect(points).toHaveCount(4);
  await expect(points.nth(1)).toContainText('修改后为第三条。');
  await expect(points.nth(3)).toContainText('这一处修改未能对应到所修改的文本');
  await expect(page.locator('.warnings')).toContainText('第四处修改：所修改的文本中没有第十条。');
  await expect(page.locator('.preview')).toContainText('本条例适用于本区行政区域内的居家社区养老服务。');
  await expect(page.locator('.preview')).not.toContainText('社区居民委员会应当予以协助。');
  // Staff say the new 第五条 merges the old 第三条 and 第四条, by number with a 顿号 (and so the
  // new 第四条 is new).
  await page.getByLabel('第四条对应的上一稿条号').fill('');
  await page.getByLabel('第五条对应的上一稿条号').fill('3、4');
  await page.getByRole('button', { name: '检查解析结果' }).click();
  await expect(page.getByLabel('第五条对应的上一稿条号')).toHaveValue('3、4');
  await expect(page.locator('table.pairing')).toContainText('第三条、第四条合并为第五条');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByText('新版本草案已保存。')).toBeVisible();

  const visitor = await visitorPage(browser, info);
  await visitor.setViewportSize({ width: 360, height: 740 });
  await visitor.goto(`/solicitations/${id}`);
  const section = visitor.locator('section.amendment');
  await expect(section).toContainText('关于修改《居家养老服务条例（草案）》的决定（对征求意见稿的修改）');
  await section.getByRole('link', { name: '二、对这处修改提意见' }).click();
  await ready(visitor);
  await expect(visitor.getByLabel('针对', { exact: true })).toHaveValue('amd-2');
  const width = await visitor.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'no sideways scrolling at 360 px').toBeLessThanOrEqual(360);
  await visitor.context().close();
});
