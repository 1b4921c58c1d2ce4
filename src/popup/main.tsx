import '../shared/polyfill.ts';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { setUiLanguage, t, type MessageId } from '../shared/i18n.ts';
import { openOptionsPage, uiLanguage } from '../shared/runtime.ts';
import { KEYS, onStorageChange, readArea, readEffective, writeArea, type EffectiveState } from '../shared/storage.ts';
import { readStoredSettings, storedForm } from '../shared/settings-merge.ts';
import type { DraftReport } from '../shared/messages.ts';
import { askActiveTab } from '../shared/messaging.ts';
import { FindingItem } from '../ui/finding-item.tsx';
import { STYLES } from './styles.ts';

// The toolbar popup. When the active tab has a compose box in use: the findings of the draft
// being written, with the same words, articles and fixes as the overlay (the content script
// of that tab answers and applies the fixes). Always: which protocol, role and school
// PostWijs checks for, "beheerd door je school" when a policy locks it, a link to the
// settings, and pause for an hour.

type Draft = NonNullable<DraftReport['draft']>;
const PLATFORM_NAME: Record<Draft['platform'], string> = { facebook: 'Facebook', x: 'X', instagram: 'Instagram' };
const OUTCOME_TEXT: Record<NonNullable<DraftReport['outcome']>, MessageId> = {
  inserted: 'insertDone',
  pasted: 'insertDone',
  copied: 'insertCopied',
  failed: 'insertFailed',
  'no-fix': 'popupFixNotNeeded',
};

function DraftFindings({ draft, onFix }: { draft: Draft; onFix: (kind: 'insert-disclaimer' | 'insert-affiliation') => void }) {
  return (
    <section class="draft" aria-labelledby="draft-title" data-findings={draft.findings.map((f) => f.ruleId).join(' ')}>
      <h2 id="draft-title">{t('popupDraftTitle', PLATFORM_NAME[draft.platform])}</h2>
      {draft.findings.length === 0 ? (
        <p class="clean">{t('overlayClean')}</p>
      ) : (
        draft.findings.map((f) => <FindingItem finding={f} onFix={onFix} />)
      )}
    </section>
  );
}

const ROLE_LABEL: Record<string, MessageId> = { employee: 'roleEmployee', director: 'roleDirector', parent: 'roleParent', pupil: 'rolePupil' };
const HOUR = 60 * 60 * 1000;

async function setPausedUntil(until: number): Promise<void> {
  const { settings } = readStoredSettings((await readArea('sync', KEYS.settings))[KEYS.settings]);
  await writeArea('sync', { [KEYS.settings]: storedForm({ ...settings, pausedUntil: until }) });
}

function Popup() {
  const [state, setState] = useState<EffectiveState | undefined>();
  const [draft, setDraft] = useState<Draft | undefined>();
  const [fixStatus, setFixStatus] = useState('');
  useEffect(() => {
    void askActiveTab({ type: 'postwijs:get-draft' }).then((report) => setDraft(report?.draft));
  }, []);
  const fix = async (kind: 'insert-disclaimer' | 'insert-affiliation') => {
    const report = await askActiveTab({ type: 'postwijs:apply-fix', kind });
    setDraft(report?.draft);
    setFixStatus(t(report?.outcome ? OUTCOME_TEXT[report.outcome] : 'insertFailed'));
  };
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
      {draft && <DraftFindings draft={draft} onFix={(kind) => void fix(kind)} />}
      <p class="status" role="status" aria-live="polite">
        {fixStatus}
      </p>
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
