// The finding wording lives in src/i18n/finding-text.ts (pure, also used by the CLI); this
// module keeps the old import path for the tests that use it, with browser.i18n plugged in.
import './i18n.ts';
export { findingMessage } from '../i18n/finding-text.ts';
