import '../shared/polyfill.ts';
import '../i18n/all.ts';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { parseCustomProtocol } from '../engine/custom-protocol.ts';
import { parseWorded } from '../engine/issue-text.ts';
import { getProtocol, isProtocolId } from '../engine/protocols.ts';
import type { Role } from '../engine/types.ts';
import { setUiLanguage, t, type MessageId } from '../shared/i18n.ts';
import { uiLanguage } from '../shared/runtime.ts';
import { exportForm, readSettingsFile, type Problem } from '../settings/merge.ts';
import { PROTOCOL_CHOICES, settingsSchema, type Settings } from '../settings/schema.ts';
import { KEYS, onStorageChange, readEffective, type EffectiveState } from '../shared/storage.ts';
import { readUserSettings, saveUserSettings } from '../shared/user-settings.ts';
import { syncOutcomeText } from './save-outcome.ts';
import { STYLES } from '../popup/styles.ts';
import { downloadFile } from '../ui/download.ts';
import { formatTimetable, parseTimetable } from './timetable-text.ts';

// The options page, which is also the first-run setup. One form, driven by the settings
// schema: every field a real <label>, keyboard only works, fields set by the school's policy
// are read-only with "Ingesteld door je school", problems are listed with their reasons.

const ROLES: { value: Role; label: MessageId }[] = [
  { value: 'employee', label: 'roleEmployee' },
  { value: 'director', label: 'roleDirector' },
  { value: 'parent', label: 'roleParent' },
  { value: 'pupil', label: 'rolePupil' },
];

interface Draft {
  protocol: Settings['protocol'];
  customProtocol: string;
  schoolName: string;
  aliases: string;
  role: Role;
  jobTitle: string;
  disclaimer: string;
  timetable: string;
  noConsent: string;
  uiLanguage: Settings['uiLanguage'];
}

function draftOf(settings: Settings, noConsent: string[]): Draft {
  return {
    protocol: settings.protocol,
    customProtocol: settings.customProtocol,
    schoolName: settings.schoolName,
    aliases: settings.schoolAliases.join(', '),
    role: settings.role,
    jobTitle: settings.jobTitle,
    disclaimer: settings.disclaimer,
    timetable: formatTimetable(settings.timetable),
    noConsent: noConsent.join('\n'),
    uiLanguage: settings.uiLanguage,
  };
}

