import { FINDING_STYLES } from '../ui/finding-styles.ts';

// Popup styles: WCAG AA contrast in light and dark, visible focus.
export const STYLES = `${FINDING_STYLES}
body { margin: 0; min-width: 300px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #fff; color: #1d2939; }
main { padding: 14px 16px; }
h1 { font-size: 16px; margin: 0 0 8px; }
h2 { font-size: 14px; margin: 0 0 4px; }
.draft { width: 360px; max-width: 100%; margin-bottom: 10px; padding-bottom: 8px; border-bottom: 1px solid #d0d5dd; }
.clean { color: #067647; margin: 4px 0; }
.diagnosis { max-height: 160px; overflow: auto; white-space: pre-wrap; word-break: break-word; font: 11px/1.4 ui-monospace, monospace; background: #f2f4f7; color: #1d2939; padding: 6px 8px; border-radius: 6px; margin: 6px 0; }
.status:empty { display: none; }
.status { color: #067647; font-weight: 600; margin: 4px 0; }
button.action { margin-top: 6px; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 4px 12px; margin: 8px 0; }
dt { font-weight: 600; color: #475467; }
dd { margin: 0; }
.managed { background: #eff4ff; color: #1a3a8f; padding: 6px 8px; border-radius: 6px; margin: 0 0 8px; font-weight: 600; }
.paused { color: #9a4d00; font-weight: 600; }
.buttons { display: flex; gap: 8px; margin-top: 10px; }
button { padding: 7px 12px; border-radius: 6px; border: 1px solid #1a56db; background: #1a56db; color: #fff; font: 600 13px system-ui, sans-serif; cursor: pointer; }
button.secondary { background: #fff; color: #1a56db; }
button:focus-visible { outline: 3px solid #1a56db; outline-offset: 2px; }
.privacy { font-size: 12px; color: #475467; margin: 12px 0 0; }
@media (prefers-color-scheme: dark) {
  body { background: #101828; color: #f2f4f7; }
  dt, .privacy { color: #d0d5dd; }
  .managed { background: #1d2939; color: #b2ccff; }
  .paused { color: #fdb022; }
  .clean, .status { color: #75e0a7; }
  .draft { border-color: #475467; }
  .diagnosis { background: #1d2939; color: #f2f4f7; }
  button.secondary { background: #101828; color: #84adff; border-color: #84adff; }
}
`;
