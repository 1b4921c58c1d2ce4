import '../shared/polyfill.ts';
import '../i18n/all.ts';
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { DocumentError } from '../documents/read.ts';
import { buildProtocol, draftProtocol, NotAProtocolError, type Proposal, type ProtocolDraft, type ProtocolMeta } from '../drafting/draft.ts';
import type { Passage } from '../drafting/map-rules.ts';
import { adminConsolePolicy, chromeManagedPolicy, firefoxPolicies, windowsRegistryPolicy, type PolicyFile } from '../drafting/policy-export.ts';
import type { SourcePage } from '../drafting/repair.ts';
import { validateProtocolDocument } from '../drafting/validate.ts';
import type { ProtocolInput } from '../engine/protocol-schema.ts';
import type { Role } from '../engine/types.ts';
import { RULES } from '../rules/index.ts';
import { setUiLanguage, t, type MessageId } from '../shared/i18n.ts';
import { extensionId, uiLanguage } from '../shared/runtime.ts';
import { readEffective, type EffectiveState } from '../shared/storage.ts';
import { readUserSettings, saveUserSettings } from '../shared/user-settings.ts';
import { syncOutcomeText } from '../options/save-outcome.ts';
import { STYLES } from '../popup/styles.ts';
import { downloadFile } from '../ui/download.ts';
import { readFileInPage } from './read-file.ts';

// The review page: a school's own protocol document in, a reviewed protocol out. The document
// is read and drafted on this device (src/drafting, the same engine as the CLI); the reviewer
// sees every proposed rule next to the document with its passage highlighted, chooses, and only
// then saves it as the custom protocol in use, or exports it as a policy for the whole school.
// Whatever goes wrong while reading leaves the protocol in use as it was.

const DOCUMENT_MESSAGES: Record<string, MessageId> = {
  empty: 'optionsDocumentEmpty',
  'too-large': 'optionsDocumentTooLarge',
  scanned: 'optionsDocumentScanned',
  password: 'optionsDocumentPassword',
  image: 'optionsDocumentImage',
  corrupt: 'optionsDocumentCorrupt',
  unsupported: 'optionsDocumentUnsupported',
  'no-rules': 'optionsDocumentNoRules',
};
const ROLE_LABEL: Record<Role, MessageId> = { employee: 'roleEmployee', director: 'roleDirector', parent: 'roleParent', pupil: 'rolePupil' };

interface Choice {
  use: boolean;
  /** 0 = the proposed passage, n = alternative n. */
  passage: number;
}

type Reading = { state: 'idle' } | { state: 'reading'; done: number; total: number } | { state: 'failed'; message: string } | { state: 'drafted'; source: string };