function Options() {
  const [stored, setStored] = useState<{ settings: Settings; problems: Problem[] } | undefined>();
  const [effective, setEffective] = useState<EffectiveState | undefined>();
  const [draft, setDraft] = useState<Draft | undefined>();
  // One live region states the outcome of the last import or Save (docs/TESTING.md: a stable
  // hook); `action` says which, `ok` whether it went as asked.
  const [status, setStatus] = useState<Outcome | undefined>();

  useEffect(() => {
    const controller = new AbortController();
    const load = async () => {
      // The newer of the sync and local copies, with the protocol and the no-consent list from
      // storage.local: the export and Save work on the whole settings.
      const [read, eff] = await Promise.all([readUserSettings(), readEffective()]);
      const names = read.noConsentNames;
      setUiLanguage(read.settings.uiLanguage);
      document.documentElement.lang = uiLanguage();
      setStored(read);
      setEffective(eff);
      setDraft((current) => current ?? draftOf(eff?.settings ?? read.settings, names));
    };
    void load();
    onStorageChange((area, keys) => area === 'local' && keys.includes(KEYS.effective) && void readEffective().then(setEffective), controller.signal);
    return () => controller.abort();
  }, []);
  if (!draft || !stored) return <p>…</p>;

  const locked = new Set(effective?.locked ?? []);
  const isLocked = (key: keyof Settings) => locked.has(key);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const lockNote = (key: keyof Settings) =>
    isLocked(key) ? (
      <span class="locked" id={`locked-${key}`}>
        {t('optionsLocked')}
      </span>
    ) : null;
  const described = (key: keyof Settings) => (isLocked(key) ? `locked-${key}` : undefined);
  const protocol = draft.protocol !== 'custom' && isProtocolId(draft.protocol) ? getProtocol(draft.protocol) : effective?.protocol;
  const lang = uiLanguage();

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    const parsed = parseCustomProtocol(text);
    if (parsed.protocol) {
      set({ protocol: 'custom', customProtocol: text });
      setStatus({ action: 'import-protocol', ok: true, title: `${t('optionsImportOk', parsed.protocol.title)} ${t('optionsImportProtocolSaveHint')}`, lines: [] });
    } else setStatus({ action: 'import-protocol', ok: false, title: t('optionsImportErrors'), lines: parsed.problems.map((p) => `${p.key}: ${p.reason}`) });
  };

  // Export: the stored settings as a file (never the no-consent names: they stay on this device).
  const exportSettings = () => downloadFile('postwijs-instellingen.json', 'application/json', JSON.stringify(exportForm(stored.settings), null, 2));

  // Import: the valid parts fill the form, the rest is listed; nothing is stored until Save,
  // so the last good settings stay in force.
  const importSettings = async (file: File | undefined) => {
    if (!file) return;
    let raw: unknown;
    try {
      raw = JSON.parse(await file.text());
    } catch (error) {
      setStatus({ action: 'import-settings', ok: false, title: t('optionsImportSettingsUnreadable'), lines: [`${file.name}: ${(error as Error).message}`] });
      return;
    }
    const { settings, problems } = readSettingsFile(raw);
    setDraft(draftOf(settings, draft.noConsent.split('\n').filter(Boolean)));
    setStatus(
      problems.length
        ? { action: 'import-settings', ok: false, warning: true, title: `${t('optionsImportSettingsOk')} ${t('optionsImportSettingsErrors')}`, lines: problems.map((p) => `${p.key}: ${p.reason}`) }
        : { action: 'import-settings', ok: true, title: t('optionsImportSettingsOk'), lines: [] },
    );
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const timetable = parseTimetable(draft.timetable);
    const candidate = {
      ...stored.settings,
      protocol: draft.protocol,
      customProtocol: draft.customProtocol,
      schoolName: draft.schoolName,
      schoolAliases: draft.aliases.split(',').map((a) => a.trim()).filter(Boolean),
      role: draft.role,
      jobTitle: draft.jobTitle,
      disclaimer: draft.disclaimer,
      timetable: timetable.blocks,
      uiLanguage: draft.uiLanguage,
    };
    const parsed = parseWorded(settingsSchema, candidate);
    const lines = [
      ...timetable.errors.map((e) => t('optionsTimetableLineError', String(e.line), e.text)),
      ...(parsed.success ? [] : parsed.issues.map((i) => `${i.path}: ${i.reason}`)),
    ];
    if (lines.length || !parsed.success) {
      setStatus({ action: 'save', ok: false, title: t('optionsInvalid'), lines });
      return;
    }
    const names = draft.noConsent.split('\n').map((n) => n.trim()).filter(Boolean);
    let saved;
    try {
      saved = await saveUserSettings(parsed.data, names);
    } catch (error) {
      setStatus({ action: 'save', ok: false, title: t('optionsSaveFailed', (error as Error)?.message ?? String(error)), lines: [] });
      return;
    }
    setStored({ settings: parsed.data, problems: [] });
    setUiLanguage(parsed.data.uiLanguage);
    // Saved on this device either way; a sync that failed is said, with its reason.
    setStatus(saved.synced ? { action: 'save', ok: true, title: t('optionsSaved'), lines: [] } : { action: 'save', ok: false, warning: true, title: syncOutcomeText(saved), lines: [] });
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <h1>{t('optionsTitle')}</h1>
      <p>{t('optionsWelcome')}</p>
      {effective && effective.problems.policy.length > 0 && <ProblemList title={t('optionsPolicyProblems')} problems={effective.problems.policy} />}
      {stored.problems.length > 0 && <ProblemList title={t('optionsStoredProblems')} problems={stored.problems} />}

      <div class="field">
        <label for="protocol">{t('optionsProtocol')}</label>
        <select id="protocol" value={draft.protocol} disabled={isLocked('protocol')} aria-describedby={described('protocol')} onChange={(e) => set({ protocol: (e.target as HTMLSelectElement).value as Draft['protocol'] })}>
          {PROTOCOL_CHOICES.map((id) => (
            <option value={id}>{id === 'custom' ? t('optionsProtocolCustom') : `${getProtocol(id).school} (${getProtocol(id).title})`}</option>
          ))}
        </select>
        {lockNote('protocol')}
        {protocol && <p class="summary">{protocol.summary[lang]}</p>}
        {draft.protocol === 'algemeen' && (
          <p class="general" data-state="general-protocol">
            {t('optionsGeneralProtocolNote')}
          </p>
        )}
        {!isLocked('protocol') && (
          <p>
            <a href="../review/index.html" data-action="open-review">
              {t('optionsReviewLink')}
            </a>
          </p>
        )}
        <p>
          <a href="../audit/index.html" data-action="open-audit">
            {t('optionsAuditLink')}
          </a>
        </p>
        {!isLocked('protocol') && (
          <div>
            <label for="protocol-file">{t('optionsImportProtocol')}</label>
            <input id="protocol-file" type="file" accept="application/json,.json" data-action="import-protocol" aria-describedby={status?.action === 'import-protocol' ? 'protocol-file-outcome' : undefined} onChange={(e) => void importFile((e.target as HTMLInputElement).files?.[0])} />
          </div>
        )}
        {/* Seen next to the file input; the live region at the end of the form announces it. */}
        {status?.action === 'import-protocol' && <OutcomeText id="protocol-file-outcome" outcome={status} />}
      </div>

      <Text id="schoolName" label={t('optionsSchoolName')} value={draft.schoolName} disabled={isLocked('schoolName')} note={lockNote('schoolName')} describedBy={described('schoolName')} onInput={(v) => set({ schoolName: v })} />
      <Text id="aliases" label={t('optionsAliases')} value={draft.aliases} disabled={isLocked('schoolAliases')} note={lockNote('schoolAliases')} describedBy={described('schoolAliases')} onInput={(v) => set({ aliases: v })} />

      <div class="field">
        <label for="role">{t('optionsRole')}</label>
        <select id="role" value={draft.role} disabled={isLocked('role')} aria-describedby={described('role')} onChange={(e) => set({ role: (e.target as HTMLSelectElement).value as Role })}>
          {ROLES.map((r) => (
            <option value={r.value}>{t(r.label)}</option>
          ))}
        </select>
        {lockNote('role')}
      </div>

      <Text id="jobTitle" label={t('optionsJobTitle')} value={draft.jobTitle} disabled={isLocked('jobTitle')} note={lockNote('jobTitle')} describedBy={described('jobTitle')} onInput={(v) => set({ jobTitle: v })} />

      <div class="field">
        <label for="disclaimer">{t('optionsDisclaimer')}</label>
        <textarea id="disclaimer" rows={3} value={draft.disclaimer} disabled={isLocked('disclaimer')} aria-describedby={`disclaimer-preview${isLocked('disclaimer') ? ' locked-disclaimer' : ''}`} onInput={(e) => set({ disclaimer: (e.target as HTMLTextAreaElement).value })} />
        {lockNote('disclaimer')}
        <p class="preview" id="disclaimer-preview">
          {t('optionsDisclaimerPreview')} <q>{draft.disclaimer.trim() || protocol?.disclaimer?.text || ''}</q>
          {!draft.disclaimer.trim() && protocol?.disclaimer?.short && (
            <>
              {' '}
              {t('optionsDisclaimerPreviewX')} <q>{protocol.disclaimer.short}</q>
            </>
          )}
        </p>
      </div>

      <div class="field">
        <label for="timetable">{t('optionsTimetable')}</label>
        <textarea id="timetable" rows={4} value={draft.timetable} disabled={isLocked('timetable')} aria-describedby="timetable-help" onInput={(e) => set({ timetable: (e.target as HTMLTextAreaElement).value })} />
        <p class="help" id="timetable-help">
          {t('optionsTimetableHelp')}
        </p>
        {lockNote('timetable')}
      </div>

      <div class="field">
        <label for="noConsent">{t('optionsNoConsent')}</label>
        <textarea id="noConsent" rows={4} value={draft.noConsent} aria-describedby="noConsent-help" onInput={(e) => set({ noConsent: (e.target as HTMLTextAreaElement).value })} />
        <p class="help" id="noConsent-help">
          {t('optionsNoConsentHelp')}
        </p>
      </div>

      <div class="field">
        <label for="uiLanguage">{t('optionsLanguage')}</label>
        <select id="uiLanguage" value={draft.uiLanguage} onChange={(e) => set({ uiLanguage: (e.target as HTMLSelectElement).value as Draft['uiLanguage'] })}>
          <option value="browser">{t('optionsLanguageBrowser')}</option>
          <option value="nl">Nederlands</option>
          <option value="en">English</option>
        </select>
      </div>

      <div class="buttons">
        <button type="submit" data-action="save">
          {t('optionsSave')}
        </button>
        <button type="button" class="secondary" data-action="export" aria-describedby="export-note" onClick={exportSettings}>
          {t('optionsExport')}
        </button>
      </div>
      <p class="help" id="export-note">
        {t('optionsExportNote')}
      </p>
      <div class="field">
        <label for="settings-file">{t('optionsImportSettings')}</label>
        <input id="settings-file" type="file" accept="application/json,.json" data-action="import-settings" onChange={(e) => void importSettings((e.target as HTMLInputElement).files?.[0])} />
      </div>
      {/* Always in the page, so that screen readers announce what changes in it. */}
      <div role="status" class={status ? outcomeClass(status) : undefined} data-outcome={status?.action} data-ok={status ? String(status.ok) : undefined}>
        {status && <OutcomeText outcome={status} />}
      </div>
    </form>
  );
}

