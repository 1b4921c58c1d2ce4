// How hard each door is fuzzed, in one place so that the README can quote the figures and a
// slower machine can be given fewer runs without hunting through the files. The counts keep
// the whole test/doors run under a minute on a 2-core machine; the slow doors (PDF and .docx
// reading, zips, a temporary folder per run) get fewer runs than the pure in-memory ones.

export const RUNS = {
  /** readSettingsFile: valid settings with invalid and unknown keys, in every file form. */
  settingsFile: 300,
  /** readStoredSettings: every layout version, junk, and the local custom protocol. */
  storedSettings: 300,
  /** newerSettings: two copies of anything. */
  newerSettings: 500,
  /** deriveEffective: stored inputs, policy and a previous state. */
  derive: 150,
  /** readPolicy: Chrome's managed object and whatever Firefox's policies.json holds. */
  policy: 300,
  /** parseCustomProtocol: mutated bundled protocols. */
  customProtocol: 300,
  /** parseCustomProtocol: arbitrary strings. */
  customProtocolText: 500,
  /** draftProtocol on arbitrary and on mutated real protocol texts. */
  documentText: 150,
  /** htmlToLines, decodeText, sniff: cheap pure steps of the document readers. */
  documentSteps: 300,
  /** readDocument on corrupted PDF and .docx bytes (each run reads a whole document). */
  documentBytes: 25,
  /** readArchiveFiles: arbitrary JSON in the file names the readers know. */
  archiveFiles: 300,
  /** readZipText: truncated, bit-flipped and re-chunked fixture zips. */
  archiveZip: 150,
  /** readArchivePath on a temporary folder or zip (touches the disk). */
  archiveFolder: 15,
  /** parseMessage: generated valid messages, with junk, and junk alone. */
  messages: 300,
  /** readEditorText on generated editor DOMs (happy-dom). */
  pageText: 200,
} as const;

export type Door = keyof typeof RUNS;

/** 100 KB of input must cost less than this, the median of three tries. */
export const BUDGET_MS = 50;

/** What "100 KB of input" means in the timing checks. */
export const BIG = 100 * 1024;

/** fast-check parameters for a door. DOORS_SEED replays a failure that fast-check reported;
 * DOORS_RUNS_FACTOR scales every count (10 to hunt for a rare failure, 0.2 on a slow machine). */
export function params(door: Door): { numRuns: number; seed?: number } {
  const seed = process.env.DOORS_SEED;
  const factor = Number(process.env.DOORS_RUNS_FACTOR ?? 1);
  const numRuns = Math.max(1, Math.round(RUNS[door] * (Number.isFinite(factor) && factor > 0 ? factor : 1)));
  return { numRuns, ...(seed ? { seed: Number(seed) } : {}) };
}

/** The median of three timed runs, in ms: one slow run (a GC pause, the other core busy with
 * another test file, a JIT warming up) does not fail the check, a slow function does. */
export function medianMs(run: () => unknown, tries = 3): number {
  const times: number[] = [];
  for (let i = 0; i < tries; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(tries / 2)]!;
}

export async function medianMsAsync(run: () => Promise<unknown>, tries = 3): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < tries; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(tries / 2)]!;
}
