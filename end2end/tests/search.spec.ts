import { test, expect } from '@playwright/test';
import { ready, signIn, visitorPage, writeStory } from './helpers';

// Two Chinese characters that no other test writes, followed by the project's name, so that the
// story is found by a two-character word and by the mixed word with letters and digits.
const unique = (info: { project: { name: string } }) => `${info.project.name}${Date.now() % 100000}`;

test('a visitor searches from the header by keyboard and finds a published story, the word marked', async ({ page, browser }, info) => {
  const tag = unique(info);
  const title = `楼道里的璇玑图 ${tag}`;
  await signIn(page);
  await page.goto('/staff/stories/new');
  await writeStory(page, { title, slug: `search-${tag}`, body: '居民把**璇玑**图贴在了楼道里。' });
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await expect(page.getByText('已发布，公众现在可以看到。')).toBeVisible();

  const visitor = await visitorPage(browser, info);
  await visitor.setViewportSize({ width: 360, height: 740 });
  await visitor.goto('/stories');
  await ready(visitor);
  // The box in the header, reached and used by keyboard alone.
  const box = visitor.getByRole('searchbox', { name: '搜索全站' });
  await box.focus();
  await visitor.keyboard.type('璇玑');
  await visitor.keyboard.press('Enter');
  await expect(visitor.getByRole('heading', { level: 1, name: '搜索' })).toBeVisible();
  expect(visitor.url()).toContain('/search?q=');
  const results = visitor.getByRole('list', { name: '搜索结果' });
  const link = results.getByRole('link', { name: title });
  await expect(link).toBeVisible();
  await expect(results.locator('mark').first()).toHaveText('璇玑');
  const overflow = await visitor.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // The kind filters keep the words; the story is under 报道 and absent from 人大代表.
  await visitor.getByRole('navigation', { name: '按类别筛选' }).getByRole('link', { name: /人大代表/ }).click();
  await expect(visitor.getByText('没有找到包含“璇玑”的内容。')).toBeVisible();
  await visitor.getByRole('navigation', { name: '按类别筛选' }).getByRole('link', { name: /报道/ }).click();
  await expect(visitor.getByRole('list', { name: '搜索结果' }).getByRole('link', { name: title })).toBeVisible();

  // A word with letters and digits finds it too, and the result leads to the story.
  await visitor.goto(`/search?q=${encodeURIComponent(tag)}`);
  await visitor.getByRole('link', { name: title }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
});

test('a bad search is answered with what is wrong, and the words typed stay in the box', async ({ page }) => {
  const long = '停'.repeat(120);
  const res = await page.goto(`/search?q=${encodeURIComponent(long)}`);
  expect(res?.status()).toBe(400);
  await expect(page.getByRole('alert')).toContainText('最多 100 个字，您输入了 120 个字');
  await expect(page.locator('main').getByRole('searchbox')).toHaveValue(long);
});
