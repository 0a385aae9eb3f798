import { test, expect, Page, Browser, TestInfo } from '@playwright/test';
import { openSolicitation, ready, signIn, visitorPage, writeStory } from './helpers';

/** What a first view of `path` downloads, in a new browser with an empty cache: every response
 *  with its type and the bytes it took on the wire (headers and encoded body). */
async function firstView(browser: Browser, info: TestInfo, path: string) {
  const page = await visitorPage(browser, info);
  const seen: { url: string; type: string; bytes: number }[] = [];
  page.on('requestfinished', async (req) => {
    const sizes = await req.sizes();
    seen.push({ url: req.url(), type: req.resourceType(), bytes: sizes.responseHeadersSize + sizes.responseBodySize });
  });
  const r = await page.goto(path, { waitUntil: 'load' });
  expect(r?.status(), path).toBe(200);
  if (info.project.use.javaScriptEnabled !== false) {
    await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  }
  await page.waitForLoadState('networkidle');
  await page.context().close();
  return seen;
}

/** A public page of each kind, made by staff first so the test stands alone: home, the story
 *  list, a published story, a solicitation with its draft, and the opinion form. */
async function publicPages(page: Page, info: TestInfo): Promise<string[]> {
  const tag = `${info.project.name}-${Date.now()}`;
  const sol = await openSolicitation(page, `页面分量 ${tag}`);
  await page.goto('/staff/stories/new');
  await writeStory(page, { title: `页面分量 ${tag}`, slug: `weight-${tag}`, body: '居民的建议写进了条例。' });
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await expect(page.getByText('已发布，公众现在可以看到。')).toBeVisible();
  return ['/', '/stories', `/stories/weight-${tag}`, `/solicitations/${sol}`, `/solicitations/${sol}/opinions/new`];
}

test('with JavaScript off a page downloads no script and no wasm', async ({ page, browser }, info) => {
  test.skip(info.project.name !== 'nojs', 'this is about visitors without JavaScript');
  for (const path of await publicPages(page, info)) {
    const seen = await firstView(browser, info, path);
    const code = seen.filter((r) => r.type === 'script' || /\.(js|wasm)(\?|$)/.test(r.url));
    expect(code, `${path} downloaded code with JavaScript off`).toEqual([]);
    const total = seen.reduce((n, r) => n + r.bytes, 0);
    console.log(`first view without JavaScript ${path}: ${total} B in ${seen.length} responses`);
    expect(seen.some((r) => r.type === 'stylesheet'), `${path} has its styles`).toBe(true);
  }
});

test('the bundle is content-named, precompressed and kept for a year; a second visit downloads no wasm', async ({ page, browser }, info) => {
  test.skip(info.project.name === 'nojs', 'without JavaScript there is no bundle to fetch');
  const r = await page.request.get('/');
  const html = await r.text();
  const css = html.match(/href="(\/pkg\/minyi\.[A-Za-z0-9_-]+\.css)"/)?.[1];
  const js = html.match(/import\('(\/pkg\/minyi\.[A-Za-z0-9_-]+\.js)'\)/)?.[1];
  const wasm = html.match(/module_or_path: ?'(\/pkg\/minyi\.[A-Za-z0-9_-]+\.wasm)'/)?.[1];
  expect(css && js && wasm, `hashed bundle names in the page: ${css} ${js} ${wasm}`).toBeTruthy();
  expect(html).not.toContain('rel="preload"');
  expect(html).not.toContain('rel="modulepreload"');
  for (const file of [css!, js!, wasm!]) {
    for (const [accept, encoding] of [['br, gzip', 'br'], ['gzip', 'gzip']]) {
      const f = await page.request.get(file, { headers: { 'Accept-Encoding': accept } });
      expect(f.status(), file).toBe(200);
      expect(f.headers()['content-encoding'], `${file} with Accept-Encoding: ${accept}`).toBe(encoding);
      expect(f.headers()['cache-control'], file).toBe('public, max-age=31536000, immutable');
      expect(f.headers()['vary'] ?? '', file).toContain('accept-encoding');
      expect(f.headers()['content-security-policy'], `${file} carries no page policy`).toBeUndefined();
    }
  }
  const icon = await page.request.get('/favicon.svg');
  expect(icon.headers()['cache-control']).toBe('public, max-age=86400');

  // One browser, two visits to a page with islands (the opinion form): the second takes the
  // bundle from its cache. A page without one fetches no wasm at all.
  const sol = await openSolicitation(page, `再次访问 ${info.project.name}-${Date.now()}`);
  const visitor = await visitorPage(browser, info);
  const cdp = await visitor.context().newCDPSession(visitor);
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  const bytes = new Map<string, number>();
  cdp.on('Network.responseReceived', (e: any) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e: any) => bytes.set(e.requestId, e.encodedDataLength));
  const fetched = () => [...bytes].filter(([id, b]) => b > 0 && (urls.get(id) ?? '').endsWith('.wasm'));
  const wasmBytes = () => fetched().reduce((n, [, b]) => n + b, 0);
  await visitor.goto('/stories');
  await expect(visitor.locator('html[data-hydrated]')).toHaveCount(1);
  await visitor.waitForLoadState('networkidle');
  expect(wasmBytes(), 'a page without islands fetches no wasm').toBe(0);
  const form = `/solicitations/${sol}/opinions/new`;
  await visitor.goto(form);
  await expect(visitor.locator('html[data-hydrated]')).toHaveCount(1);
  await visitor.waitForLoadState('networkidle');
  expect(wasmBytes(), 'the first visit to the form downloads the wasm').toBeGreaterThan(10_000);
  bytes.clear();
  await visitor.goto(form);
  await expect(visitor.locator('html[data-hydrated]')).toHaveCount(1);
  await visitor.waitForLoadState('networkidle');
  const again = fetched().map(([id, b]) => `${urls.get(id)} ${b} B`);
  expect(again, 'the second visit takes the wasm from the cache').toEqual([]);
  await visitor.context().close();
});

