/*
 * PostWijs content script (Facebook, X, Instagram), injected at document_start.
 *
 *   window ── capture focusin ──► adapter.editorFrom(target) ──► ignored (Messenger, DMs)? stop
 *                                          │
 *                                          └► EditorSession (one per box) ── adapter.classify:
 *                                               recognised: MutationObserver on the editor
 *                                                 → debounce → frame → engine check
 *                                               not recognised: neutral state, diagnosis, no guard
 *                                               └► <postwijs-overlay> (shadow DOM)
 *   window ── capture click on a session's own submit button / its site's submit key
 *          ──► guard ──► findings ≥ warning? → <postwijs-confirm> → replay once
 *   popup ── get-draft / apply-fix ──► the active session; each check ──► badge count (background)
 *
 * Only the focused editor and its composer are observed; nothing rescans the whole document.
 * Everything hangs on one AbortController: when the extension is reloaded or updated while the
 * page stays open ("Extension context invalidated"), all listeners and overlays go away and the
 * post buttons work as if PostWijs was never there.
 */
import type { CheckConfig } from '../engine/config.ts';
import type { Finding } from '../engine/types.ts';
import { watchCheckConfig, type LiveConfig } from '../shared/check-config.ts';
import { setUiLanguage } from '../shared/i18n.ts';
import type { DraftReport } from '../shared/messages.ts';
import { onContentRequest, sendDraftStatus } from '../shared/content-messaging.ts';
import { extensionContextValid } from '../shared/runtime.ts';
import './messages.ts';
import { installGuard } from './guard.ts';
import { adapterFor } from './platforms/index.ts';
import { worstSeverity } from './overlay.tsx';
import { EditorSession } from './session.ts';

const CHECK_ALIVE_MS = 1000;

function start(): void {
  const adapter = adapterFor(location.hostname);
  if (!adapter) return;
  const controller = new AbortController();
  const { signal } = controller;
  const sessions = new Map<HTMLElement, EditorSession>();
  let config: CheckConfig | undefined;
  let paused = false;
  // The box the user wrote in last: the popup and the toolbar badge are about this one.
  let active: EditorSession | undefined;
  let reported = '';

  const report = (findings: readonly Finding[]) => {
    const worst = worstSeverity(findings) ?? null;
    const status = `${findings.length}:${worst}`;
    if (status === reported) return;
    reported = status;
    sendDraftStatus({ count: Math.min(findings.length, 999), worst });
  };

  const alive = () => {
    if (extensionContextValid()) return true;
    controller.abort();
    return false;
  };
  signal.addEventListener('abort', () => {
    for (const session of sessions.values()) session.dispose();
    sessions.clear();
    report([]);
  });

  const follow = (editor: HTMLElement) => {
    if (!config || paused || adapter.ignored(editor)) return;
    const known = sessions.get(editor);
    if (known) {
      active = known;
      return report(known.currentFindings());
    }
    const session = new EditorSession(editor, adapter, () => config!, (checked, findings) => checked === active && report(findings));
    // Its first check may find the editor already gone: then it is disposed before it is kept.
    if (session.controller.signal.aborted) return;
    sessions.set(editor, session);
    active = session;
    report(session.currentFindings());
    session.controller.signal.addEventListener('abort', () => {
      sessions.delete(editor);
      if (active === session) {
        active = undefined;
        report([]);
      }
    });
  };

  onContentRequest(async (request): Promise<DraftReport> => {
    const session = active?.editor.isConnected ? active : undefined;
    if (!session || !alive()) return { type: 'postwijs:draft' };
    const outcome = request.type === 'postwijs:apply-fix' ? await session.applyFix(request.kind) : undefined;
    const report = session.report();
    if ('diagnosis' in report) return { type: 'postwijs:draft', unrecognised: report };
    return { type: 'postwijs:draft', draft: report, ...(outcome ? { outcome } : {}) };
  }, signal);

  window.addEventListener(
    'focusin',
    (event) => {
      if (!alive()) return;
      const target = event.composedPath()[0];
      if (!(target instanceof Element)) return;
      const editor = adapter.editorFrom(target);
      if (editor) follow(editor);
    },
    { capture: true, signal },
  );

  installGuard(
    adapter,
    {
      forEditor: (editor) => sessions.get(editor),
      all: () => sessions.values(),
    },
    alive,
    signal,
  );

  // Single-page apps: editors leave the page without an event. A cheap check of the few
  // watched editors (not of the document) tears their sessions down.
  const timer = setInterval(() => {
    if (!alive()) return;
    for (const [editor, session] of sessions) if (!editor.isConnected) session.dispose();
  }, CHECK_ALIVE_MS);
  signal.addEventListener('abort', () => clearInterval(timer));
  // Leaving the page for good (not into the back/forward cache): let everything go.
  window.addEventListener('pagehide', (event) => event.persisted || controller.abort(), { signal });

  const apply = (next: LiveConfig) => {
    config = next.config;
    paused = next.paused;
    setUiLanguage(next.language);
    for (const session of [...sessions.values()]) {
      if (paused) session.dispose();
      else session.refresh();
    }
    // The user may already be in a compose box (at start, or when a pause ends).
    const active = document.activeElement;
    const editor = active ? adapter.editorFrom(active) : null;
    if (editor) follow(editor);
  };
  watchCheckConfig(apply, signal);
}

start();
