import type { Finding } from '../engine/types.ts';
import { askToPost } from './confirm.tsx';
import { isDisabledButton, isEnter, type PlatformAdapter } from './platforms/types.ts';
import type { EditorSession } from './session.ts';

// The post guard. A window listener in the capture phase, registered at document_start, runs
// before the sites' own handlers (React and Lexical listen on their roots). It holds back only
// the submit of a box being written in: that box's own submit button (found by the adapter
// inside the box's own composer, so a Share button elsewhere in a post dialog is not it), or
// the key that the site itself publishes on (Enter in comment boxes; Ctrl+Enter on X, Cmd+Enter
// on a Mac). When the draft has findings of severity warning or error it asks; "Toch plaatsen"
// replays the action exactly once through a one-shot bypass. A draft without such findings,
// and a box PostWijs does not recognise, pass with no dialog and no delay. IME composition is
// never interrupted; disabled buttons are ignored.
//
// The replay is done in a way the page sees: a click on the box's own submit button (X's key
// handler reads keyCode, which an event made in the content script's isolated world cannot
// carry to the page: a property defined on it is invisible there). Only a box without a submit
// button gets the key again, with the legacy fields in the event's init dictionary.

// A paused PostWijs has no sessions, so nothing is held back.
export interface SessionLookup {
  forEditor(editor: HTMLElement): EditorSession | undefined;
  all(): Iterable<EditorSession>;
}

export function installGuard(adapter: PlatformAdapter, sessions: SessionLookup, alive: () => boolean, signal: AbortSignal): void {
  let bypass = false;
  let asking = false;

  /** Hold the event back and ask, when the draft has warning or error findings; `replay`
   * repeats the original action once, through the one-shot bypass. */
  const intercept = (event: Event, session: EditorSession, replay: () => void) => {
    if (asking) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    const findings = session.currentFindings().filter((f: Finding) => f.severity !== 'info');
    // "Toch plaatsen" is the user's answer for this draft: a second step of the same post (on a
    // Facebook Page, Next and then Post) does not ask again while the text stays the same.
    if (!findings.length || session.acceptedAsIs()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    asking = true;
    void askToPost(findings).then((choice) => {
      asking = false;
      session.editor.focus();
      if (choice !== 'post-anyway') return;
      session.acceptAsIs();
      bypass = true;
      try {
        replay();
      } finally {
        bypass = false;
      }
    });
  };

  window.addEventListener(
    'click',
    (event) => {
      if (bypass || !alive()) return;
      const target = event.composedPath()[0];
      if (!(target instanceof Element)) return;
      for (const session of sessions.all()) {
        const button = session.submitButtonHit(target);
        if (!button) continue;
        if (!isDisabledButton(button)) intercept(event, session, () => button.isConnected && button.click());
        return;
      }
    },
    { capture: true, signal },
  );

  window.addEventListener(
    'keydown',
    (event) => {
      // Only Enter can publish: every other key returns here, before any DOM work, so typing
      // pays nothing for the guard.
      if (bypass || !isEnter(event) || event.isComposing || event.keyCode === 229 || !alive()) return;
      const target = event.composedPath()[0];
      if (!(target instanceof Element)) return;
      const editor = adapter.editorFrom(target);
      const session = editor ? sessions.forEditor(editor) : undefined;
      const box = session?.box();
      if (!session || !box || !adapter.submitsOnKey(event, box)) return;
      const init = { key: event.key, code: event.code, keyCode: event.keyCode, which: event.which, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, altKey: event.altKey };
      intercept(event, session, () => {
        const button = session.box()?.submitButton;
        if (button && !isDisabledButton(button)) button.click();
        else if (session.editor.isConnected) session.editor.dispatchEvent(new KeyboardEvent('keydown', { ...init, bubbles: true, cancelable: true, composed: true }));
      });
    },
    { capture: true, signal },
  );
}
