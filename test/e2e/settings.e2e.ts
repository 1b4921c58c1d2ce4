import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configure, GRIFTLAND_TEACHER, launchWithExtension, type ExtensionBrowser } from './browser.ts';

// The service worker keeps nothing in memory that matters: Chrome stops it after ~30 s idle.
describe('settings and a stopped service worker', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
    await configure(browser, GRIFTLAND_TEACHER);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('survive the worker being stopped, and a later change starts it again and is derived', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    type Chrome = { storage: { local: { get(k: string): Promise<{ effective?: { settings: { schoolName: string; role: string } } }> }; sync: { set(v: object): Promise<void> } } };
    // Read storage from an extension page, not from the (stopped) worker.
    const read = () => page.evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('effective')).effective?.settings);
    expect(await read()).toMatchObject({ schoolName: 'Griftland College' });
    await page.evaluate(async (s) => {
      await (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.set({ settings: { version: 2, savedAt: Date.now(), settings: s } });
    }, { ...GRIFTLAND_TEACHER, role: 'director' });
    await expect.poll(async () => (await read())?.role, { timeout: 15_000 }).toBe('director');
  });
});
