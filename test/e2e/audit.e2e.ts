import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVE_FIXTURES, zip } from '../../scripts/archive-fixtures.ts';
import { axeViolations } from './axe.ts';
import { configure, launchOnSites, type ExtensionBrowser } from './browser.ts';

// The audit page ("Oude berichten controleren") in the built extension in Chromium: an export
// .zip dropped on the page (and one chosen through the file input) is read by the page's worker, with a progress bar, a
// chart per month and the list of items with findings; a link opens the post on the site (the
// X replica here); a corrupt zip gives a clear message; axe finds nothing in Dutch or English.

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
const SCHOOL = { protocol: 'cvo-baarn-soest', schoolName: 'Griftland College', schoolAliases: ['Griftland'], role: 'employee', uiLanguage: 'nl' };

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchOnSites(SCHOOL);
});
afterAll(async () => {
  await browser?.close();
});

/** Every request the page made outside the extension: reading the export must make none. */
const outside: string[] = [];

async function openAudit(): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('request', (r) => {
    if (!r.url().startsWith(`chrome-extension://${browser.extensionId}/`)) outside.push(r.url());
  });
  await page.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  await page.locator('a[data-action="open-audit"]').click();
  await page.waitForURL(/\/src\/audit\/index\.html$/);
  await page.locator('input[data-action="choose-archive"]').waitFor();
  return page;
}

/** A 20,000-post export: the size the issue asks the page to audit in under 15 s. */
function largeExport(): Buffer {
  const fixture = readFileSync(join(ARCHIVE_FIXTURES, 'expected.json'), 'utf8');
  const texts: string[] = Object.values(JSON.parse(fixture) as Record<string, { expected: { text: string; kind: string }[] }>).flatMap((f) => f.expected.filter((e) => e.kind !== 'repost').map((e) => e.text));
  const tweets = Array.from({ length: 20_000 }, (_, i) => ({
    tweet: { id_str: String(1_500_000_000_000 + i), full_text: texts[i % texts.length], created_at: `Mon Jan ${String((i % 28) + 1).padStart(2, '0')} 10:00:00 +0000 ${2016 + (i % 8)}` },
  }));
  return Buffer.from(zip({ 'data/account.js': 'window.YTD.account.part0 = [{"account": {"username": "juf_griftland"}}]', 'data/tweets.js': `window.YTD.tweets.part0 = ${JSON.stringify(tweets)}` }));
}

describe('the audit page', () => {
  it('is linked from the popup too', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    expect(await popup.locator('a[data-action="open-audit"]').getAttribute('href')).toBe('../audit/index.html');
    await popup.close();
  });

  it('reads a dropped export with a progress bar, shows the chart and the list, and a link opens the post', async () => {
    const page = await openAudit();
    // Record the progress bar's values as they come: it must move, not jump from 0 to done.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __progress: number[] }).__progress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('progress');
        if (bar) seen.push(bar.value / (bar.max || 1));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    // Dropped on the page, as a person would drag it from their downloads.
    const bytes = largeExport();
    const started = Date.now();
    await page.evaluate(async (base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], 'twitter-archief.zip', { type: 'application/zip' }));
      document.querySelector('.drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bytes.toString('base64'));
    await page.locator('[role="status"] progress').waitFor({ timeout: 10_000 });
    await page.locator('.chart svg').waitFor({ timeout: 60_000 });
    // A figure, not a pass/fail timing (the machine is shared): the issue asks under 15 s.
    console.log(`audit page: 20,000 posts read and checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const progress = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
    expect(new Set(progress.map((p) => p.toFixed(2))).size).toBeGreaterThan(3);
    expect(await page.locator('[role="status"]').textContent()).toMatch(/20000 berichten gecontroleerd, \d+ met bevindingen/);
    const items = page.locator('ol[data-list="audit"] > li');
    expect(await items.count()).toBeGreaterThan(10);
    // Filter by one rule: every item shown has that rule.
    const rule = await page.locator('#rule option').nth(1).getAttribute('value');
    await page.locator('#rule').selectOption(rule!);
    const rules = await page.locator('ol[data-list="audit"] > li').evaluateAll((lis) => lis.map((li) => [...li.querySelectorAll('[data-rule]')].map((f) => f.getAttribute('data-rule'))));
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) expect(r).toContain(rule);
    await page.locator('#rule').selectOption('');
    await page.setViewportSize({ width: 1100, height: 1500 });
    await page.screenshot({ path: join(SCREENSHOTS, 'audit-nl.png') });
    // Follow a link: the post opens on the site.
    const link = page.locator('a[data-action="open-post"]').first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^https:\/\/x\.com\/juf_griftland\/status\/\d+$/);
    const [site] = await Promise.all([browser.context.waitForEvent('page'), link.click()]);
    await site.waitForLoadState('domcontentloaded');
    expect(site.url()).toBe(href);
    await site.close();
    expect(outside).toEqual([]);
    await page.close();
  });

  it('a corrupt zip and a file that is no export give a clear message', async () => {
    const page = await openAudit();
    const input = page.locator('input[data-action="choose-archive"]');
    await input.setInputFiles({ name: 'kapot.zip', mimeType: 'application/zip', buffer: readFileSync(join(ARCHIVE_FIXTURES, 'corrupt.zip')) });
    await expect.poll(() => page.locator('[role="status"] .error').textContent(), { timeout: 20_000 }).toBe('het zip-bestand is beschadigd of afgebroken');
    await input.setInputFiles({ name: 'vakantie.zip', mimeType: 'application/zip', buffer: readFileSync(join(ARCHIVE_FIXTURES, 'not-an-export.zip')) });
    await expect.poll(() => page.locator('[role="status"] .error').textContent(), { timeout: 20_000 }).toBe('geen berichten, reacties of bijschriften van X, Facebook of Instagram gevonden');
    await page.close();
  });

  for (const language of ['nl', 'en'] as const) {
    it(`has no axe violations with a result on screen (${language})`, async () => {
      await configure(browser, { ...SCHOOL, uiLanguage: language });
      type Chrome = { storage: { local: { get(k: string): Promise<Record<string, { settings: { uiLanguage: string } } | undefined>> } } };
      await expect
        .poll(() => browser.serviceWorker.evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('effective')).effective?.settings.uiLanguage))
        .toBe(language);
      const page = await openAudit();
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      expect(await page.locator('h1').textContent()).toBe(language === 'nl' ? 'Oude berichten controleren' : 'Check past posts');
      await page.locator('input[data-action="choose-archive"]').setInputFiles(join(ARCHIVE_FIXTURES, 'facebook-2025.zip'));
      await page.locator('ol[data-list="audit"] > li').first().waitFor({ timeout: 30_000 });
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }
});
