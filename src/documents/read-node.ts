// Reads a protocol document in Node (the CLI, the tests, the benchmark): the counterpart of
// src/review/read-file.ts. The legacy build is the one pdfjs-dist supports in Node; its standard
// fonts sit beside it in the package.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SourcePage } from '../drafting/repair.ts';
import { readDocument, type PdfJs } from './read.ts';

const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

export async function readDocumentInNode(bytes: Uint8Array): Promise<SourcePage[]> {
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
  return readDocument(bytes, { pdfjs, pdfParams: { standardFontDataUrl } });
}