/** The first-view budgets in bytes on the wire (issue 12): 200 KB for a resident's page, 600 KB for
 *  a staff page. Pages are rendered on the server only, and a page fetches the bundle (the wasm
 *  of the islands, the fields that check themselves) only if it has one. */
const BUDGET = { public: 200_000, staff: 600_000 };

test('a first view stays within its budget', async ({ page, browser }, info) => {
  test.skip(info.project.name === 'nojs', 'without JavaScript a page is a few kilobytes, checked above');
  for (const path of await publicPages(page, info)) {
    const total = (await firstView(browser, info, path)).reduce((n, r) => n + r.bytes, 0);
    console.log(`first view ${path}: ${total} B (budget ${BUDGET.public} B)`);
    expect(total, `first view of ${path}: ${total} B, over ${BUDGET.public} B`).toBeLessThanOrEqual(BUDGET.public);
  }
  // A staff page, with an empty cache after signing in.
  const staff = await visitorPage(browser, info);
  await signIn(staff);
  const cdp = await staff.context().newCDPSession(staff);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  let total = 0;
  staff.on('requestfinished', async (req) => {
    const sizes = await req.sizes();
    total += sizes.responseHeadersSize + sizes.responseBodySize;
  });
  await staff.goto('/staff/opinions');
  await expect(staff.locator('html[data-hydrated]')).toHaveCount(1);
  await staff.waitForLoadState('networkidle');
  console.log(`first view /staff/opinions: ${total} B (budget ${BUDGET.staff} B)`);
  expect(total, `first view of /staff/opinions: ${total} B, over ${BUDGET.staff} B`).toBeLessThanOrEqual(BUDGET.staff);
  await staff.context().close();
});

/** `n` in Chinese numerals as articles are numbered (n < 1000). */
function cn(n: number): string {
  const d = '零一二三四五六七八九';
  const [h, t, u] = [Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10];
  let s = '';
  if (h) s += d[h] + '百' + (t === 0 && u ? '零' : '');
  if (t) s += (h === 0 && t === 1 ? '' : d[t]) + '十';
  if (u) s += d[u];
  return s;
}

/** A law of `count` articles in chapters of twelve; `edit` may reword an article's text. */
function law(title: string, count: number, edit: (n: number, text: string) => string): string {
  const subjects = ['街道办事处', '区人民政府', '民政部门', '居民委员会', '养老服务机构', '卫生健康部门', '财政部门', '市场监管部门'];
  const duties = ['统筹辖区内的助餐服务', '建立老年人信息档案', '组织志愿者上门探访', '开展适老化改造', '公布服务价格和服务内容', '保障服务设施用房', '建立投诉处理制度', '定期开展服务质量评估', '落实运营补贴', '培训护理人员'];
  const lines = [title];
  for (let n = 1; n <= count; n++) {
    if (n % 12 === 1) lines.push(`第${cn(Math.floor(n / 12) + 1)}章　第${cn(Math.floor(n / 12) + 1)}部分规定`);
    const text = `${subjects[n % subjects.length]}应当${duties[(n * 7) % duties.length]}，每年向社会报告第${n}项工作的情况，并接受人民代表大会代表的监督。`;
    lines.push(`第${cn(n)}条　${edit(n, text)}`);
  }
  return lines.join('\n');
}

async function saveVersion(page: Page, id: string, label: string, text: string) {
  await page.goto(`/staff/solicitations/${id}/draft`);
  await ready(page);
  await page.getByLabel('版本名称').fill(label);
  await page.getByLabel('草案全文').fill(text);
  await page.getByRole('button', { name: '检查解析结果' }).click();
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByText('新版本草案已保存。')).toBeVisible();
}

test('the 对照表 of a 120-article law stays within the page budget', async ({ page, browser }, info) => {
  test.setTimeout(90_000);
  const id = await openSolicitation(page, `长篇对照表 ${info.project.name}-${Date.now()}`);
  await saveVersion(page, id, '一审稿', law('居家养老服务条例（草案一审稿）', 120, (_, t) => t));
  await saveVersion(page, id, '二审稿', law('居家养老服务条例（草案二审稿）', 120, (n, t) => (n % 4 === 0 ? t.replace('每年', '每半年') : t)));
  const path = `/solicitations/${id}/compare`;
  const seen = await firstView(browser, info, path);
  const total = seen.reduce((n, r) => n + r.bytes, 0);
  const js = info.project.use.javaScriptEnabled !== false;
  console.log(`first view ${path} (120 articles)${js ? '' : ' without JavaScript'}: ${total} B`);
  expect(total, `first view of a 120-article 对照表: ${total} B, over ${BUDGET.public} B`).toBeLessThanOrEqual(BUDGET.public);
  if (!js) {
    expect(seen.filter((r) => r.type === 'script' || /\.(js|wasm)(\?|$)/.test(r.url))).toEqual([]);
  }
  const visitor = await visitorPage(browser, info);
  await visitor.goto(path);
  await expect(visitor.locator('table.compare tbody tr')).toHaveCount(120);
  await expect(visitor.locator('table.compare tbody tr ins')).toHaveCount(30);
  await visitor.context().close();
});
