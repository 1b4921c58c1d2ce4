import '../shared/polyfill.ts';
import '../i18n/all.ts';
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AuditSummary } from '../archive/audit.ts';
import { CHART, monthBars } from '../archive/report-html.ts';
import { ARCHIVE_ERRORS, KIND_MESSAGES, SOURCE_NAMES, type ArchiveKind, type ArchiveSource } from '../archive/types.ts';
import type { CheckConfig } from '../engine/config.ts';
import type { Severity } from '../engine/types.ts';
import { findingMessage } from '../i18n/finding-text.ts';
import { configFrom } from '../shared/check-config.ts';
import { setUiLanguage, t, type MessageId } from '../shared/i18n.ts';
import { uiLanguage } from '../shared/runtime.ts';
import { readEffective } from '../shared/storage.ts';
import { STYLES } from '../popup/styles.ts';
import type { FlaggedItem, FromWorker, ToWorker } from './protocol.ts';

// "Oude berichten controleren": the person drops the .zip of their X, Facebook or Instagram
// export; a worker reads it on this device (never uploaded, never stored) and checks every
// post with the protocol in use. The page shows progress, a chart per month, and the items with
// findings, filterable by rule, each with a link to open it on the site to edit or delete.

const SEVERITY_LABEL: Record<Severity, MessageId> = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo' };
const SHOWN = 200;

type State =
  | { state: 'idle' }
  | { state: 'working'; phase: 'reading' | 'checking'; done: number; total: number; name: string }
  | { state: 'failed'; message: string }
  | { state: 'done'; flagged: FlaggedItem[]; summary: AuditSummary; withoutText: number; name: string };

function Audit() {
  const [config, setConfig] = useState<CheckConfig | undefined>();
  const [ready, setReady] = useState(false);
  const [state, setState] = useState<State>({ state: 'idle' });
  const [rule, setRule] = useState('');

  useEffect(() => {
    void readEffective().then((effective) => {
      setUiLanguage(effective?.settings.uiLanguage ?? 'browser');
      document.documentElement.lang = uiLanguage();
      document.title = `${t('auditTitle')} – PostWijs`;
      setConfig(configFrom(effective));
      setReady(true);
    });
  }, []);

  const start = (file: File) => {
    if (!config) return;
    setRule('');
    setState({ state: 'working', phase: 'reading', done: 0, total: file.size, name: file.name });
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      if (m.type === 'progress') setState({ state: 'working', phase: m.phase, done: m.done, total: m.total, name: file.name });
      else {
        worker.terminate();
        if (m.type === 'done') setState({ state: 'done', flagged: m.flagged, summary: m.summary, withoutText: m.withoutText, name: file.name });
        else setState({ state: 'failed', message: m.reason === 'internal' ? `${t('auditFailed')} (${m.detail})` : t(ARCHIVE_ERRORS[m.reason]) });
      }
    });
    worker.addEventListener('error', () => {
      worker.terminate();
      setState({ state: 'failed', message: t('auditFailed') });
    });
    worker.postMessage({ type: 'audit', file, config } satisfies ToWorker);
  };

  const shown = useMemo(() => (state.state === 'done' ? state.flagged.filter((i) => !rule || i.findings.some((f) => f.ruleId === rule)) : []), [state, rule]);
  if (!ready) return null;

  return (
    <>
      <style>{STYLES + PAGE_STYLES}</style>
      <h1>{t('auditTitle')}</h1>
      <p>{t('auditIntro')}</p>
      <p class="privacy-note">{t('auditPrivacy')}</p>
      {!config ? (
        <p role="alert">{t('auditNoSettings')}</p>
      ) : (
        <div
          class="drop"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            const file = e.dataTransfer?.files[0];
            if (file) start(file);
          }}
        >
          <label for="archive">{t('auditChoose')}</label>
          <input
            id="archive"
            type="file"
            accept=".zip,application/zip"
            data-action="choose-archive"
            disabled={state.state === 'working'}
            onChange={(e) => {
              const file = (e.currentTarget as HTMLInputElement).files?.[0];
              if (file) start(file);
            }}
          />
          <p class="hint">{t('auditDropHint')}</p>
        </div>
      )}
      <details>
        <summary>{t('auditHowTo')}</summary>
        <ul>
          <li>{t('auditHowToX')}</li>
          <li>{t('auditHowToFacebook')}</li>
          <li>{t('auditHowToInstagram')}</li>
        </ul>
      </details>
      <div role="status" aria-live="polite" class="outcome">
        {state.state === 'working' && (
          <>
            <label for="progress">{t(state.phase === 'reading' ? 'auditReading' : 'auditChecking', state.name)}</label>{' '}
            <progress id="progress" max={state.total || 1} value={state.done} />
          </>
        )}
        {state.state === 'failed' && <p class="error">{state.message}</p>}
        {state.state === 'done' && <p>{t('auditSummary', String(state.summary.checked), String(state.summary.withFindings))}</p>}
      </div>
      {state.state === 'done' && <Result state={state} shown={shown} rule={rule} setRule={setRule} />}
    </>
  );
}

