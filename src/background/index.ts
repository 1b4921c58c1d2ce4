// Background service worker. It keeps no state in memory (Chrome stops it after ~30 s idle):
// whenever the user's settings, the no-consent list or the school's policy change, it derives
// the effective state again and stores it in storage.local, where the content script and the
// pages read it and watch for changes. It also sets the toolbar badge from what the content
// scripts report.
//
// storage.managed answers only 3-5 s after Chromium starts. Waiting for it left a fresh
// install with no effective state (the popup showing "…") for those seconds, so the worker
// derives at once from the last policy it read (kept in storage.local, so that after a restart
// a school's policy does not lapse meanwhile), and again when managed answers or changes.
import '../shared/polyfill.ts';
import '../shared/i18n-all.ts';
import { setUiLanguage, t } from '../shared/i18n.ts';
import { onDraftStatus, showBadge } from '../shared/messaging.ts';
import { onFirstInstall, openOptionsPage } from '../shared/runtime.ts';
import { KEYS, onStorageChange, readArea, readEffective, readStoredInputs, writeArea } from '../shared/storage.ts';
import { deriveEffective, sameEffective } from './derive.ts';
import { sameStored } from '../settings/layout.ts';
import { BUNDLED_ENGINE_DATA } from '../engine/bundled-engine-data.ts';
import { storeEngineData } from '../shared/engine-data-store.ts';

/** Derives the effective state from what is stored, with `managed` as the school's policy when
 * it was just read (and then kept as the last one seen), else the last one seen. Writes only
 * what changed. */
async function derive(managed?: Record<string, unknown>): Promise<void> {
  const stored = await readStoredInputs();
  const policy = managed ?? stored.managed;
  const effective = deriveEffective({ settings: stored.settings, customProtocol: stored.customProtocol, noConsentNames: stored.noConsentNames, managed: policy, ...(stored.effective ? { previous: stored.effective } : {}) });
  const changed: Record<string, unknown> = {};
  if (managed && !sameStored(managed, stored.managed)) changed[KEYS.managedPolicy] = managed;
  if (!sameEffective(stored.effective, effective)) changed[KEYS.effective] = effective;
  if (Object.keys(changed).length) await writeArea('local', changed);
}

// One derivation after another: each reads what the one before stored (the policy last seen,
// the previous state), so the derivation from the cached policy at start-up can never store
// its result after the one from managed's answer. A failed one (the extension context going
// away) must not stop those after it.
let derivations: Promise<void> = Promise.resolve();
function refresh(managed?: Record<string, unknown>): void {
  derivations = derivations.then(() => derive(managed)).catch(() => undefined);
}

/** Reads the school's policy (seconds late at start-up) and derives with it. */
function refreshWithManaged(): void {
  void readArea('managed').then(refresh);
}

onFirstInstall(openOptionsPage);

onStorageChange((area, keys) => {
  if (area === 'managed') refreshWithManaged();
  else if (area === 'sync' || (area === 'local' && [KEYS.settings, KEYS.noConsentNames, KEYS.customProtocol].some((key) => keys.includes(key)))) refresh();
}, new AbortController().signal);

// The toolbar badge: the number of findings of the draft in each tab, as its content script
// reports them. Chrome keeps a tab's badge itself (and clears it when the tab navigates).
onDraftStatus((tabId, status) => {
  void readEffective().then((effective) => {
    setUiLanguage(effective?.settings.uiLanguage ?? 'browser');
    return showBadge(tabId, status, status.count ? t('badgeTitle', String(status.count)) : t('extName'));
  });
});

// The detectors' lexicons for the content scripts (written once per build).
void storeEngineData(BUNDLED_ENGINE_DATA).catch(() => undefined);
refresh();
refreshWithManaged();