interface Outcome {
  action: 'import-protocol' | 'import-settings' | 'save';
  ok: boolean;
  /** Not as asked, but nothing lost (saved here, not synced; a file read in part). */
  warning?: boolean;
  title: string;
  lines: string[];
}

const outcomeClass = (outcome: Outcome) => (outcome.ok ? 'ok' : outcome.warning ? 'warning' : 'error');

function OutcomeText({ outcome, id }: { outcome: Outcome; id?: string }) {
  return (
    <div id={id} class={outcomeClass(outcome)}>
      <p>{outcome.title}</p>
      {outcome.lines.length > 0 && (
        <ul>
          {outcome.lines.map((l) => (
            <li>{l}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Text(props: { id: string; label: string; value: string; disabled: boolean; note: preact.ComponentChildren; describedBy: string | undefined; onInput: (value: string) => void }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input id={props.id} type="text" value={props.value} disabled={props.disabled} aria-describedby={props.describedBy} onInput={(e) => props.onInput((e.target as HTMLInputElement).value)} />
      {props.note}
    </div>
  );
}

function ProblemList({ title, problems }: { title: string; problems: Problem[] }) {
  return (
    <div class="error" role="alert">
      <p>{title}</p>
      <ul>
        {problems.map((p) => (
          <li>
            <code>{p.key}</code>: {p.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

const style = document.createElement('style');
style.textContent = `${STYLES}
main { max-width: 720px; margin: 0 auto; padding: 24px 16px; }
h1 { font-size: 22px; }
.field { margin: 14px 0; display: flex; flex-direction: column; gap: 4px; }
label { font-weight: 600; }
input[type=text], select, textarea { font: inherit; padding: 6px 8px; border: 1px solid #667085; border-radius: 6px; background: inherit; color: inherit; }
input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid #1a56db; outline-offset: 1px; }
.summary, .help, .preview { margin: 2px 0; font-size: 13px; color: #475467; }
.locked { font-size: 13px; font-weight: 600; color: #1a3a8f; }
.general { margin: 4px 0; padding: 6px 8px; border-radius: 6px; background: #fffaeb; color: #7a2e0e; font-size: 13px; }
.ok { color: #067647; } .error { color: #b42318; } .warning { color: #93370d; }
@media (prefers-color-scheme: dark) { .general { background: #4e1d09; color: #fef0c7; } .summary, .help, .preview { color: #d0d5dd; } .locked { color: #b2ccff; } .ok { color: #75e0a7; } .error { color: #fda29b; } .warning { color: #fec84b; } }
`;
document.head.append(style);
render(<Options />, document.getElementById('app')!);
