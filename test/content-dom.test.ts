// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readEditorText } from '../src/content/read-text.ts';

// Saved DOM snippets in the shape the real editors render (Draft.js on X, Lexical on Facebook
// and Instagram), to test text reading and the adapters without a browser.

function dom(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const DRAFT = `
<div data-testid="primaryColumn"><div class="composer">
 <div data-testid="tweetTextarea_0RichTextInputContainer">
  <div class="DraftEditor-root"><div class="public-DraftEditorPlaceholder-root"></div>
   <div class="public-DraftEditor-content" contenteditable="true" role="textbox" aria-label="Post text" data-testid="tweetTextarea_0">
    <div data-contents="true">
     <div data-block="true" data-editor="e1" data-offset-key="a-0-0"><div class="public-DraftStyleDefault-block" data-offset-key="a-0-0"><span data-offset-key="a-0-0"><span data-text="true">Vandaag met groep 7 </span></span><span data-offset-key="a-1-0"><span data-text="true">naar Naturalis</span></span></div></div>
     <div data-block="true" data-editor="e1" data-offset-key="b-0-0"><div class="public-DraftStyleDefault-block" data-offset-key="b-0-0"><span data-offset-key="b-0-0"><br data-text="true"></span></div></div>
     <div data-block="true" data-editor="e1" data-offset-key="c-0-0"><div class="public-DraftStyleDefault-block" data-offset-key="c-0-0"><span data-offset-key="c-0-0"><span data-text="true">Trots! </span></span><img alt="🎉" src="x.png"><span><span data-text="true">\u200b</span></span></div></div>
    </div>
   </div>
  </div>
 </div>
 <div data-testid="attachments"><img src="a.jpg"><img src="b.jpg"></div>
 <button data-testid="tweetButtonInline" role="button">Post</button>
</div></div>`;

const LEXICAL_DIALOG = `
<div role="dialog" aria-modal="true" aria-label="Create post">
 <div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="What's on your mind, Anna?">
  <p dir="ltr"><span data-lexical-text="true">Eerste regel</span><br><span data-lexical-text="true">zelfde alinea</span></p>
  <p><br></p>
  <p dir="ltr"><span data-lexical-text="true">Op persoonlijke titel.</span></p>
 </div>
 <div aria-label="Attached media" role="group"><img src="p.jpg"></div>
 <div role="button" aria-label="Post" tabindex="0"><span>Post</span></div>
</div>
<form role="presentation"><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Schrijf een reactie…"><p><br></p></div></form>`;

describe('readEditorText', () => {
  it('reads Draft.js blocks as lines, empty blocks as empty lines, emoji images by alt, without zero-width characters', () => {
    dom(DRAFT);
    const editor = document.querySelector<HTMLElement>('[data-testid="tweetTextarea_0"]')!;
    expect(readEditorText(editor)).toBe('Vandaag met groep 7 naar Naturalis\n\nTrots! 🎉');
  });
  it('reads Lexical paragraphs, an in-paragraph <br> as a newline, and an empty paragraph as an empty line', () => {
    dom(LEXICAL_DIALOG);
    const editor = document.querySelector<HTMLElement>('[role="dialog"] [data-lexical-editor]')!;
    expect(readEditorText(editor)).toBe('Eerste regel\nzelfde alinea\n\nOp persoonlijke titel.');
  });
  it('reads an empty Lexical editor as empty', () => {
    dom(LEXICAL_DIALOG);
    expect(readEditorText(document.querySelector('form [data-lexical-editor]')!)).toBe('');
  });
  it('reads a textarea by its value', () => {
    dom('<textarea data-testid="tweetTextarea_0"></textarea>');
    const area = document.querySelector('textarea')!;
    area.value = 'Hoi\u200b daar\nregel 2';
    expect(readEditorText(area)).toBe('Hoi daar\nregel 2');
  });
});

