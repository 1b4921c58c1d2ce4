import { describe, expect, it } from 'vitest';
import { DocumentError } from '../src/documents/read.ts';
import { readDocumentInNode as read } from '../src/documents/read-node.ts';
import { draftProtocol } from '../src/drafting/draft.ts';
import { corruptDocx, corruptPdf, DEFAULT_PROTOCOL_TEXT, docxFromText, emptyFile, encryptedPdf, largePdf, pdfFromText, photoAsPdf, scannedPdf, WORD_EXPORT_DEBRIS } from './helpers/protocol-documents.ts';

const rulesOf = async (bytes: Uint8Array) => {
  const draft = draftProtocol({ pages: await read(bytes), fileName: 'protocol' });
  return Object.fromEntries(Object.entries(draft.protocol.rules).map(([id, r]) => [id, r.article]));
};
const expected = Object.fromEntries(Object.entries(draftProtocol({ text: DEFAULT_PROTOCOL_TEXT.replace(/\[\^\d+:[^\]]*\]/g, '') }).protocol.rules).map(([id, r]) => [id, r.article]));

describe('reading protocol documents', () => {
  it('a Word-exported PDF (headers, footers, footnotes, hyphenation, Symbol bullets) drafts as its text does, without PDF debris', async () => {
    const bytes = await pdfFromText(DEFAULT_PROTOCOL_TEXT, WORD_EXPORT_DEBRIS);
    expect(await rulesOf(bytes)).toEqual(expected);
    const draft = draftProtocol({ pages: await read(bytes) });
    const quotes = Object.values(draft.protocol.rules).map((r) => r.quote).join(' ');
    expect(quotes).not.toMatch(/[\uE000-\uF8FF]|\p{Ll}{3}\d\b|Pagina \d/u);
    // The footnote's text at the page foot joins no article.
    expect(draft.units.map((u) => u.text).join(' ')).not.toContain('alle gegevens waarmee iemand direct of indirect te herkennen is');
  });
  it('.docx files, plain, with Word auto-numbering and with tables, draft the same rules at the same articles', async () => {
    expect(await rulesOf(await docxFromText(DEFAULT_PROTOCOL_TEXT))).toEqual(expected);
    expect(await rulesOf(await docxFromText(DEFAULT_PROTOCOL_TEXT, { numbering: true }))).toEqual(expected);
    expect(await rulesOf(await docxFromText(DEFAULT_PROTOCOL_TEXT, { tables: true }))).toEqual(expected);
  });
  it('a 5 MB PDF (the protocol and a large photo) is read', async () => {
    const bytes = await largePdf();
    expect(bytes.length).toBeGreaterThan(5_000_000);
    expect(await rulesOf(bytes)).toEqual(expected);
  });
  const refusals: [string, () => Promise<Uint8Array>, string][] = [
    ['a scanned PDF without text', () => scannedPdf(), 'scanned'],
    ['a password-protected PDF', () => encryptedPdf(), 'password'],
    ['a photo renamed to .pdf', () => photoAsPdf(), 'image'],
    ['an empty file', () => emptyFile(), 'empty'],
    ['a damaged PDF', () => corruptPdf(), 'corrupt'],
    ['a damaged .docx', () => corruptDocx(), 'corrupt'],
  ];
  for (const [name, make, reason] of refusals) {
    it(`${name} is refused with the reason "${reason}"`, async () => {
      const error = await read(await make()).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DocumentError);
      expect((error as DocumentError).reason).toBe(reason);
    });
  }
  it('text files in UTF-8 (with a BOM) and Windows-1252 are read', async () => {
    const utf8 = new TextEncoder().encode(`\uFEFF${DEFAULT_PROTOCOL_TEXT}`);
    expect((await read(utf8))[0]![0]!.text).toBe('Protocol sociale media Stichting Voorbeeld');
    const cp1252 = Uint8Array.from([...'Privé: geen foto’s'].map((c) => (c === '’' ? 0x92 : c.charCodeAt(0))));
    expect((await read(cp1252))[0]![0]!.text).toBe('Privé: geen foto’s');
  });
});
