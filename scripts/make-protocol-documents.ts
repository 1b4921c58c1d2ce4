/**
 * Writes the test documents of test/helpers/protocol-documents.ts to a
 * directory, to look at them in a viewer or feed them to PostWijs by hand.
 *
 *   npx tsx scripts/make-protocol-documents.ts OUTDIR [TEXT.txt]
 *
 * TEXT.txt (UTF-8; blank lines between paragraphs, headings on their own
 * line, "- " bullet lines, `[^n: text]` footnotes) replaces the built-in
 * protocol for the documents that carry text.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFAULT_PROTOCOL_TEXT,
  ENCRYPTED_PDF_PASSWORD,
  WORD_EXPORT_DEBRIS,
  corruptDocx,
  corruptPdf,
  docxFromText,
  emptyFile,
  encryptedPdf,
  largePdf,
  parseBlocks,
  pdfFromText,
  photoAsPdf,
  scannedPdf,
  type PdfOptions,
} from '../test/helpers/protocol-documents.ts';

type Generator = (text: string) => Promise<Uint8Array>;

/** The debris options, with the running header taken from the title of a custom text. */
function debrisFor(text: string): PdfOptions {
  const [first] = parseBlocks(text);
  if (text === DEFAULT_PROTOCOL_TEXT || first?.kind !== 'heading') return WORD_EXPORT_DEBRIS;
  return { ...WORD_EXPORT_DEBRIS, header: first.text };
}

/** File name → generator; the names say what each file tests. */
const DOCUMENTS: Record<string, Generator> = {
  'protocol.pdf': (text) => pdfFromText(text),
  'protocol-debris.pdf': (text) => pdfFromText(text, debrisFor(text)),
  'protocol-50-pages.pdf': (text) => {
    const { header, footer } = debrisFor(text);
    return pdfFromText(text, { header, footer, minPages: 50 });
  },
  'protocol.docx': (text) => docxFromText(text),
  'protocol-tables.docx': (text) => docxFromText(text, { tables: true }),
  'protocol-numbered.docx': (text) => docxFromText(text, { numbering: true }),
  'scanned.pdf': (text) => scannedPdf(text),
  'encrypted.pdf': (text) => encryptedPdf(text),
  'large.pdf': (text) => largePdf(undefined, text),
  'photo.pdf': () => photoAsPdf(),
  'empty.txt': () => emptyFile(),
  'corrupt.pdf': () => corruptPdf(),
  'corrupt.docx': () => corruptDocx(),
};

async function main(args: string[]): Promise<void> {
  const [outDir, textFile] = args;
  if (!outDir) {
    console.error('Usage: npx tsx scripts/make-protocol-documents.ts OUTDIR [TEXT.txt]');
    process.exitCode = 2;
    return;
  }
  const text = textFile ? await readFile(textFile, 'utf8') : DEFAULT_PROTOCOL_TEXT;
  await mkdir(outDir, { recursive: true });
  for (const [name, generate] of Object.entries(DOCUMENTS)) {
    const bytes = await generate(text);
    await writeFile(join(outDir, name), bytes);
    console.log(`${name.padEnd(24)} ${bytes.length.toLocaleString('en').padStart(11)} bytes`);
  }
  console.log(`\nencrypted.pdf opens with password "${ENCRYPTED_PDF_PASSWORD}".`);
}

await main(process.argv.slice(2));
