import { render } from 'preact';
import type { Finding, Severity } from '../engine/types.ts';
import { t } from '../shared/i18n.ts';
import { FindingItem } from '../ui/finding-item.tsx';
import { STYLES } from './ui-styles.ts';

// The inline warning next to a compose box: a <postwijs-overlay> element with an open shadow
// root holding a small badge (count and worst severity) that opens a panel listing each
// finding with the protocol's article and quote, and an action where one exists.
// Automation contract (docs/TESTING.md): data-platform, data-findings (rule ids), data-kind,
// data-unrecognised, and data-action on the buttons.

export interface OverlayState {
  findings: Finding[];
  open: boolean;
  status?: string;
  /** The box is a composer PostWijs cannot classify: a neutral state, no checks. */
  unrecognised?: boolean;
  /** The kind of box (post, reply, comment, caption): exposed as data-kind for automation. */
  kind?: string;
  /** Where the panel opens: towards the larger free part of the window. */
  below?: boolean;
  alignLeft?: boolean;
}

export interface OverlayActions {
  onAction(action: 'insert-disclaimer' | 'insert-affiliation', finding: Finding): void;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 2, warning: 1, info: 0 };
export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  return findings.reduce<Severity | undefined>((worst, f) => (!worst || SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[worst] ? f.severity : worst), undefined);
}

export class Overlay {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private state: OverlayState = { findings: [], open: false };
  private placement = '';

  constructor(platform: string, private readonly actions: OverlayActions) {
    this.host = document.createElement('postwijs-overlay');
    this.host.setAttribute('data-platform', platform);
    this.host.setAttribute('data-findings', '');
    this.host.style.cssText = 'position:fixed;z-index:2147483646;top:0;left:0;display:block;';
    this.root = this.host.attachShadow({ mode: 'open' });
    document.documentElement.append(this.host);
    this.paint();
  }

  update(next: Partial<OverlayState>): void {
    this.state = { ...this.state, ...next };
    this.host.setAttribute('data-findings', this.state.findings.map((f) => f.ruleId).join(' '));
    this.host.toggleAttribute('data-unrecognised', this.state.unrecognised === true);
    this.host.setAttribute('data-kind', this.state.unrecognised ? '' : (this.state.kind ?? ''));
    this.paint();
  }

  /** Keep the badge in the editor's bottom-right corner. The caller reads the editor's rect and
   * the viewport before anything is written (no forced layout); nothing is written when
   * nothing moved, so following the editor costs no style or layout work. */
  place(rect: DOMRect, viewport: { width: number; height: number }): void {
    const top = Math.max(0, Math.min(viewport.height - 32, rect.bottom - 34));
    const left = Math.max(0, Math.min(viewport.width - 40, rect.right - 40));
    const hidden = rect.width === 0 && rect.height === 0;
    const below = top < viewport.height / 2;
    // The panel never runs out of the window: it gets the room there is on its side.
    const room = Math.max(160, Math.round(below ? viewport.height - top - 34 - 8 : top - 8));
    const placement = `${Math.round(left)},${Math.round(top)},${hidden},${room}`;
    if (placement === this.placement) return;
    this.placement = placement;
    this.host.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
    this.host.style.display = hidden ? 'none' : 'block';
    this.host.style.setProperty('--pw-panel-max', `${room}px`);
    const alignLeft = left < 400;
    if (below !== this.state.below || alignLeft !== this.state.alignLeft) this.update({ below, alignLeft });
  }

  remove(): void {
    render(null, this.root);
    this.host.remove();
  }

  private paint(): void {
    render(<OverlayView state={this.state} toggle={() => this.update({ open: !this.state.open, status: undefined })} actions={this.actions} />, this.root);
  }
}

function OverlayView({ state, toggle, actions }: { state: OverlayState; toggle: () => void; actions: OverlayActions }) {
  // A box that looks like a composer but that the adapter cannot classify: say so plainly.
  const unknown = state.unrecognised;
  const worst = worstSeverity(state.findings);
  const count = state.findings.length;
  const label = unknown ? t('overlayUnrecognised') : count ? t('overlayBadge', String(count)) : t('overlayBadgeClean');
  return (
    <>
      <style>{STYLES}</style>
      <div style="position:relative">
        <button class={`badge sev-${unknown ? 'unknown' : (worst ?? 'clean')}`} aria-label={label} title={label} aria-expanded={state.open} data-action="toggle" onClick={toggle}>
          <span aria-hidden="true">{unknown ? '?' : worst === 'error' ? '✖' : worst === 'warning' ? '!' : worst === 'info' ? 'i' : '✓'}</span>
          {count > 0 && <span aria-hidden="true">{count}</span>}
        </button>
        {/* Announced to screen readers whether or not the panel is open. */}
        <p class="sr-only" role="status" aria-live="polite">
          {state.status ?? ''}
        </p>
        {state.open && (
          <div class={`panel${state.below ? ' below' : ''}${state.alignLeft ? ' left' : ''}`} role="dialog" aria-label={unknown ? label : t('overlayTitle')}>
            <h2>{unknown ? label : t('overlayTitle')}</h2>
            {unknown ? <p>{t('overlayUnrecognisedHelp')}</p> : count === 0 && <p>{t('overlayClean')}</p>}
            {state.findings.map((f) => (
              <FindingItem finding={f} onFix={actions.onAction} />
            ))}
            {state.status && <p class="status">{state.status}</p>}
            <button class="action secondary" data-action="dismiss" onClick={toggle}>
              {t('actionDismiss')}
            </button>
          </div>
        )}
      </div>
    </>
  );
}

