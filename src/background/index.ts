// Background service worker. It keeps no state in memory (Chrome stops it after ~30 s idle):
// whenever the user's settings, the no-consent list or the school's policy change, it derives
// the effective state again and stores it in storage.local, where the content script and the
// pages read it and watch for changes.
//
// storage.managed answers only a few seconds after start-up (empty before): the first empty
// answer is never final, because a policy that arrives later comes through onChanged.
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

void refresh();
