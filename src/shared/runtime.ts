// The only door to extension APIs for the content script. Kept tiny (no polyfill) because it
// is bundled into every page of the three sites.

interface ChromeLike {
  runtime?: { id?: string };
}

/** False once the extension was updated, reloaded or removed while the page stayed open
 * ("Extension context invalidated"): the page must then keep working without us. */
export function extensionContextValid(): boolean {
  try {
    const chrome = (globalThis as { chrome?: ChromeLike }).chrome;
    return !!chrome?.runtime?.id;
  } catch {
    return false;
  }
}

/** Opens the extension's options page. */
export function openOptionsPage(): void {
  const api = (globalThis as { chrome?: { runtime?: { openOptionsPage?: () => unknown } } }).chrome;
  void api?.runtime?.openOptionsPage?.();
}

/** The browser UI language, for choosing nl or en. */
export function uiLanguage(): 'nl' | 'en' {
  const lang = (globalThis.navigator?.language ?? 'nl').toLowerCase();
  return lang.startsWith('nl') ? 'nl' : 'en';
}
