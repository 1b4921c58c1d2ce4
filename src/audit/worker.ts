import '../engine/bundled-engine-data.ts';
import { auditItem, summarize, worstFirst, type AuditedItem } from '../archive/audit.ts';
import { readArchiveFiles } from '../archive/read.ts';
import { ArchiveError } from '../archive/types.ts';
import { readZipText } from '../archive/zip.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

// The audit's worker: the .zip streamed from the File in chunks (a 200 MB export with its
// photos is never loaded whole; only its JSON and JS entries are inflated), read into items,
// checked by the same engine as the drafts, and counted. The page stays responsive; nothing
// leaves the device and nothing is stored.

const post = (message: FromWorker) => (self as unknown as Worker).postMessage(message);

async function* chunksOf(file: Blob): AsyncIterable<Uint8Array> {
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  if (event.data?.type !== 'audit') return;
  void run(event.data.file, event.data.config);
});

async function run(file: Blob, config: ToWorker['config']): Promise<void> {
  try {
    let lastReport = 0;
    const { files, paths } = await readZipText(chunksOf(file), (bytes) => {
      // About fifty steps for the whole file: enough to move steadily, not a message per chunk.
      if (bytes - lastReport >= file.size / 50 || bytes === file.size) {
        lastReport = bytes;
        post({ type: 'progress', phase: 'reading', done: bytes, total: file.size });
      }
    });
    const archive = readArchiveFiles(files, paths);
    const audited: AuditedItem[] = [];
    const total = archive.items.length;
    for (let i = 0; i < total; i++) {
      audited.push(auditItem(archive.items[i]!, config));
      if ((i + 1) % 250 === 0 || i + 1 === total) post({ type: 'progress', phase: 'checking', done: i + 1, total });
    }
    const flagged = audited.filter((item) => item.findings.length).sort(worstFirst);
    post({ type: 'done', flagged, summary: summarize(audited), withoutText: archive.withoutText });
  } catch (error) {
    if (error instanceof ArchiveError) post({ type: 'failed', reason: error.reason, detail: error.detail });
    else post({ type: 'failed', reason: 'internal', detail: (error as Error).message });
  }
}
