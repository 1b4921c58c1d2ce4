// Styles for the overlay and the confirm dialog. They live in shadow roots, so the sites'
// CSS cannot reach them and ours cannot leak out. Colours meet WCAG AA in light and dark.
import { FINDING_STYLES } from '../ui/finding-styles.ts';

export const STYLES = `${FINDING_STYLES}
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.badge { display: inline-flex; align-items: center; gap: 4px; min-width: 28px; height: 28px; padding: 0 8px;
  border-radius: 14px; border: 2px solid #fff; font: 600 13px/1 system-ui, sans-serif; cursor: pointer;
  box-shadow: 0 1px 4px rgba(0,0,0,.35); color: #fff; }
.badge:focus-visible, button:focus-visible { outline: 3px solid #1a56db; outline-offset: 2px; }
.sev-error { background: #b42318; } .sev-warning { background: #9a4d00; } .sev-info { background: #175cd3; } .sev-clean { background: #067647; } .sev-unknown { background: #475467; }
.panel { position: absolute; right: 0; bottom: 34px; width: min(380px, 92vw); max-height: min(60vh, var(--pw-panel-max, 60vh)); overflow: auto;
  background: #fff; color: #1d2939; border: 1px solid #d0d5dd; border-radius: 10px; padding: 12px;
  box-shadow: 0 8px 24px rgba(0,0,0,.25); font-size: 14px; line-height: 1.45; }
.panel.below { bottom: auto; top: 34px; }
.panel.left { right: auto; left: 0; }
.panel h2 { font-size: 14px; margin: 0 0 8px; }
button.action { margin-top: 6px; margin-right: 6px; padding: 6px 10px; border-radius: 6px; border: 1px solid #1a56db;
  background: #1a56db; color: #fff; font: 600 13px system-ui, sans-serif; cursor: pointer; }
button.secondary { background: #fff; color: #1a56db; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.status { margin-top: 6px; font-size: 13px; color: #067647; }
.dialog-backdrop { position: fixed; inset: 0; background: rgba(16,24,40,.55); display: flex; align-items: center; justify-content: center; z-index: 2147483647; }
.dialog { width: min(480px, 94vw); max-height: 86vh; overflow: auto; background: #fff; color: #1d2939; border-radius: 12px; padding: 20px;
  box-shadow: 0 12px 32px rgba(0,0,0,.35); font-size: 15px; line-height: 1.5; }
.dialog h2 { margin: 0 0 8px; font-size: 18px; }
.dialog .buttons { display: flex; gap: 8px; justify-content: flex-end; margin-top: 14px; }
@media (prefers-color-scheme: dark) {
  .panel, .dialog { background: #1d2939; color: #f2f4f7; border-color: #475467; }
  button.secondary { background: #1d2939; color: #84adff; border-color: #84adff; }
  .status { color: #75e0a7; }
}
`;
