// How long drafting a protocol from a 50-page PDF takes (target: under 2 s), in the CLI and in
// the review page. A script that prints medians, not a timed test: this machine is noisy.
//   npm run protocol-bench              (needs a built extension for the page figures: npm run build)
// Prints, for the same 50-page PDF (the protocol text repeated with renumbered articles):
//   engine   read (pdfjs legacy build) + draft in this Node process, module loading excluded
//   cli      `node bin/postwijs.mjs protocol draft FILE`, the whole process (tsx start-up included)
//   page     the review page in Debian Chromium: file chosen → "N rules found", with pdfjs's worker
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDocumentInNode } from '../src/documents/read-node.ts';
import { draftProtocol } from '../src/drafting/draft.ts';
import { DEFAULT_PROTOCOL_TEXT, pdfFromText, WORD_EXPORT_DEBRIS } from '../test/helpers/protocol-documents.ts';
import { launchWithExtension } from '../test/e2e/browser.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${Math.round(x)} ms`;

async function main(): Promise<void> {
  const root = join(import.meta.dirname, '..');
  const bytes = await pdfFromText(DEFAULT_PROTOCOL_TEXT, { ...WORD_EXPORT_DEBRIS, minPages: 50 });
  const dir = mkdtempSync(join(tmpdir(), 'postwijs-bench-'));
  const file = join(dir, 'protocol-50-paginas.pdf');
  writeFileSync(file, bytes);

  let pages = 0;
  const engine: number[] = [];
  for (let i = 0; i < ROUNDS + 1; i++) {
    const start = performance.now();
    const read = await readDocumentInNode(bytes);
    draftProtocol({ pages: read, fileName: file });
    pages = read.length;
    if (i > 0) engine.push(performance.now() - start); // the first round warms pdfjs up
  }
  console.log(`50-page PDF: ${pages} pages, ${(bytes.length / 1024).toFixed(0)} KB`);
  console.log(`engine (Node, read + draft):   median ${ms(median(engine))} of ${ROUNDS}`);

  const cli: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, [join(root, 'bin', 'postwijs.mjs'), 'protocol', 'draft', file], { encoding: 'utf8' });
    cli.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`CLI failed: ${r.stderr}`);
  }
  console.log(`cli (whole process):           median ${ms(median(cli))} of ${ROUNDS}`);

  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    const times: number[] = [];
    for (let i = 0; i < ROUNDS + 1; i++) {
      await page.goto(`chrome-extension://${browser.extensionId}/src/review/index.html`);
      await page.locator('#protocol-document').waitFor();
      const start = performance.now();
      await page.locator('#protocol-document').setInputFiles(file);
      await page.locator('[role="status"][data-state="drafted"]').waitFor({ timeout: 60_000 });
      if (i > 0) times.push(performance.now() - start); // the first round loads pdfjs's chunks
    }
    console.log(`page (Chromium review page):   median ${ms(median(times))} of ${ROUNDS}`);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
