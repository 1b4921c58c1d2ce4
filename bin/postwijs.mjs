#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so it works right after `npm ci`
// without a build step.
import { register } from 'tsx/esm/api';

if (process.argv[2] === 'protocol' && process.argv[3] === 'draft') {
  // pdfjs-dist is 3 MB of plain JavaScript that tsx would transform on every run (about 2 s of a
  // 50-page draft): load it, and its worker (pdfjs uses globalThis.pdfjsWorker when it is set,
  // instead of importing the worker file again), before the TypeScript loader is registered.
  await import('pdfjs-dist/legacy/build/pdf.mjs');
  globalThis.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
}

register();
await import('../src/cli/run.ts');
