import '../shared/polyfill.ts';
import '../i18n/all.ts';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { setUiLanguage, t, type MessageId } from '../shared/i18n.ts';
import { openOptionsPage, uiLanguage } from '../shared/runtime.ts';
import { KEYS, onStorageChange, readEffective, readStoredInputs, type EffectiveState } from '../shared/storage.ts';
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

type Unrecognised = NonNullable<DraftReport['unrecognised']>;

/** The box in use is one PostWijs does not recognise: say so, show exactly what "Kopieer
 * diagnose" copies (structure only, no text of the post or the page), and copy it. */
function UnrecognisedBox({ box, onCopied }: { box: Unrecognised; onCopied: (status: string) => void }) {
  const copy = () =>
    navigator.clipboard.writeText(box.diagnosis).then(
      () => onCopied(t('popupDiagnosisCopied')),
      () => onCopied(t('insertFailed')),
    );
  return (
    <section class="draft unrecognised" aria-labelledby="unrecognised-title" data-unrecognised="">
      <h2 id="unrecognised-title">{t('overlayUnrecognised')}</h2>
      <p>{t('overlayUnrecognisedHelp')}</p>
      <p>{t('popupDiagnosisHelp')}</p>
      <pre class="diagnosis" data-diagnosis="" tabIndex={0} aria-label={t('popupCopyDiagnosis')}>
        {box.diagnosis}
      </pre>
      <button type="button" data-action="copy-diagnosis" onClick={() => void copy()}>
        {t('popupCopyDiagnosis')}
      </button>
    </section>
  );
}

const ROLE_LABEL: Record<string, MessageId> = { employee: 'roleEmployee', director: 'roleDirector', parent: 'roleParent', pupil: 'rolePupil' };
const HOUR = 60 * 60 * 1000;

/** Pauses or resumes; the words to say when that could not be saved (else ''). */
async function setPausedUntil(until: number): Promise<string> {
  // Through the same save as the settings page: the newest copy (sync or this device's) is
  // the one to change, and a full sync area must not lose the pause.
  try {
    // Loaded on click: the settings schema (zod) is most of the popup's code and the first
    // paint does not need it (see watchState).
    const { readUserSettings, saveUserSettings } = await import('../shared/user-settings.ts');
    const { settings } = await readUserSettings();
    await saveUserSettings({ ...settings, pausedUntil: until });
    return '';
  } catch (error) {
    return t('optionsSaveFailed', (error as Error)?.message ?? String(error));
  }
}

function Popup({ state }: { state: EffectiveState | undefined }) {
  const [draft, setDraft] = useState<Draft | undefined>();
  const [unrecognised, setUnrecognised] = useState<Unrecognised | undefined>();
  const [fixStatus, setFixStatus] = useState('');
  useEffect(() => {
    void askActiveTab({ type: 'postwijs:get-draft' }).then((report) => {
      setDraft(report?.draft);
      setUnrecognised(report?.unrecognised);
    });
  }, []);
  const fix = async (kind: 'insert-disclaimer' | 'insert-affiliation') => {
    const report = await askActiveTab({ type: 'postwijs:apply-fix', kind });
    setDraft(report?.draft);
    setFixStatus(t(report?.outcome ? OUTCOME_TEXT[report.outcome] : 'insertFailed'));
  };
  if (!state) return <p>…</p>;
  const { settings, protocol, locked } = state;
  const paused = settings.pausedUntil > Date.now();
  // Formatted only when shown: the first time format loads the locale's data, which took up
  // to a tenth of a second of the popup's first render.
  const time = paused ? new Date(settings.pausedUntil).toLocaleTimeString(uiLanguage(), { hour: '2-digit', minute: '2-digit' }) : '';
  return (
    <>
      <h1>{t('popupTitle')}</h1>
      {draft && <DraftFindings draft={draft} onFix={(kind) => void fix(kind)} />}
      {unrecognised && <UnrecognisedBox box={unrecognised} onCopied={setFixStatus} />}
      <p class="status" role="status" aria-live="polite">
        {fixStatus}
      </p>
      {locked.length > 0 && <p class="managed">{t('popupManaged')}</p>}
      <dl>
        <dt>{t('popupProtocol')}</dt>
        <dd>
          {protocol.title}{protocol.board && ` (${protocol.board})`}
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
          <button type="button" data-action="resume" onClick={() => void setPausedUntil(0).then(setFixStatus)}>
            {t('popupResume')}
          </button>
        ) : (
          <button type="button" data-action="pause" onClick={() => void setPausedUntil(Date.now() + HOUR).then(setFixStatus)}>
            {t('popupPause')}
          </button>
        )}
        <button type="button" class="secondary" data-action="options" onClick={openOptionsPage}>
          {t('popupOptions')}
        </button>
      </div>
      <p>
        <a href="../audit/index.html" target="_blank" data-action="open-audit">
          {t('popupAudit')}
        </a>
      </p>
      <p class="privacy">{t('popupPrivacy')}</p>
    </>
  );
}

/**
 * Calls back with the state to show: the worker's once it has stored one, and before that
 * (right after install the popup can open before the worker's first write) the same state,
 * derived here from the same storage, rather than "…" until the worker gets to it.
 */
function watchState(onState: (state: EffectiveState) => void): void {
  let fromWorker = false;
  const takeWorkers = () =>
    void readEffective().then((effective) => {
      if (!effective) return;
      fromWorker = true;
      onState(effective);
    });
  // Listening before reading: a state the worker stores meanwhile is not missed.
  onStorageChange((area, keys) => area === 'local' && keys.includes(KEYS.effective) && takeWorkers(), new AbortController().signal);
  // Deriving needs the settings schema and the protocols (most of the popup's code), so it is
  // loaded only when the worker has not stored a state yet: on a fresh install the popup
  // opened at once took 250-400 ms to show anything, a third of it loading that code.
  void readStoredInputs().then(async ({ effective, ...inputs }) => {
    if (fromWorker) return;
    if (effective) return onState(effective);
    const { deriveEffective } = await import('../background/derive.ts');
    if (!fromWorker) onState(deriveEffective(inputs));
  });
}

document.documentElement.lang = uiLanguage();
const style = document.createElement('style');
style.textContent = STYLES;
document.head.append(style);
// The state comes in from outside the component, as the script loads: in an effect, reading
// it would wait for Preact's first paint (a frame, which a window behind others may not draw).
// Rendering again keeps the popup's own state (the draft, the fix status).
const app = document.getElementById('app')!;
const show = (state?: EffectiveState) => {
  if (state) {
    setUiLanguage(state.settings.uiLanguage);
    document.documentElement.lang = uiLanguage();
  }
  render(<Popup state={state} />, app);
};
show();
watchState(show);
