// The one place that finds the extension API: Firefox's promise-based `browser`, else Chrome's
// `chrome` (promise-based in MV3 for the calls we make). Undefined outside the extension (unit
// tests, the CLI) and may throw once the extension context is gone; callers guard for both.

type Listener<T extends unknown[]> = { addListener(cb: (...args: T) => void): void; removeListener(cb: (...args: T) => void): void };

export interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set?(items: Record<string, unknown>): Promise<void>;
}

export interface ExtensionApi {
  runtime?: {
    id?: string;
    openOptionsPage?(): unknown;
    onInstalled?: Listener<[{ reason: string }]>;
  };
  i18n?: { getMessage(id: string, substitutions?: string[]): string };
  storage?: {
    sync: StorageArea;
    local: StorageArea;
    managed: StorageArea;
    onChanged: Listener<[Record<string, { newValue?: unknown }>, string]>;
  };
}

export function extensionApi(): ExtensionApi | undefined {
  const g = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return g.browser?.runtime ? g.browser : g.chrome;
}
