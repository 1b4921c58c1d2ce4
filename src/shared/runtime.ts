import { extensionApi } from './extension-api.ts';

// The only door to extension APIs for the content script. Kept tiny (no polyfill) because it
// is bundled into every page of the three sites.

/** False once the extension was updated, reloaded or removed while the page stayed open
 * ("Extension context invalidated"): the page must then keep working without us. */
export function extensionContextValid(): boolean {
  try {
    return !!extensionApi()?.runtime?.id;
  } catch {
    return false;
  }
}

/** The extension's version (for the diagnosis), or "?" outside the extension. */
export function extensionVersion(): string {
  try {
    return extensionApi()?.runtime?.getManifest?.().version ?? '?';
  } catch {
    return '?';
  }
}

/** Calls back once, when the extension is installed for the first time (first-run setup). */
export function onFirstInstall(callback: () => void): void {
  extensionApi()?.runtime?.onInstalled?.addListener((details) => details.reason === 'install' && callback());
}

/** Opens the extension's options page. */
export function openOptionsPage(): void {
  void extensionApi()?.runtime?.openOptionsPage?.();
}

/** The language of the UI: the user's choice (set with setUiLanguage), else the browser's. */
export { activeLanguage as uiLanguage } from './i18n.ts';

/** The extension's own id (in Firefox the fixed add-on id), for policy files that name it. */
export function extensionId(): string {
  try {
    return extensionApi()?.runtime?.id ?? '<extension-id>';
  } catch {
    return '<extension-id>';
  }
}
