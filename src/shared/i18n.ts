import { setNativeMessages } from '../i18n/messages.ts';
import { extensionApi } from './extension-api.ts';

// The extension's door to browser.i18n. Importing this module makes the wording of src/i18n
// (t, tNamed, findingMessage) come from browser.i18n, in the browser's language, unless the
// user picked a language; outside the extension, or once its context is gone, the message
// tables word them instead. Extension code imports t and friends from here so that the source
// is always plugged in; the CLI and the scripts import src/i18n and never touch the browser.

setNativeMessages(() => extensionApi()?.i18n);

export * from '../i18n/messages.ts';
