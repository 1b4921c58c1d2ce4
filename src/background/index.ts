// Background service worker. It keeps no state in memory (Chrome stops it after ~30 s idle):
// whenever the user's settings, the no-consent list or the school's policy change, it derives
// the effective state again and stores it in storage.local, where the content script and the
// pages read it and watch for changes. It also sets the toolbar badge from what the content
// scripts report.
//
// storage.managed answers only a few seconds after start-up (empty before): the first empty
// answer is never final, because a policy that arrives later comes through onChanged.
import '../shared/polyfill.ts';
import { setUiLanguage, t } from '../shared/i18n.ts';
import { onDraftStatus, showBadge } from '../shared/messaging.ts';
import { onFirstInstall, openOptionsPage } from '../shared/runtime.ts';
import { KEYS, onStorageChange, readArea, readEffective, writeArea } from '../shared/storage.ts';
import { deriveEffective } from './derive.ts';

async function refresh(): Promise<void> {
  const [sync, local, managed, previous] = await Promise.all([readArea('sync', KEYS.settings), readArea('local', KEYS.noConsentNames), readArea('managed'), readEffective()]);
  const effective = deriveEffective({ settings: sync[KEYS.settings], noConsentNames: local[KEYS.noConsentNames], managed, ...(previous ? { previous } : {}) });
  await writeArea('local', { [KEYS.effective]: effective });
}

onFirstInstall(openOptionsPage);

onStorageChange((area, keys) => {
  if (area === 'managed' || area === 'sync' || (area === 'local' && keys.includes(KEYS.noConsentNames))) void refresh();
}, new AbortController().signal);

// The toolbar badge: the number of findings of the draft in each tab, as its content script
// reports them. Chrome keeps a tab's badge itself (and clears it when the tab navigates).
onDraftStatus((tabId, status) => {
  void readEffective().then((effective) => {
    setUiLanguage(effective?.settings.uiLanguage ?? 'browser');
    return showBadge(tabId, status, status.count ? t('badgeTitle', String(status.count)) : t('extName'));
  });
});

void refresh();
