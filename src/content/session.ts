import { check } from '../engine/analyze.ts';
import type { CheckConfig } from '../engine/config.ts';
import type { CheckResult, Draft, Finding } from '../engine/types.ts';
import { t } from '../shared/i18n.ts';
import { extensionVersion } from '../shared/runtime.ts';
import { diagnose } from './diagnose.ts';
import { insertOnNewLine, type InsertOutcome } from './insert.ts';
import { Overlay } from './overlay.tsx';
import type { BoxAnalysis, Classification, PlatformAdapter } from './platforms/types.ts';
import { readEditorText } from './read-text.ts';

// One watched compose box: its overlay, its latest check, and the observers that keep both
// current. Everything hangs on one AbortController, aborted when the editor leaves the page.
//
// Text changes are seen through a MutationObserver on the editor itself (Lexical and Draft.js
// cancel many input events), never handled inside the observer callback: a check is scheduled
// (debounced) and runs in an animation frame, so typing never waits for the engine.
//
// Each check first asks the adapter what the box is (kind, composer, its own submit button).
// A box the adapter cannot classify is "not recognised": the overlay says so, nothing is
// checked, and the guard leaves it alone (never a Post button held back that we cannot replay).

const DEBOUNCE_MS = 120;

export class EditorSession {
  readonly controller = new AbortController();
  private readonly overlay: Overlay;
  private result: CheckResult | undefined;
  private text = '';
  private classification: Classification;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private repositionFrame = 0;
  private accepted: string | undefined;

  constructor(
    readonly editor: HTMLElement,
    private readonly adapter: PlatformAdapter,
    private readonly config: () => CheckConfig,
    /** Told the findings after every check (the toolbar badge follows them). */
    private readonly onChecked: (session: EditorSession, findings: readonly Finding[]) => void = () => undefined,
  ) {
    const signal = this.controller.signal;
    this.classification = adapter.classify(editor);
    this.overlay = new Overlay(adapter.id, { onAction: (_action, finding) => void this.fix(finding) });
    const observer = new MutationObserver(() => this.schedule());
    observer.observe(editor, { characterData: true, childList: true, subtree: true });
    signal.addEventListener('abort', () => {
      observer.disconnect();
      clearTimeout(this.timer);
      cancelAnimationFrame(this.frame);
      cancelAnimationFrame(this.repositionFrame);
      this.overlay.remove();
    });
    editor.addEventListener('input', () => this.schedule(), { signal });
    window.addEventListener('scroll', () => this.reposition(), { capture: true, passive: true, signal });
    window.addEventListener('resize', () => this.reposition(), { passive: true, signal });
    this.runCheck();
  }

  /** What the popup shows: the platform, the kind of box and the current findings; or, for a
   * box PostWijs does not recognise, a diagnosis without any text of the page or the post. */
  report(): { platform: PlatformAdapter['id']; kind: Draft['kind']; findings: Finding[] } | { platform: PlatformAdapter['id']; diagnosis: string } {
    const findings = this.currentFindings();
    const box = this.classification;
    if (!box.ok) return { platform: this.adapter.id, diagnosis: diagnose({ adapter: this.adapter, editor: this.editor, classification: box, version: extensionVersion() }) };
    return { platform: this.adapter.id, kind: box.kind, findings };
  }

  /** What the box is now, when the adapter recognises it (asked afresh: sites re-render). */
  box(): BoxAnalysis | undefined {
    this.classification = this.adapter.classify(this.editor);
    return this.classification.ok ? this.classification : undefined;
  }

  /** The box's own submit button when this click target is (inside) it. */
  submitButtonHit(target: Element): HTMLElement | undefined {
    const button = this.box()?.submitButton;
    return button && button.contains(target) ? button : undefined;
  }

  /** The user chose "Toch plaatsen" for the text as it is now. */
  acceptAsIs(): void {
    this.accepted = readEditorText(this.editor);
  }

  /** Was "Toch plaatsen" chosen for exactly this text? */
  acceptedAsIs(): boolean {
    return this.accepted !== undefined && this.accepted === readEditorText(this.editor);
  }

  /** Applies the fix of that kind (from the popup), if the draft still needs it. */
  async applyFix(kind: NonNullable<Finding['fix']>['kind']): Promise<InsertOutcome | 'no-fix'> {
    const finding = this.currentFindings().find((f) => f.fix?.kind === kind);
    return finding ? this.fix(finding) : 'no-fix';
  }

  /** The findings for the current text, checking now if the text changed since the last check. */
  currentFindings(): Finding[] {
    if (readEditorText(this.editor) !== this.text || !this.result) this.runCheck();
    return this.classification.ok ? (this.result?.findings ?? []) : [];
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

  /** Follows the editor on scroll and resize: one frame at a time however many events come (a
   * busy feed that keeps the page scroll-anchored fires a scroll event per change), and never
   * cancelling a scheduled check. */
  private reposition(): void {
    if (this.repositionFrame) return;
    this.repositionFrame = requestAnimationFrame(() => {
      this.repositionFrame = 0;
      this.overlay.place(this.editor.getBoundingClientRect(), { width: window.innerWidth, height: window.innerHeight });
    });
  }

  private runCheck(): void {
    if (!this.editor.isConnected) return this.dispose();
    // Read layout before writing to the overlay: reading it after the write would force a
    // second, synchronous layout on every checked keystroke.
    const rect = this.editor.getBoundingClientRect();
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    this.text = readEditorText(this.editor);
    const box = this.box();
    if (!box) {
      this.result = undefined;
      this.overlay.update({ findings: [], unrecognised: true });
      this.onChecked(this, []);
      this.overlay.place(rect, viewport);
      return;
    }
    const draft: Draft = {
      text: this.text,
      platform: this.adapter.id,
      kind: box.kind,
      media: this.adapter.mediaOf(box.composer),
      at: new Date(),
    };
    this.result = check(draft, this.config());
    this.overlay.update({ findings: this.result.findings, unrecognised: false, kind: box.kind });
    this.onChecked(this, this.result.findings);
    this.overlay.place(rect, viewport);
  }

  /** One insertion at a time: a double click, or the overlay and the popup together, must not
   * put the line in twice. */
  private inserting: Promise<InsertOutcome | 'no-fix'> | undefined;

  private fix(finding: Finding): Promise<InsertOutcome | 'no-fix'> {
    this.inserting ??= this.insertFix(finding).finally(() => (this.inserting = undefined));
    return this.inserting;
  }

  private async insertFix(finding: Finding): Promise<InsertOutcome | 'no-fix'> {
    // The draft may have changed since the panel was drawn: fix only what it still needs.
    const text = this.currentFindings().find((f) => f.ruleId === finding.ruleId && f.fix?.kind === finding.fix?.kind)?.fix?.text;
    if (!text) return 'no-fix';
    const outcome = await insertOnNewLine(this.editor, text);
    this.runCheck();
    // Done: close the panel (it may cover the site's Post button) and announce it. Not done:
    // keep the panel open with what the user has to do.
    const done = outcome === 'inserted' || outcome === 'pasted';
    const status = done ? t('insertDone') : outcome === 'copied' ? t('insertCopied') : t('insertFailed');
    this.overlay.update({ status, open: !done });
    return outcome;
  }
}
