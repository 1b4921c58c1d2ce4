import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './browser.ts';
import { bigProtocol, BUNDLED_PROTOCOL_IDS, hostileSettingsFile } from './storage-fixtures.ts';

// Issue 13: what the settings page says is saved, is saved, and survives a restart of the
// browser with the same profile; a full sync area loses nothing; keys named like Object's
// members are ordinary unknown keys. Through the page's stable hooks (docs/TESTING.md):
// input[data-action="import-protocol"], input[data-action="import-settings"],
// button[data-action="save"] and the [role="status"] region with data-outcome / data-ok.

const ROOT = resolve(import.meta.dirname, '..', '..');
type Chrome = { storage: { sync: { set(v: object): Promise<void>; get(k?: string | null): Promise<Record<string, unknown>>; getBytesInUse(k?: null): Promise<number>; clear(): Promise<void> }; local: { get(k: string | string[]): Promise<Record<string, any>> } } };

async function outcome(page: Page, action: string): Promise<{ ok: string; text: string }> {
  const region = page.locator(`[role="status"][data-outcome="${action}"]`);
  await region.waitFor({ timeout: 15_000 });
  return { ok: (await region.getAttribute('data-ok')) ?? '', text: (await region.textContent()) ?? '' };
}

async function effective(page: Page): Promise<any> {
  return page.evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('effective')).effective);
}

async function openOptions(browser: ExtensionBrowser, errors: string[]): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  await page.locator('button[data-action="save"]').waitFor();
  return page;
}

describe('settings that are really saved (Chromium)', () => {
  const profile = mkdtempSync(join(tmpdir(), 'postwijs-restart-'));
  const files = mkdtempSync(join(tmpdir(), 'postwijs-files-'));
  let browser: ExtensionBrowser;
  const errors: string[] = [];
  beforeAll(async () => {
    browser = await launchWithExtension([], { userDataDir: profile });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });

  it('imports each bundled protocol and a 150 KB one through the page, saves each, and the 150 KB one is in use after a restart with the same profile', async () => {
    const page = await openOptions(browser, errors);
    const big = bigProtocol(150_000);
    const documents = [
      ...BUNDLED_PROTOCOL_IDS.map((id) => ({ name: `${id}.json`, text: readFileSync(join(ROOT, 'src', 'protocols', `${id}.json`), 'utf8') })),
      { name: 'groot-protocol.json', text: big },
    ];
    for (const { name, text } of documents) {
      const title = (JSON.parse(text) as { title: string }).title;
      const path = join(files, name);
      writeFileSync(path, text);
      await page.locator('input[data-action="import-protocol"]').setInputFiles(path);
      await expect.poll(async () => (await outcome(page, 'import-protocol')).text, { timeout: 15_000 }).toContain(title);
      expect((await outcome(page, 'import-protocol')).ok).toBe('true');
      await page.locator('button[data-action="save"]').click();
      await expect.poll(async () => (await outcome(page, 'save')).ok, { timeout: 15_000 }).toBe('true');
      // The worker derives the protocol in use from what was stored.
      await expect.poll(async () => (await effective(page))?.protocol?.title, { timeout: 15_000 }).toBe(title);
      expect((await effective(page)).settings.protocol).toBe('custom');
    }
    expect(big.length).toBeGreaterThanOrEqual(150_000);
    expect(errors).toEqual([]);
    const bigTitle = (JSON.parse(big) as { title: string }).title;
    // Nothing of the protocol went to sync: the item there stays far below 8,192 bytes.
    const syncBytes = await page.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.getBytesInUse(null));
    expect(syncBytes).toBeLessThan(2_000);

    // Restart: the same profile, PostWijs not installed anew. The worker's derived state is
    // removed first, so that what the popup shows comes from the stored settings themselves.
    await page.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }).chrome;
      await chrome.storage.local.remove('effective');
    });
    const extensionId = browser.extensionId;
    await browser.close();
    browser = await launchWithExtension([], { userDataDir: profile, restart: true, extensionId });
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
    await expect.poll(async () => (await popup.locator('body').textContent()) ?? '', { timeout: 20_000 }).toContain(bigTitle);
    // And the worker, once awake, derives it again.
    await expect.poll(async () => (await effective(popup))?.protocol?.title, { timeout: 30_000 }).toBe(bigTitle);
  });

  it('with the sync area full, Save says so and the settings still apply on this device, also after reloading the page', async () => {
    const page = await openOptions(browser, errors);
    // Fill PostWijs's sync area to its 102,400 bytes with items of 8,000 bytes, then smaller
    // ones until even the smallest is refused.
    const filled = await page.evaluate(async () => {
      const sync = (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync;
      await sync.clear();
      let i = 0;
      for (const size of [8_000, 1_000, 100, 10]) {
        for (;;) {
          try {
            await sync.set({ [`fill${i++}`]: 'x'.repeat(size) });
          } catch {
            break;
          }
        }
      }
      return sync.getBytesInUse(null);
    });
    expect(filled).toBeGreaterThan(102_300);
    await page.reload();
    await page.locator('button[data-action="save"]').waitFor();
    await page.getByLabel(/School name|Naam van de school/i).fill('OBS De Vlieger');
    await page.locator('button[data-action="save"]').click();
    const saved = await outcome(page, 'save');
    expect(saved.ok).toBe('false');
    expect(saved.text).toMatch(/synchronisatieopslag van PostWijs is vol|sync storage is full/);
    await page.setViewportSize({ width: 900, height: 1000 });
    await page.locator('[role="status"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(import.meta.dirname, 'screenshots', 'settings-sync-full.png') });
    await expect.poll(async () => (await effective(page))?.settings?.schoolName, { timeout: 15_000 }).toBe('OBS De Vlieger');
    await page.reload();
    await expect.poll(() => page.getByLabel(/School name|Naam van de school/i).inputValue(), { timeout: 10_000 }).toBe('OBS De Vlieger');
    await page.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.clear());
    expect(errors).toEqual([]);
  });

  it('a settings file with __proto__, constructor and toString keys is imported with those keys listed as ignored', async () => {
    const page = await openOptions(browser, errors);
    const path = join(files, 'instellingen.json');
    writeFileSync(path, hostileSettingsFile('OBS De Regenboog'));
    await page.locator('input[data-action="import-settings"]').setInputFiles(path);
    const read = await outcome(page, 'import-settings');
    expect(read.ok).toBe('false');
    await page.locator('[role="status"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(import.meta.dirname, 'screenshots', 'settings-hostile-import.png') });
    for (const key of ['__proto__', 'constructor', 'toString']) expect(read.text).toContain(key);
    expect(await page.getByLabel(/School name|Naam van de school/i).inputValue()).toBe('OBS De Regenboog');
    await page.locator('button[data-action="save"]').click();
    expect((await outcome(page, 'save')).ok).toBe('true');
    expect(errors).toEqual([]);
  });

  it('stored settings with those keys leave the worker deriving, the keys reported', async () => {
    const page = await openOptions(browser, errors);
    await page.evaluate(async (text) => {
      await (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.set({ settings: JSON.parse(text) });
    }, JSON.stringify({ version: 2, savedAt: Date.now() + 60_000, settings: JSON.parse(hostileSettingsFile('Het Hostile College')).settings }));
    await expect.poll(async () => (await effective(page))?.settings?.schoolName, { timeout: 15_000 }).toBe('Het Hostile College');
    const problems = ((await effective(page)).problems.settings as { key: string }[]).map((p) => p.key).sort();
    expect(problems).toEqual(['__proto__', 'constructor', 'toString']);
  });
});
