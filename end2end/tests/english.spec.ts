import { test, expect, Page } from '@playwright/test';
import { ready, visitorPage } from './helpers';

// Chinese characters and full-width punctuation.
const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** The page's interface text: everything but the parts marked as written in Chinese (the switch
 *  back, which names Chinese in Chinese). These pages carry no content anyone wrote. */
async function interfaceText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const el of Array.from(body.querySelectorAll('[lang^="zh"], script, style'))) el.remove();
    const attrs = Array.from(body.querySelectorAll('[placeholder], [aria-label], [title], [alt]'))
      .map((el) => ['placeholder', 'aria-label', 'title', 'alt'].map((a) => el.getAttribute(a) || '').join(' '));
    return `${document.title}\n${body.innerText}\n${attrs.join('\n')}`;
  });
}

test('the language switch keeps the page, is remembered, and leaves no Chinese in the interface', async ({ browser }, info) => {
  const page = await visitorPage(browser, info);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/track');
  await ready(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  // By keyboard: the switch is a link named in the language it leads to.
  const toEnglish = page.getByRole('link', { name: 'English', exact: true });
  await toEnglish.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(new URL(page.url()).pathname).toBe('/track');
  await ready(page);

  for (const path of ['/track', '/privacy', '/open-data', '/search?q=zzzz', '/staff/login', '/no-such-page']) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const text = await interfaceText(page);
    const left = text.split('\n').filter((l) => cjk.test(l));
    expect(left, `${path} still shows Chinese`).toEqual([]);
    // Longer English words still fit a 360 px phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }

  // Remembered: moving on through the site's own links stays in English.
  await page.goto('/track');
  await ready(page);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Open data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Open data and open API' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // And back to Chinese on the same page.
  await page.getByRole('link', { name: '中文', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '开放数据与开放接口' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/open-data');
  await page.context().close();
});
