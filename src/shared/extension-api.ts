// The one place that finds the extension API: webextension-polyfill's `browser` where a page
// or the worker installed it, else Firefox's promise-based `browser`, else Chrome's `chrome`
// (promise-based in MV3 for the calls we make). Undefined outside the extension (unit
// tests, the CLI) and may throw once the extension context is gone; callers guard for both.

type Listener<T extends unknown[]> = { addListener(cb: (...args: T) => void): void; removeListener(cb: (...args: T) => void): void };

export interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set?(items: Record<string, unknown>): Promise<void>;
}

export interface MessageSender {
  id?: string;
  tab?: { id?: number };
}

export interface ExtensionApi {
  runtime?: {
    id?: string;
    getManifest?(): { version?: string };
    openOptionsPage?(): unknown;
    onInstalled?: Listener<[{ reason: string }]>;
    sendMessage?(message: unknown): Promise<unknown>;
    /** Answers through sendResponse; returning true keeps the channel open for it. */
    onMessage?: Listener<[unknown, MessageSender, (response: unknown) => void]> & {
      addListener(cb: (message: unknown, sender: MessageSender, sendResponse: (response: unknown) => void) => boolean | void): void;
    };
  };
  tabs?: {
    query(query: { active: boolean; windowId: number }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  windows?: {
    getLastFocused(filter: { windowTypes: 'normal'[] }): Promise<{ id?: number }>;
  };
  action?: {
    setBadgeText(details: { tabId: number; text: string }): Promise<void>;
    setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
    setBadgeTextColor?(details: { tabId: number; color: string }): Promise<void>;
    setTitle(details: { tabId: number; title: string }): Promise<void>;
  };
  i18n?: { getMessage(id: string, substitutions?: string[]): string };
  storage?: {
    sync: StorageArea;
    local: StorageArea;
    managed: StorageArea;
    onChanged: Listener<[Record<string, { newValue?: unknown }>, string]>;
  };
}

let installed: ExtensionApi | undefined;

/** The pages and the background worker install webextension-polyfill's `browser` here (see
 * polyfill.ts); the content script does not, to stay small, and uses the globals. */
export function installExtensionApi(api: ExtensionApi): void {
  installed = api;
}

export function extensionApi(): ExtensionApi | undefined {
  if (installed) return installed;
  const g = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return g.browser?.runtime ? g.browser : g.chrome;
}

/** True for a message sent by this extension itself (not by a page or another extension). */
export function fromUs(sender: { id?: string }): boolean {
  return sender.id !== undefined && sender.id === extensionApi()?.runtime?.id;
}
