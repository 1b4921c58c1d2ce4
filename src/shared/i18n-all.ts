// Both message files, whole (src/i18n/all.ts), for the background worker, which imports them
// from here; the pages, the CLI and the scripts import src/i18n/all.ts directly.
import '../i18n/all.ts';
