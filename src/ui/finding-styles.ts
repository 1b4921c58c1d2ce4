// Styles of a finding (src/ui/finding-item.tsx), shared by the overlay panel and the popup.
// Colours meet WCAG AA in light and dark.
export const FINDING_STYLES = `
.finding { border-left: 4px solid; padding: 6px 8px; margin: 8px 0; background: #f9fafb; border-radius: 4px; }
.finding.error { border-color: #b42318; } .finding.warning { border-color: #9a4d00; } .finding.info { border-color: #175cd3; }
.sev { font-weight: 700; font-size: 12px; text-transform: uppercase; letter-spacing: .02em; }
.article { margin-top: 4px; font-size: 12px; color: #475467; }
.article q { font-style: italic; }
ul.checklist { margin: 4px 0 0 18px; padding: 0; }
@media (prefers-color-scheme: dark) {
  .finding { background: #101828; } .article { color: #d0d5dd; }
}
`;
