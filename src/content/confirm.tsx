import { render } from 'preact';
import type { Finding } from '../engine/types.ts';
import { findingMessage } from '../i18n/finding-text.ts';
import { t } from '../shared/i18n.ts';
import { uiLanguage } from '../shared/runtime.ts';
import { STYLES } from './ui-styles.ts';

// The second look before posting: <postwijs-confirm> with an open shadow root, the findings,
// "Aanpassen" (back to editing) and "Toch plaatsen" (post anyway). Never a hard block.
// Keyboard: focus starts on "Aanpassen"; Escape edits; Tab stays inside the dialog.

export function askToPost(findings: readonly Finding[]): Promise<'post-anyway' | 'edit'> {
  return new Promise((resolve) => {
    const host = document.createElement('postwijs-confirm');
    host.style.cssText = 'position:fixed;inset:0;z-index:2147483647;display:block;';
    const root = host.attachShadow({ mode: 'open' });
    const previousFocus = document.activeElement as HTMLElement | null;
    const done = (choice: 'post-anyway' | 'edit') => {
      render(null, root);
      host.remove();
      if (choice === 'edit') previousFocus?.focus();
      resolve(choice);
    };
    const lang = uiLanguage();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        done('edit');
      } else if (e.key === 'Tab') {
        const buttons = [...root.querySelectorAll<HTMLButtonElement>('button')];
        const index = buttons.indexOf(root.activeElement as HTMLButtonElement);
        e.preventDefault();
        buttons[(index + (e.shiftKey ? buttons.length - 1 : 1)) % buttons.length]?.focus();
      }
      // Keys typed here must not reach the site (Enter would post the draft).
      e.stopPropagation();
    };
    render(
      <>
        <style>{STYLES}</style>
        <div class="dialog-backdrop" onKeyDown={onKey}>
          <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="pw-title" aria-describedby="pw-intro">
            <h2 id="pw-title">{t('confirmTitle')}</h2>
            <p id="pw-intro">{t('confirmIntro')}</p>
            <ul>
              {findings.map((f) => (
                <li data-rule={f.ruleId}>
                  {findingMessage(f)} <span class="article">({t('articleCitation', f.article.number)})</span>
                </li>
              ))}
            </ul>
            <div class="buttons">
              <button class="action" data-action="edit" onClick={() => done('edit')}>
                {t('confirmEdit')}
              </button>
              <button class="action secondary" data-action="post-anyway" onClick={() => done('post-anyway')}>
                {t('confirmPostAnyway')}
              </button>
            </div>
          </div>
        </div>
      </>,
      root,
    );
    document.documentElement.append(host);
    root.querySelector<HTMLButtonElement>('[data-action="edit"]')?.focus();
  });
}
