import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { GRIFTLAND_TEACHER, launchOnSites, openPopupWindow, type ExtensionBrowser } from './browser.ts';

describe('popup', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchOnSites(GRIFTLAND_TEACHER);
  });
  afterAll(async () => {
    await browser?.close();
  });
  // Each test starts with no pages open: headless windows left behind keep drawing frames
  // away from the one under test.
  afterEach(async () => {
    for (const page of browser.context.pages()) await page.close();
  });

  /** A new tab on the X replica with `text` typed into the compose box. */
  async function writeOnX(text: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto('https://x.com/home');
    await page.locator('[data-testid="tweetTextarea_0"]').click();
    await page.keyboard.type(text);
    return page;
  }

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
    const page = await writeOnX('Vanavond ouderavond op Griftland!');
    await page.waitForTimeout(600);
    expect(await page.locator('postwijs-overlay').count()).toBe(0);
    // A tab behind another draws no frames; Playwright's clicks wait for frames.
    await popup.bringToFront();
    await popup.locator('[data-action="resume"]').click();
    await popup.locator('[data-action="pause"]').waitFor();
    await page.bringToFront();
    await page.locator('[data-testid="tweetTextarea_0"]').click();
    await page.keyboard.type(' Echt!');
    await expect.poll(() => page.locator('postwijs-overlay').count(), { timeout: 5_000 }).toBe(1);
  });

  it('a pause that runs out ends by itself, with nothing else changing', async () => {
    const settingsPage = await browser.context.newPage();
    await settingsPage.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    await settingsPage.evaluate(async (s) => {
      type Chrome = { storage: { sync: { set(v: object): Promise<void> } } };
      await (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.set({ settings: { version: 2, savedAt: Date.now(), settings: s } });
    }, { ...GRIFTLAND_TEACHER, pausedUntil: Date.now() + 8_000 });
    const page = await writeOnX('Vanavond ouderavond op Griftland!');
    await page.waitForTimeout(500);
    expect(await page.locator('postwijs-overlay').count()).toBe(0);
    await expect.poll(() => page.locator("postwijs-overlay").count(), { timeout: 20_000 }).toBe(1);
  });

  it('the overlay panel has no accessibility violations', async () => {
    const page = await writeOnX('Vandaag met groep 7 van Griftland naar het museum.');
    const overlay = page.locator('postwijs-overlay');
    await expect.poll(async () => (await overlay.getAttribute('data-findings')) ?? '').toContain('missing-disclaimer');
    await overlay.locator('[data-action="toggle"]').click();
    expect(await axeViolations(page, 'postwijs-overlay')).toEqual([]);
  });

  async function openPopup(): Promise<Page> {
    const popup = await openPopupWindow(browser);
    await popup.locator('h1').waitFor();
    return popup;
  }

  /** The toolbar badge text of the active tab of the (only) browser window. */
  const badgeText = () =>
    browser.serviceWorker.evaluate(async () => {
      type Chrome = {
        windows: { getLastFocused(f: object): Promise<{ id: number }> };
        tabs: { query(q: object): Promise<{ id: number }[]> };
        action: { getBadgeText(d: object): Promise<string> };
      };
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      const window = await chrome.windows.getLastFocused({ windowTypes: ['normal'] });
      const [tab] = await chrome.tabs.query({ active: true, windowId: window.id });
      return chrome.action.getBadgeText({ tabId: tab!.id });
    });

  const findingTexts = (root: Page, scope: string) => root.locator(`${scope} .finding`).allInnerTexts();

  for (const site of [
    { name: 'X (Draft.js)', url: 'https://x.com/home', platform: 'x', open: async (p: Page) => p.locator('[data-testid="tweetTextarea_0"]').click() },
    {
      name: 'Facebook (Lexical)',
      url: 'https://www.facebook.com/',
      platform: 'facebook',
      open: async (p: Page) => {
        await p.getByText(/What's on your mind/).first().click();
        await p.locator('[role="dialog"] [data-lexical-editor="true"]').click();
      },
    },
  ]) {
    it(`${site.name}: the badge counts the draft's findings; the popup lists them as the overlay does and its fix reaches the editor state`, async () => {
      const page = await browser.context.newPage();
      await page.goto(site.url);
      await site.open(page);
      await page.keyboard.type('Vandaag met groep 7 van Griftland naar het museum.');
      const overlay = page.locator(`postwijs-overlay[data-platform="${site.platform}"]`).last();
      await expect.poll(async () => (await overlay.getAttribute('data-findings')) ?? '').toContain('missing-disclaimer');
      const ruleIds = ((await overlay.getAttribute('data-findings')) ?? '').split(' ');
      await expect.poll(badgeText, { timeout: 5_000 }).toBe(String(ruleIds.length));

      await overlay.locator('[data-action="toggle"]').click();
      const overlayTexts = await overlay.locator('.finding').allInnerTexts();

      const popup = await openPopup();
      const draft = popup.locator('section.draft');
      await draft.waitFor();
      expect((await draft.getAttribute('data-findings'))?.split(' ')).toEqual(ruleIds);
      // The same words, articles and buttons as the overlay.
      expect(await findingTexts(popup, 'section.draft')).toEqual(overlayTexts);
      expect(await draft.textContent()).toMatch(/(Artikel|Article) C\.4/);
      expect(await axeViolations(popup)).toEqual([]);

      await popup.locator('section.draft [data-action="insert-disclaimer"]').click();
      await popup.getByRole('status').filter({ hasText: /toegevoegd|added/i }).waitFor();
      expect(await draft.getAttribute('data-findings')).not.toContain('missing-disclaimer');
      await expect.poll(badgeText, { timeout: 5_000 }).toBe(String(ruleIds.length - 1));
      await popup.close();

      // The editor's own state (what the site would post) holds the disclaimer, on a line of its own.
      const editorState = await page.evaluate(() => (window as unknown as { __replica: { read(): string | null } }).__replica.read());
      expect(editorState).toMatch(/^Vandaag met groep 7 van Griftland naar het museum\.\n+[^\n]*persoonlijke (titel|mening)[^\n]*$/);
      await page.close();
    });
  }

  it('on a tab without a compose box in use, the popup shows only the status', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://x.com/home');
    const popup = await openPopup();
    await popup.getByText('Griftland College').waitFor();
    expect(await popup.locator('section.draft').count()).toBe(0);
    expect(await badgeText()).toBe('');
    await popup.close();
    await page.close();
  });
});
