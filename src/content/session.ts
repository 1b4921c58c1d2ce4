import { check } from '../engine/analyze.ts';
import type { CheckConfig } from '../engine/config.ts';
import type { CheckResult, Draft, Finding } from '../engine/types.ts';
import { t } from '../shared/i18n.ts';
import { insertAtEnd, type InsertOutcome } from './insert.ts';
import { Overlay } from './overlay.tsx';
import type { PlatformAdapter } from './platforms/types.ts';
import { readEditorText } from './read-text.ts';

// One watched compose box: its overlay, its latest check, and the observers that keep both
// current. Everything hangs on one AbortController, aborted when the editor leaves the page.
//
// Text changes are seen through a MutationObserver on the editor itself (Lexical and Draft.js
// cancel many input events), never handled inside the observer callback: a check is scheduled
// (debounced) and runs in an animation frame, so typing never waits for the engine.

const DEBOUNCE_MS = 120;

export class EditorSession {
  readonly controller = new AbortController();
  private readonly overlay: Overlay;
  private result: CheckResult | undefined;
  private text = '';
  private kind: Draft['kind'] = 'post';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;

  constructor(
    readonly editor: HTMLElement,
    private readonly adapter: PlatformAdapter,
    private readonly config: () => CheckConfig,
    /** Told the findings after every check (the toolbar badge follows them). */
    private readonly onChecked: (session: EditorSession, findings: readonly Finding[]) => void = () => undefined,
  ) {
    const signal = this.controller.signal;
    this.overlay = new Overlay(adapter.id, { onAction: (_action, finding) => void this.fix(finding) });
    const observer = new MutationObserver(() => this.schedule());
    observer.observe(editor, { characterData: true, childList: true, subtree: true });
    signal.addEventListener('abort', () => {
      observer.disconnect();
      clearTimeout(this.timer);
      cancelAnimationFrame(this.frame);
      this.overlay.remove();
    });
    editor.addEventListener('input', () => this.schedule(), { signal });
    window.addEventListener('scroll', () => this.reposition(), { capture: true, passive: true, signal });
    window.addEventListener('resize', () => this.reposition(), { passive: true, signal });
    this.runCheck();
  }

  /** What the popup shows: the platform, the kind of box and the current findings. */
  report(): { platform: PlatformAdapter['id']; kind: Draft['kind']; findings: Finding[] } {
    const findings = this.currentFindings();
    return { platform: this.adapter.id, kind: this.kind, findings };
  }

  /** Applies the fix of that kind (from the popup), if the draft still needs it. */
  async applyFix(kind: NonNullable<Finding['fix']>['kind']): Promise<InsertOutcome | 'no-fix'> {
    const finding = this.currentFindings().find((f) => f.fix?.kind === kind);
    return finding ? this.fix(finding) : 'no-fix';
  }

  get composer(): Element {
    return this.adapter.composerOf(this.editor);
  }

  /** The findings for the current text, checking now if the text changed since the last check. */
  currentFindings(): Finding[] {
    if (readEditorText(this.editor) !== this.text || !this.result) this.runCheck();
    return this.result?.findings ?? [];
  }

  /** Check again now (the settings changed). */
  refresh(): void {
    this.runCheck();
  }

  dispose(): void {
    this.controller.abort();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.frame = requestAnimationFrame(() => this.runCheck());
    }, DEBOUNCE_MS);
  }

  private reposition(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.overlay.place(this.editor.getBoundingClientRect()));
  }

  private runCheck(): void {
    if (!this.editor.isConnected) return this.dispose();
    const composer = this.composer;
    this.text = readEditorText(this.editor);
    const draft: Draft = {
      text: this.text,
      platform: this.adapter.id,
      kind: this.adapter.kindOf(this.editor, composer),
      media: this.adapter.mediaOf(composer),
      at: new Date(),
    };
    this.kind = draft.kind;
    this.result = check(draft, this.config());
    this.overlay.update({ findings: this.result.findings });
    this.onChecked(this, this.result.findings);
    this.overlay.place(this.editor.getBoundingClientRect());
  }

  private async fix(finding: Finding): Promise<InsertOutcome | 'no-fix'> {
    const text = finding.fix?.text;
    if (!text) return 'no-fix';
    const outcome = await insertAtEnd(this.editor, text);
    this.runCheck();
    // Done: close the panel (it may cover the site's Post button) and announce it. Not done:
    // keep the panel open with what the user has to do.
    const done = outcome === 'inserted' || outcome === 'pasted';
    const status = done ? t('insertDone') : outcome === 'copied' ? t('insertCopied') : t('insertFailed');
    this.overlay.update({ status, open: !done });
    return outcome;
  }
}
