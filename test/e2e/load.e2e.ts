import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './browser.ts';

describe('the built Chrome MV3 package', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads in Chromium and starts its service worker', () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(browser.serviceWorker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/service-worker-loader\.js$/);
  });

  it('serves a manifest with minimal permissions and localized names', async () => {
    const manifest = await browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { manifest_version: number; permissions?: string[] } } } }).chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage']);
    const name = await browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getMessage(id: string): string } } }).chrome.i18n.getMessage('extName'));
    expect(name).toBe('PostWijs');
  });
});
