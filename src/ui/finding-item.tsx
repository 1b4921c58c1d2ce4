import type { Finding, Severity } from '../engine/types.ts';
import { findingMessage } from '../i18n/finding-text.ts';
import { t, type MessageId } from '../shared/i18n.ts';
import { uiLanguage } from '../shared/runtime.ts';

// One finding as the user reads it, the same in the overlay panel and the popup: severity,
// message, the protocol's checklist, the article with its quote, and the fix where one exists.
// Styled by the host's classes: .finding.<severity>, .sev, .checklist, .article, button.action.

type FixKind = NonNullable<Finding['fix']>['kind'];

const SEVERITY_LABEL: Record<Severity, MessageId> = {
  error: 'severityError',
  warning: 'severityWarning',
  info: 'severityInfo',
};

export function FindingItem({ finding, onFix }: { finding: Finding; onFix: (kind: FixKind, finding: Finding) => void }) {
  const lang = uiLanguage();
  const { fix } = finding;
  return (
    <div class={`finding ${finding.severity}`} data-rule={finding.ruleId}>
      <div class="sev">{t(SEVERITY_LABEL[finding.severity])}</div>
      <div>{findingMessage(finding)}</div>
      {finding.checklist && (
        <ul class="checklist">
          {finding.checklist.map((item) => (
            <li>{item[lang]}</li>
          ))}
        </ul>
      )}
      <div class="article">
        {t('articleCitation', finding.article.number)}: <q>{finding.article.quote}</q>
      </div>
      {fix && (
        <button type="button" class="action" data-action={fix.kind} onClick={() => onFix(fix.kind, finding)}>
          {t(fix.kind === 'insert-disclaimer' ? 'actionInsertDisclaimer' : 'actionInsertAffiliation')}
        </button>
      )}
    </div>
  );
}
