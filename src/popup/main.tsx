import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { setUiLanguage, t, type MessageId } from '../shared/i18n.ts';
import { openOptionsPage, uiLanguage } from '../shared/runtime.ts';
import { KEYS, onStorageChange, readArea, readEffective, writeArea, type EffectiveState } from '../shared/storage.ts';
import { readStoredSettings, storedForm } from '../shared/settings-merge.ts';
import { STYLES } from './styles.ts';

// The toolbar popup: which protocol, role and school PostWijs checks for, "beheerd door je
// school" when a policy locks it, a link to the settings, and pause for an hour.

const ROLE_LABEL: Record<string, MessageId> = { employee: 'roleEmployee', director: 'roleDirector', parent: 'roleParent', pupil: 'rolePupil' };
const HOUR = 60 * 60 * 1000;

async function setPausedUntil(until: number): Promise<void> {
  const { settings } = readStoredSettings((await readArea('sync', KEYS.settings))[KEYS.settings]);
  await writeArea('sync', { [KEYS.settings]: storedForm({ ...settings, pausedUntil: until }) });
}

function Popup() {
  const [state, setState] = useState<EffectiveState | undefined>();
  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      void readEffective().then((effective) => {
        setUiLanguage(effective?.settings.uiLanguage ?? 'browser');
        document.documentElement.lang = uiLanguage();
        setState(effective);
      });
    load();
    onStorageChange((area, keys) => area === 'local' && keys.includes(KEYS.effective) && load(), controller.signal);
    return () => controller.abort();
  }, []);
  if (!state) return <p>…</p>;
  const { settings, protocol, locked } = state;
  const paused = settings.pausedUntil > Date.now();
  const time = new Date(settings.pausedUntil).toLocaleTimeString(uiLanguage(), { hour: '2-digit', minute: '2-digit' });
  return (
    <>
      <h1>{t('popupTitle')}</h1>
      {locked.length > 0 && <p class="managed">{t('popupManaged')}</p>}
      <dl>
        <dt>{t('popupProtocol')}</dt>
        <dd>
          {protocol.title} ({protocol.board})
        </dd>
        <dt>{t('popupRole')}</dt>
        <dd>{t(ROLE_LABEL[settings.role] ?? 'roleEmployee')}</dd>
        <dt>{t('popupSchool')}</dt>
        <dd>{settings.schoolName || t('popupNoSchool')}</dd>
      </dl>
      {paused && (
        <p class="paused" role="status">
          {t('popupPausedUntil', time)}
        </p>
      )}
      <div class="buttons">
        {paused ? (
          <button type="button" data-action="resume" onClick={() => void setPausedUntil(0)}>
            {t('popupResume')}
          </button>
        ) : (
          <button type="button" data-action="pause" onClick={() => void setPausedUntil(Date.now() + HOUR)}>
            {t('popupPause')}
          </button>
        )}
        <button type="button" class="secondary" data-action="options" onClick={openOptionsPage}>
          {t('popupOptions')}
        </button>
      </div>
      <p class="privacy">{t('popupPrivacy')}</p>
    </>
  );
}

document.documentElement.lang = uiLanguage();
const style = document.createElement('style');
style.textContent = STYLES;
document.head.append(style);
render(<Popup />, document.getElementById('app')!);
