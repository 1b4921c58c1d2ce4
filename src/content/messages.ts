import { registerMessages, type LocaleTable } from '../shared/i18n.ts';

// The content script's messages: the message files without the options page's and the
// popup's texts (isPageOnlyMessage), put here by the build (vite.config.ts `define`). Under
// Node, where nothing is defined, the content modules are tested with the whole files.
declare const __POSTWIJS_CONTENT_MESSAGES__: { nl: LocaleTable; en: LocaleTable } | undefined;

if (typeof __POSTWIJS_CONTENT_MESSAGES__ !== 'undefined') registerMessages(__POSTWIJS_CONTENT_MESSAGES__);
