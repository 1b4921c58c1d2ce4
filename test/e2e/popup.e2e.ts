import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { configure, GRIFTLAND_TEACHER, launchWithExtension, type ExtensionBrowser } from './browser.ts';
import { startSites, type Sites } from './sites.ts';

describe('popup', () => {
  let sites: Sites;
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    sites = await startSites();
    browser = await launchWithExtension(sites.chromiumArgs);
    await configure(browser, GRIFTLAND_TEACHER);
  });
  afterAll(async () => {
    await browser?.close();
    await sites?.close();
  });

  it('shows the protocol, role and school, has no accessibility violations, and pauses checking for an hour', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    await popup.getByText('Griftland College').waitFor();
    const text = await popup.locator('main').textContent();
    expect(text).toContain('Protocol social media (CVO Baarn/Soest)');
    expect(await axeViolations(popup)).toEqual([]);

    // Pause: a compose box gets no overlay while paused, and again one after resuming.
    await popup.locator('[data-action="pause"]').click();
    await popup.locator('[data-action="resume"]').waitFor();
    const page = await browser.context.newPage();
    await page.goto('https://x.com/home');
    await page.locator('[data-testid="tweetTextarea_0"]').click();
    await page.keyboard.type('Vanavond ouderavond op Griftland!');
    await page.waitForTimeout(600);
    expect(await page.locator('postwijs-overlay').count()).toBe(0);
    await popup.locator('[data-action="resume"]').click();
    await popup.locator('[data-action="pause"]').waitFor();
    await page.locator('[data-testid="tweetTextarea_0"]').click();
    await page.keyboard.type(' Echt!');
    await expect.poll(() => page.locator('postwijs-overlay').count(), { timeout: 5_000 }).toBe(1);
  });

  it('a pause that runs out ends by itself, with nothing else changing', async () => {
    const settingsPage = await browser.context.newPage();
    await settingsPage.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    await settingsPage.evaluate(async (s) => {
      type Chrome = { storage: { sync: { set(v: object): Promise<void> } } };
      await (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.set({ settings: { version: 1, settings: s } });
    }, { ...GRIFTLAND_TEACHER, pausedUntil: Date.now() + 3_000 });
    const page = await browser.context.newPage();
    await page.goto('https://x.com/home');
    await page.locator('[data-testid="tweetTextarea_0"]').click();
    await page.keyboard.type('Vanavond ouderavond op Griftland!');
    await page.waitForTimeout(500);
    expect(await page.locator('postwijs-overlay').count()).toBe(0);
    await expect.poll(() => page.locator('postwijs-overlay').count(), { timeout: 10_000 }).toBe(1);
  });

  it('the overlay panel has no accessibility violations', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://x.com/home');
    await page.locator('[data-testid="tweetTextarea_0"]').click();
    await page.keyboard.type('Vandaag met groep 7 van Griftland naar het museum.');
    const overlay = page.locator('postwijs-overlay');
    await expect.poll(async () => (await overlay.getAttribute('data-findings')) ?? '').toContain('missing-disclaimer');
    await overlay.locator('[data-action="toggle"]').click();
    expect(await axeViolations(page, 'postwijs-overlay')).toEqual([]);
  });
});
