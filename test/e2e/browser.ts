import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { startSites } from './sites.ts';

// Launches Debian's Chromium (never a downloaded browser) with the built extension loaded.

export const CHROMIUM_PATH = process.env.POSTWIJS_CHROMIUM ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(import.meta.dirname, '..', '..', 'dist', 'chrome');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

/** Options for scripts/start.ts (the demo) and the first-run tests; other tests use the defaults. */
export interface LaunchOptions {
  /** Default CHROMIUM_PATH. */
  executablePath?: string;
  /** Default true. The demo opens a visible window when the machine has a display. */
  headless?: boolean;
  /** Playwright's viewport; null lets pages follow the window size (for a visible window).
   * Default: Playwright's own (1280x720). */
  viewport?: { width: number; height: number } | null;
  /** Default true (the tests run as root in containers). A person's own desktop keeps the
   * sandbox, and Chromium then shows no warning bar about it. */
  noSandbox?: boolean;
  /** Default false: the options tab PostWijs opens on first install is waited for and taken
   * away before launching returns. It opens when it likes, and once opened in the middle of a
   * test's navigation; tests of that first-run page keep it. */
  keepInstallTab?: boolean;
  /** A profile directory to use and keep (close() leaves it), for a restart with the same
   * profile; the caller removes it. Default: a fresh temporary one, removed on close. */
  userDataDir?: string;
  /** Default false. True when `userDataDir` was used before: PostWijs is not installed anew,
   * so no first-run tab opens, and the worker starts only when something wakes it. */
  restart?: boolean;
  /** With `restart`: the id from the first launch. */
  extensionId?: string;
}

export async function launchWithExtension(extraArgs: string[] = [], options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const { executablePath = CHROMIUM_PATH, headless = true, noSandbox = true } = options;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'postwijs-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless,
    ...(options.viewport !== undefined ? { viewport: options.viewport } : {}),
    args: [
      ...(noSandbox ? ['--no-sandbox'] : []),
      // A visible window draws with the GPU where there is one; headless has none to use.
      ...(headless ? ['--disable-gpu'] : []),
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...extraArgs,
    ],
  });
  const close = async () => {
    await context.close();
    if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    if (options.restart) {
      // An unpacked extension's id follows from its path, the same as before the restart.
      const extensionId = options.extensionId!;
      return { context, extensionId, serviceWorker: context.serviceWorkers()[0]!, close };
    }
    const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    const installTab = await waitForInstallTab(context, extensionId);
    if (!options.keepInstallTab) {
      // It often took the place of the start tab; a visible browser quits with its last tab.
      if (context.pages().length > 1) await installTab.close();
      else await installTab.goto('about:blank');
    }
    return { context, extensionId, serviceWorker, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The options tab PostWijs opens on first install (every launch here is a first install). It
 * comes after the service worker, seconds after on a busy machine. */
async function waitForInstallTab(context: BrowserContext, extensionId: string, timeout = 30_000): Promise<Page> {
  const prefix = `chrome-extension://${extensionId}/src/options/`;
  const deadline = Date.now() + timeout;
  for (;;) {
    const tab = context.pages().find((p) => p.url().startsWith(prefix));
    if (tab) return tab;
    if (Date.now() > deadline) throw new Error(`the options tab that opens on first install did not open within ${timeout / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Stores user settings as the options page will, and waits until the background worker has
 * derived the effective settings from them. */
export async function configure(browser: ExtensionBrowser, settings: Record<string, unknown>): Promise<void> {
  type Chrome = { storage: { sync: { set(v: object): Promise<void> }; local: { get(k: string): Promise<Record<string, { settings?: Record<string, unknown> } | undefined>> } } };
  await browser.serviceWorker.evaluate(async (s) => {
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    // As another browser of the user's would: the newest copy in sync applies (settings/layout.ts).
    await chrome.storage.sync.set({ settings: { version: 2, savedAt: Date.now(), settings: s } });
  }, settings);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const name = await browser.serviceWorker.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
      return (await chrome.storage.local.get('effective')).effective?.settings?.schoolName;
    });
    if (name === settings.schoolName) return;
    if (Date.now() > deadline) throw new Error(`effective settings not derived (schoolName is ${String(name)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The replica sites and a browser with the extension that reaches them, configured with
 * `settings` when given. Its close() ends the browser and the sites. */
export async function launchOnSites(settings?: Record<string, unknown>, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const sites = await startSites();
  let browser: ExtensionBrowser | undefined;
  try {
    browser = await launchWithExtension(sites.chromiumArgs, options);
    if (settings) await configure(browser, settings);
  } catch (error) {
    await browser?.close();
    await sites.close();
    throw error;
  }
  const close = browser.close;
  return { ...browser, close: async () => (await close(), await sites.close()) };
}

/**
 * Opens the toolbar popup as a window of its own, brought to the front. Playwright cannot reach
 * the real toolbar popup; this one finds the same tab (the active tab of the last focused
 * browser window). Headless windows behind others draw no frames, and Playwright's actions
 * wait for frames, hence the bringToFront.
 */
export async function openPopupWindow(browser: ExtensionBrowser): Promise<Page> {
  const opened = browser.context.waitForEvent('page', { timeout: 10_000 });
  await browser.serviceWorker.evaluate(async (url) => {
    type Chrome = { windows: { create(o: object): Promise<unknown> } };
    await (globalThis as unknown as { chrome: Chrome }).chrome.windows.create({ url, type: 'popup', width: 420, height: 640 });
  }, `chrome-extension://${browser.extensionId}/src/popup/index.html`);
  const popup = await opened;
  await popup.bringToFront();
  return popup;
}

/** Where Debian Chromium reads managed policy files (*.json), a few seconds after they appear. */
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** Whether this run may write real policy files there (it needs root, as CI has). */
export function canWritePolicies(): boolean {
  try {
    mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
    accessSync(CHROMIUM_POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export const GRIFTLAND_TEACHER = {
  protocol: 'cvo-baarn-soest',
  schoolName: 'Griftland College',
  schoolAliases: ['Griftland'],
  role: 'employee',
  jobTitle: 'docent',
};
