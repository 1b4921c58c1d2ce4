import browser from 'webextension-polyfill';
import { installExtensionApi, type ExtensionApi } from './extension-api.ts';

// Imported first by the background worker, the popup and the options page: one promise-based
// `browser` API in Chrome, Edge and Firefox alike (in Firefox the polyfill is the native
// object). Not in the content script: it adds ~9 KB to a script injected into every page, and
// the few calls made there behave the same through `chrome` and `browser`.
installExtensionApi(browser as unknown as ExtensionApi);