function Review() {
  const [effective, setEffective] = useState<EffectiveState | undefined>();
  const [reading, setReading] = useState<Reading>({ state: 'idle' });
  const [draft, setDraft] = useState<ProtocolDraft | undefined>();
  const [choices, setChoices] = useState<Choice[]>([]);
  const [meta, setMeta] = useState<ProtocolMeta | undefined>();
  const [pasted, setPasted] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; lines: string[] } | undefined>();

  useEffect(() => {
    void readEffective().then((state) => {
      setUiLanguage(state?.settings.uiLanguage ?? 'browser');
      document.documentElement.lang = uiLanguage();
      document.title = `${t('optionsReviewTitle')} – PostWijs`;
      setEffective(state);
    });
  }, []);

  const useDraft = (result: ProtocolDraft, source: string) => {
    setDraft(result);
    setChoices(result.proposals.map(() => ({ use: true, passage: 0 })));
    const p = result.protocol;
    setMeta({
      title: p.title,
      school: p.school,
      board: p.board,
      boardAliases: p.boardAliases ?? [],
      date: p.date,
      language: p.language ?? 'nl',
      ...(p.disclaimer ? { disclaimer: { article: p.disclaimer.article, text: p.disclaimer.text } } : {}),
    });
    setOutcome(undefined);
    setReading({ state: 'drafted', source });
  };

  const fail = (error: unknown) => {
    if (error instanceof DocumentError || error instanceof NotAProtocolError) {
      setReading({ state: 'failed', message: `${t(DOCUMENT_MESSAGES[error.reason] ?? 'optionsDocumentCorrupt')} ${t('optionsReviewKept')}` });
    } else {
      // Not the file's fault (a worker that failed to start, a bug): say so instead of blaming it.
      setReading({ state: 'failed', message: t('optionsDocumentInternal', error instanceof Error ? error.message : String(error)) });
    }
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setReading({ state: 'reading', done: 0, total: 0 });
    try {
      const pages: SourcePage[] = await readFileInPage(file, (done, total) => setReading({ state: 'reading', done, total }));
      useDraft(draftProtocol({ pages, fileName: file.name }), file.name);
    } catch (error) {
      fail(error);
    }
  };

  const readPasted = () => {
    try {
      useDraft(draftProtocol({ text: pasted }), t('optionsReviewPasted'));
    } catch (error) {
      fail(error);
    }
  };

  const accepted = useMemo(
    () =>
      draft
        ? draft.proposals.flatMap((proposal, i) => {
            const choice = choices[i];
            if (!choice?.use) return [];
            const passage: Passage = choice.passage === 0 ? proposal : proposal.alternatives[choice.passage - 1]!;
            return [{ ruleId: proposal.ruleId, passage, ...(proposal.options ? { options: proposal.options } : {}), ...(proposal.roles ? { roles: proposal.roles } : {}) }];
          })
        : [],
    [draft, choices],
  );
  const protocol: ProtocolInput | undefined = useMemo(() => (draft && meta && accepted.length ? buildProtocol(meta, draft.units, accepted) : undefined), [draft, meta, accepted]);
  const locked = new Set(effective?.locked ?? []);
  const protocolLocked = locked.has('protocol') || locked.has('customProtocol');

  const save = async () => {
    if (!protocol) {
      setOutcome({ ok: false, lines: [t('optionsReviewNoneChosen')] });
      return;
    }
    const problems = validateProtocolDocument(protocol);
    if (problems.length) {
      setOutcome({ ok: false, lines: [t('optionsReviewInvalid'), ...problems] });
      return;
    }
    try {
      const { settings } = await readUserSettings();
      const saved = await saveUserSettings({ ...settings, protocol: 'custom', customProtocol: JSON.stringify(protocol) });
      setOutcome({ ok: true, lines: [t('optionsReviewSaved', protocol.title), ...(saved.synced ? [] : [syncOutcomeText(saved)])] });
    } catch (error) {
      setOutcome({ ok: false, lines: [t('optionsSaveFailed', (error as Error).message)] });
    }
  };

  const highlighted = new Map<string, string[]>();
  for (const rule of accepted) highlighted.set(rule.passage.article, [...(highlighted.get(rule.passage.article) ?? []), rule.passage.quote]);

  return (
    <>
      <header>
        <h1>{t('optionsReviewTitle')}</h1>
        <p>{t('optionsReviewIntro')}</p>
        <p>
          <a href="../options/index.html">{t('optionsReviewBack')}</a>
        </p>
      </header>
      <section aria-labelledby="input-heading" class="input">
        <h2 id="input-heading" class="visually-hidden">
          {t('optionsReviewFile')}
        </h2>
        <div class="field">
          <label for="protocol-document">{t('optionsReviewFile')}</label>
          <input
            id="protocol-document"
            data-action="read-protocol-document"
            type="file"
            accept=".pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
            onChange={(e) => void readFile((e.target as HTMLInputElement).files?.[0])}
          />
        </div>
        <div class="field">
          <label for="protocol-text">{t('optionsReviewPaste')}</label>
          <textarea id="protocol-text" rows={4} value={pasted} onInput={(e) => setPasted((e.target as HTMLTextAreaElement).value)} />
          <div>
            <button type="button" class="secondary" data-action="read-pasted" disabled={!pasted.trim()} onClick={readPasted}>
              {t('optionsReviewReadText')}
            </button>
          </div>
        </div>
        <div role="status" class="reading" data-state={reading.state}>
          {reading.state === 'reading' && (
            <>
              <p>{reading.total ? t('optionsReviewProgress', String(reading.done), String(reading.total)) : t('optionsReviewReading')}</p>
              <progress max={reading.total || undefined} value={reading.total ? reading.done : undefined} aria-label={t('optionsReviewReading')} />
            </>
          )}
          {reading.state === 'drafted' && draft && <p class="ok">{t('optionsReviewDrafted', reading.source, String(draft.proposals.length))}</p>}
        </div>
        {reading.state === 'failed' && (
          <p role="alert" class="error" data-state="failed">
            {reading.message}
          </p>
        )}
      </section>

      {draft && meta && (
        <>
          <div class="review">
            <section aria-labelledby="document-heading" class="document" tabIndex={0}>
              <h2 id="document-heading">{t('optionsReviewDocument')}</h2>
              <p class="help">{t('optionsReviewDocumentIntro')}</p>
              <ol class="units">
                {draft.units.map((unit) => (
                  <li id={`unit-${cssId(unit.number)}`} data-article={unit.number}>
                    <span class="number">{unit.number}</span> <Highlighted text={unit.text} quotes={highlighted.get(unit.number) ?? []} />
                  </li>
                ))}
              </ol>
            </section>
            <section aria-labelledby="proposals-heading" class="proposals">
              <h2 id="proposals-heading">{t('optionsReviewProposals')}</h2>
              {draft.proposals.map((proposal, i) => (
                <ProposalCard proposal={proposal} index={i} choice={choices[i]!} onChange={(choice) => setChoices(choices.map((c, j) => (j === i ? choice : c)))} />
              ))}
              {draft.unmapped.length > 0 && (
                <details class="unmapped">
                  <summary>{t('optionsReviewUnmapped', String(draft.unmapped.length))}</summary>
                  <p class="help">{t('optionsReviewUnmappedIntro')}</p>
                  <ul>
                    {draft.unmapped.map((n) => (
                      <li>
                        <a href={`#unit-${cssId(n)}`}>{n}</a>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </section>
          </div>

          <section aria-labelledby="meta-heading" class="meta">
            <h2 id="meta-heading">{t('optionsReviewMeta')}</h2>
            {draft.audience.length > 0 && (
              <p class="help" data-state="audience">
                {t('optionsReviewAudience', draft.audience.map((r) => t(ROLE_LABEL[r])).join(', '))}
              </p>
            )}
            <Field id="meta-title" label={t('optionsReviewMetaTitle')} value={meta.title} onInput={(title) => setMeta({ ...meta, title })} />
            <Field id="meta-school" label={t('optionsReviewMetaSchool')} value={meta.school} onInput={(school) => setMeta({ ...meta, school })} />
            <Field id="meta-board" label={t('optionsReviewMetaBoard')} value={meta.board} onInput={(board) => setMeta({ ...meta, board })} />
            {meta.disclaimer && (
              <div class="field">
                <label for="meta-disclaimer">{t('optionsReviewMetaDisclaimer')}</label>
                <textarea id="meta-disclaimer" rows={3} value={meta.disclaimer.text} aria-describedby="meta-disclaimer-source" onInput={(e) => setMeta({ ...meta, disclaimer: { ...meta.disclaimer!, text: (e.target as HTMLTextAreaElement).value } })} />
                <p class="help" id="meta-disclaimer-source">
                  {draft.disclaimerSource === 'protocol' ? t('optionsReviewDisclaimerOwn', meta.disclaimer.article) : t('optionsReviewDisclaimerOurs')}
                </p>
              </div>
            )}
          </section>

          <section aria-labelledby="save-heading" class="save">
            <h2 id="save-heading" class="visually-hidden">
              {t('optionsReviewSave')}
            </h2>
            {protocolLocked && <p class="locked">{t('optionsReviewLocked')}</p>}
            <button type="button" data-action="save-protocol" disabled={protocolLocked} onClick={() => void save()}>
              {t('optionsReviewSave')}
            </button>
            <div role="status" class={outcome ? (outcome.ok ? 'ok' : 'error') : ''} data-state={outcome ? (outcome.ok ? 'saved' : 'failed') : 'idle'}>
              {outcome && (
                <ul>
                  {outcome.lines.map((l) => (
                    <li>{l}</li>
                  ))}
                </ul>
              )}
            </div>
          </section>

          {protocol && (
            <section aria-labelledby="export-heading" class="export">
              <h2 id="export-heading">{t('optionsReviewExport')}</h2>
              <p class="help">{t('optionsReviewExportIntro')}</p>
              <div class="buttons">
                <ExportButton action="export-chrome" label={t('optionsReviewExportChrome')} file={() => chromeManagedPolicy(protocol, extensionId())} />
                <ExportButton action="export-console" label={t('optionsReviewExportConsole')} file={() => adminConsolePolicy(protocol)} />
                <ExportButton action="export-registry" label={t('optionsReviewExportRegistry')} file={() => windowsRegistryPolicy(protocol, extensionId())} />
                <ExportButton action="export-firefox" label={t('optionsReviewExportFirefox')} file={() => firefoxPolicies(protocol)} />
              </div>
            </section>
          )}
        </>
      )}
    </>
  );
}

/** An article number as an id: "Foto's en filmpjes ¶2" → "Foto-s-en-filmpjes-2". */
function cssId(number: string): string {
  return number.replace(/[^\p{L}\p{N}]+/gu, '-');
}

function ProposalCard(props: { proposal: Proposal; index: number; choice: Choice; onChange: (choice: Choice) => void }) {
  const { proposal, index, choice } = props;
  const passages: Passage[] = [proposal, ...proposal.alternatives];
  const passage = passages[choice.passage] ?? proposal;
  const name = `use-${index}`;
  return (
    <fieldset class={`proposal${choice.use ? '' : ' skipped'}`} data-rule={proposal.ruleId}>
      <legend>{t(RULES[proposal.ruleId].meta.description as MessageId)}</legend>
      <div class="choice" role="radiogroup" aria-label={t(RULES[proposal.ruleId].meta.description as MessageId)}>
        <label>
          <input type="radio" name={name} value="use" checked={choice.use} onChange={() => props.onChange({ ...choice, use: true })} /> {t('optionsReviewUse')}
        </label>
        <label>
          <input type="radio" name={name} value="skip" checked={!choice.use} onChange={() => props.onChange({ ...choice, use: false })} /> {t('optionsReviewSkip')}
        </label>
      </div>
      {passages.length > 1 ? (
        <div class="field">
          <label for={`passage-${index}`}>{t('optionsReviewPassage')}</label>
          <select id={`passage-${index}`} value={String(choice.passage)} onChange={(e) => props.onChange({ ...choice, passage: Number((e.target as HTMLSelectElement).value) })}>
            {passages.map((p, i) => (
              <option value={String(i)}>{t('optionsReviewPassageOption', p.article, shorten(p.quote, 70))}</option>
            ))}
          </select>
        </div>
      ) : (
        <p class="article">
          <a href={`#unit-${cssId(passage.article)}`}>{t('optionsReviewArticle', passage.article)}</a>
        </p>
      )}
      <blockquote>{passage.quote}</blockquote>
      <p class="why">
        <strong>{t('optionsReviewWhy')}:</strong> {passage.why.map((w) => `“${w.matched}”`).join(', ')}
      </p>
      <OptionsFound proposal={proposal} />
    </fieldset>
  );
}

function OptionsFound({ proposal }: { proposal: Proposal }) {
  const lines: preact.ComponentChildren[] = [];
  const options = proposal.options as { policy?: string; checklist?: { nl: string; en: string }[]; requireJobTitle?: boolean; discussionOnly?: boolean } | undefined;
  if (options?.policy === 'no-recognisable-people') lines.push(t('optionsReviewOptionNoRecognisable'));
  if (options?.policy === 'consent') lines.push(t('optionsReviewOptionConsent'));
  if (options?.policy === 'conditions') {
    lines.push(
      <>
        {t('optionsReviewOptionConditions')}
        <ul>
          {(options.checklist ?? []).map((c) => (
            <li>{c[uiLanguage()]}</li>
          ))}
        </ul>
      </>,
    );
  }
  if (options?.requireJobTitle) lines.push(t('optionsReviewOptionJobTitle'));
  if (options?.discussionOnly) lines.push(t('optionsReviewOptionDiscussionOnly'));
  if (proposal.roles?.length) lines.push(t('optionsReviewOptionRoles', proposal.roles.map((r) => t(ROLE_LABEL[r])).join(', ')));
  if (!lines.length) return null;
  return (
    <div class="options">
      <strong>{t('optionsReviewSettingsFound')}:</strong>
      <ul>
        {lines.map((l) => (
          <li>{l}</li>
        ))}
      </ul>
    </div>
  );
}

/** The text with each quote marked; quotes are verbatim parts of it. */
function Highlighted({ text, quotes }: { text: string; quotes: string[] }) {
  const ranges = quotes
    .map((q) => ({ start: text.indexOf(q), end: text.indexOf(q) + q.length }))
    .filter((r) => r.start >= 0)
    .sort((a, b) => a.start - b.start);
  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.end <= at) continue;
    const start = Math.max(r.start, at);
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark>{text.slice(start, r.end)}</mark>);
    at = r.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/u, '')}…`;
}

function Field(props: { id: string; label: string; value: string; onInput: (value: string) => void }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input id={props.id} type="text" value={props.value} onInput={(e) => props.onInput((e.target as HTMLInputElement).value)} />
    </div>
  );
}

function ExportButton(props: { action: string; label: string; file: () => PolicyFile }) {
  const download = () => {
    const file = props.file();
    downloadFile(file.fileName, file.mimeType, file.content as BlobPart);
  };
  return (
    <button type="button" class="secondary" data-action={props.action} onClick={download}>
      {props.label}
    </button>
  );
}

const style = document.createElement('style');
style.textContent = `${STYLES}
main { max-width: 1200px; margin: 0 auto; padding: 24px 16px; }
h1 { font-size: 22px; }
h2 { font-size: 17px; margin: 16px 0 6px; }
.field { margin: 12px 0; display: flex; flex-direction: column; gap: 4px; }
label { font-weight: 600; }
.choice label, .choice input { font-weight: 400; }
input[type=text], select, textarea { font: inherit; padding: 6px 8px; border: 1px solid #667085; border-radius: 6px; background: inherit; color: inherit; max-width: 100%; }
input:focus-visible, select:focus-visible, textarea:focus-visible, a:focus-visible, summary:focus-visible { outline: 3px solid #1a56db; outline-offset: 1px; }
.help { margin: 2px 0; font-size: 13px; color: #475467; }
.ok { color: #067647; } .error { color: #b42318; } .locked { font-weight: 600; color: #1a3a8f; }
.review { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 24px; align-items: start; }
@media (max-width: 860px) { .review { grid-template-columns: minmax(0, 1fr); } }
.document { max-height: 80vh; overflow: auto; border: 1px solid #d0d5dd; border-radius: 8px; padding: 0 12px 12px; }
.units { list-style: none; padding: 0; margin: 0; }
.units li { margin: 8px 0; }
.units .number { font-weight: 700; }
mark { background: #fef0c7; color: #1d2939; padding: 0 1px; }
.proposal { border: 1px solid #d0d5dd; border-radius: 8px; margin: 0 0 12px; padding: 8px 12px; min-width: 0; }
.proposal select { width: 100%; }
.proposal.skipped { opacity: 0.75; }
.proposal legend { font-weight: 700; padding: 0 4px; }
.choice { display: flex; gap: 16px; }
blockquote { margin: 6px 0; padding-left: 10px; border-left: 3px solid #98a2b3; }
.why, .options { font-size: 13px; margin: 4px 0; }
.options ul { margin: 2px 0; padding-left: 20px; }
.buttons { flex-wrap: wrap; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (prefers-color-scheme: dark) {
  .help { color: #d0d5dd; } .ok { color: #75e0a7; } .error { color: #fda29b; } .locked { color: #b2ccff; }
  mark { background: #93370d; color: #fff; }
  .document, .proposal { border-color: #475467; }
}`;
document.head.append(style);
render(<Review />, document.getElementById('app')!);
