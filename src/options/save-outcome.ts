import { STORAGE_QUOTAS } from '../settings/layout.ts';
import { t } from '../shared/i18n.ts';
import { uiLanguage } from '../shared/runtime.ts';
import type { SaveOutcome } from '../shared/user-settings.ts';

/** The line a page shows when a save applied on this device but did not reach the browser's
 * sync: why, in the user's words, and that nothing was lost. */
export function syncOutcomeText(outcome: Extract<SaveOutcome, { synced: false }>): string {
  switch (outcome.failure) {
    case 'too-large-for-sync':
    case 'item-too-large':
      return t('optionsNotSyncedTooLarge', STORAGE_QUOTAS.sync.bytesPerItem.toLocaleString(uiLanguage()));
    case 'area-full':
      return t('optionsNotSyncedFull', String(STORAGE_QUOTAS.sync.bytes / 1024));
    case 'too-many-writes':
      return t('optionsNotSyncedTooOften');
    default:
      return t('optionsNotSyncedOther', outcome.detail);
  }
}