function Result({ state, shown, rule, setRule }: { state: Extract<State, { state: 'done' }>; shown: FlaggedItem[]; rule: string; setRule: (r: string) => void }) {
  const { summary } = state;
  const counts = (Object.entries(summary.bySource) as [ArchiveSource, Partial<Record<ArchiveKind, number>>][])
    .filter(([, kinds]) => Object.keys(kinds).length)
    .map(([source, kinds]) => `${SOURCE_NAMES[source]}: ${(Object.entries(kinds) as [ArchiveKind, number][]).map(([kind, n]) => `${n} ${t(KIND_MESSAGES[kind])}`).join(', ')}`);
  return (
    <section aria-labelledby="result-title">
      <h2 id="result-title">{t('auditResultTitle')}</h2>
      <ul class="counts">
        {counts.map((c) => (
          <li>{c}</li>
        ))}
        {state.withoutText > 0 && <li>{t('auditWithoutText', String(state.withoutText))}</li>}
      </ul>
      <MonthChart months={summary.byMonth} label={t('auditPerMonth')} />
      {summary.withFindings === 0 ? (
        <p class="clean">{t('auditClean')}</p>
      ) : (
        <>
          <p>
            <label for="rule">{t('auditFilter')}</label>{' '}
            <select id="rule" value={rule} onChange={(e) => setRule((e.currentTarget as HTMLSelectElement).value)}>
              <option value="">{t('auditAllRules')}</option>
              {Object.entries(summary.byRule)
                .sort(([, a], [, b]) => b - a)
                .map(([id, n]) => (
                  <option value={id}>{`${id} (${n})`}</option>
                ))}
            </select>
          </p>
          <ol class="items" data-list="audit">
            {shown.slice(0, SHOWN).map((item) => (
              <li class="item" data-source={item.source}>
                <p class="meta">
                  {item.date.slice(0, 10) || '—'} · {SOURCE_NAMES[item.source]} · {t(KIND_MESSAGES[item.kind])}
                  {item.url && (
                    <>
                      {' · '}
                      <a href={item.url} target="_blank" rel="noreferrer noopener" data-action="open-post">
                        {t('auditOpen', SOURCE_NAMES[item.source])}
                      </a>
                    </>
                  )}
                </p>
                <blockquote>{item.text.length > 280 ? `${item.text.slice(0, 280)}…` : item.text}</blockquote>
                <ul class="findings">
                  {item.findings.map((f) => (
                    <li class={`finding ${f.severity}`} data-rule={f.ruleId}>
                      <span class="sev">{t(SEVERITY_LABEL[f.severity])}</span> {findingMessage(f)}{' '}
                      <span class="article">({t('articleCitation', f.article.number)})</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          {shown.length > SHOWN && <p>{t('auditMore', String(shown.length - SHOWN))}</p>}
        </>
      )}
    </section>
  );
}

/** The same bars as the report page's chart (report-html.ts), drawn by Preact. */
function MonthChart({ months, label }: { months: AuditSummary['byMonth']; label: string }) {
  if (!months.length) return null;
  const { width, height: h } = CHART;
  return (
    <figure class="chart">
      <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${h + 16}`} width={width}>
        {monthBars(months).map((b) => (
          <g>
            <title>{`${b.month}: ${b.withFindings} / ${b.items}`}</title>
            <rect x={b.x} y={h - b.all} width={b.width} height={b.all} fill="#ccc" />
            <rect x={b.x} y={h - b.bad} width={b.width} height={b.bad} fill="#a00" />
          </g>
        ))}
        <text x="0" y={h + 13}>
          {months[0]!.month}
        </text>
        <text x={width} y={h + 13} text-anchor="end">
          {months[months.length - 1]!.month}
        </text>
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}

const PAGE_STYLES = `
main { max-width: 52rem; margin: 0 auto; padding: 24px 16px; font-size: 15px; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 20px; }
.drop { border: 2px dashed #667085; border-radius: 8px; padding: 16px; margin: 12px 0; }
.drop label { display: block; font-weight: 600; margin-bottom: 6px; }
.hint, .privacy-note { color: #475467; font-size: 13px; }
.outcome { margin: 12px 0; } .outcome .error { color: #b42318; font-weight: 600; }
progress { width: 100%; height: 14px; }
.items { padding-left: 20px; } .item { margin: 14px 0; }
.meta { margin: 0; color: #475467; font-size: 13px; }
blockquote { margin: 4px 0; padding-left: 10px; border-left: 3px solid #98a2b3; white-space: pre-wrap; }
.findings { margin: 4px 0; padding-left: 18px; }
.chart svg { max-width: 100%; height: auto; } .chart text { font-size: 10px; fill: #475467; }
a { color: #1a56db; } a:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #1a56db; outline-offset: 2px; }
@media (prefers-color-scheme: dark) { .hint, .privacy-note, .meta { color: #d0d5dd; } a { color: #84adff; } .chart text { fill: #d0d5dd; } .outcome .error { color: #fda29b; } }
`;

render(<Audit />, document.getElementById('app')!);
