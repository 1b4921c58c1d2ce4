import type { Finding } from '../engine/types.ts';
import { askToPost } from './confirm.tsx';
import { isDisabledButton, type PlatformAdapter } from './platforms/types.ts';
import type { EditorSession } from './session.ts';

// The post guard. A window listener in the capture phase, registered at document_start, runs
// before the sites' own handlers (React and Lexical listen on their roots). When the draft has
// findings of severity warning or error, it holds the post back and asks; "Toch plaatsen"
// replays the original action exactly once (a one-shot bypass, then button.click() or the key
// again: React and Lexical do not check isTrusted). A draft without such findings passes with
// no dialog and no delay. IME composition is never interrupted; disabled buttons are ignored.

// A paused PostWijs has no sessions, so nothing is held back.
export interface SessionLookup {
  forEditor(editor: HTMLElement): EditorSession | undefined;
  forButton(button: Element): EditorSession | undefined;
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
    if (!findings.length) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    asking = true;
    void askToPost(findings).then((choice) => {
      asking = false;
      session.editor.focus();
      if (choice !== 'post-anyway') return;
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
      const button = adapter.postButtonFrom(target);
      if (!button || isDisabledButton(button)) return;
      const session = sessions.forButton(button);
      if (session) intercept(event, session, () => button.isConnected && button.click());
    },
    { capture: true, signal },
  );

  window.addEventListener(
    'keydown',
    (event) => {
      if (bypass || event.isComposing || event.keyCode === 229 || !alive()) return;
      const target = event.composedPath()[0];
      if (!(target instanceof Element)) return;
      const editor = adapter.editorFrom(target);
      if (!editor || !adapter.submitsOnKey(event, editor)) return;
      const session = sessions.forEditor(editor);
      const replay = { key: event.key, code: event.code, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, altKey: event.altKey };
      if (session) intercept(event, session, () => editor.isConnected && editor.dispatchEvent(keyEvent(replay)));
    },
    { capture: true, signal },
  );
}

/** A keydown the editors accept as the user's: Draft.js reads keyCode, Lexical reads key. */
function keyEvent(init: KeyboardEventInit & { key: string }): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { ...init, bubbles: true, cancelable: true, composed: true });
  const code = init.key === 'Enter' ? 13 : 0;
  Object.defineProperty(event, 'keyCode', { get: () => code });
  Object.defineProperty(event, 'which', { get: () => code });
  return event;
}
