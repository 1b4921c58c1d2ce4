// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { diagnose, maskLabel, maskTestId } from '../src/content/diagnose.ts';
import { facebook } from '../src/content/platforms/facebook.ts';
import type { PlatformAdapter } from '../src/content/platforms/types.ts';

// "Kopieer diagnose" must never carry text of the page or the post: it describes structure
// only. These tests put words that PostWijs does not know everywhere a page can hold words
// (text nodes, the draft, aria-labels, placeholders, test ids, titles) and require that none of
// them reach the diagnosis, while the structure (roles, known labels, decisions) does.

afterEach(() => {
  document.body.innerHTML = '';
});

function diagnosisOf(adapter: PlatformAdapter, html: string, focus: string): string {
  document.body.innerHTML = html;
  const editor = adapter.editorFrom(document.querySelector(focus)!)!;
  return diagnose({ adapter, editor, classification: adapter.classify(editor), version: '0.1.0' });
}

describe('diagnosis', () => {
  it('describes a changed Facebook comment box by structure, with known label words only', () => {
    const text = diagnosisOf(
      facebook,
      `<div role="article" aria-label="Bericht van Basisschool Zonnebloem"><p>Geheime mededeling over Jantje Pietersen</p>
       <form role="presentation"><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Reageer als Anna Zwaluwstaart" data-testid="UFI2Composer-juf_anna">
       <p><span data-lexical-text="true">Mijn concept over Kevin uit 3B</span></p></div>
       <div role="button" aria-label="Verstuurknop Zonnebloem"><svg><title>Zonnebloem</title></svg></div></form></div>`,
      'span',
    );
    expect(text).toContain('role="textbox"');
    expect(text).toContain('aria-label="Reageer als …"');
    expect(text).toContain('data-testid="…-…"');
    expect(text).toContain('role="article"');
    for (const secret of ['Zonnebloem', 'Jantje', 'Pietersen', 'Geheime', 'Zwaluwstaart', 'Anna', 'concept', 'Kevin', '3B', 'juf_anna', 'Verstuurknop']) expect(text).not.toContain(secret);
  });

  it('says what the adapter decided', () => {
    const text = diagnosisOf(facebook, '<div role="dialog"><div contenteditable="true" role="textbox"><p>hallo wereld</p></div></div>', 'p');
    expect(text).toMatch(/not recognised \(no-submit\)/);
    expect(text).not.toContain('hallo');
  });

  it('masks words it does not know, keeps the ones from the label tables', () => {
    expect(maskLabel('Write a comment…')).toBe('Write a comment…');
    expect(maskLabel('Comment as Anna de Vries')).toBe('Comment as …');
    expect(maskLabel('Schrijf een reactie…')).toBe('Schrijf een reactie…');
    expect(maskLabel('Pietje Puk')).toBe('…');
    expect(maskTestId('tweetTextarea_0')).toBe('tweetTextarea_0');
    expect(maskTestId('UserAvatar-Container-juf_anna')).toBe('…-…');
    expect(maskTestId('primaryColumn')).toBe('primaryColumn');
    expect(maskTestId('juf_anna')).toBe('…');
    expect(maskTestId('JufAnna')).toBe('…');
  });

  it('never contains a word the page or the draft holds unless PostWijs knows the word (property)', () => {
    // Words that cannot occur in the diagnosis's own fixed text (they start with "Qx"), in any
    // case and with letters from other scripts too.
    const secret = fc.stringMatching(/^[A-Za-z0-9À-ÿ]{2,10}$/).map((w) => `Qx${w}`);
    fc.assert(
      fc.property(fc.array(secret, { minLength: 6, maxLength: 6 }), ([pageText, draftText, label, testid, placeholder, title]) => {
        const text = diagnosisOf(
          facebook,
          `<div role="dialog" aria-label="${label} ${label}"><p>${pageText}</p><form method="POST"><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Schrijf ${label}" aria-placeholder="${placeholder}" data-testid="x-${testid}"><p><span>${draftText}</span></p></div><div role="button" aria-label="${label}"><svg><title>${title}</title></svg>${pageText}</div></form></div>`,
          'span',
        );
        for (const word of [pageText, draftText, label, testid, placeholder, title]) expect(text.toLowerCase()).not.toContain(word!.toLowerCase());
      }),
      { numRuns: 300 },
    );
  });
});
