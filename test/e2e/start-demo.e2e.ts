import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm start -- --headless` (scripts/start.ts): the scripted demo runs end to end against the
// built dist/chrome (npm run test:e2e builds it first) and writes real screenshots.

const ROOT = resolve(import.meta.dirname, '..', '..');
const FILES = ['1-overlay.png', '2-panel.png', '3-fixed.png', '4-confirm.png', '5-popup.png', '6-options.png'];
const out = mkdtempSync(join(tmpdir(), 'postwijs-demo-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('npm start -- --headless', () => {
  it('walks through the demo and writes a screenshot of each step', { timeout: 120_000 }, async () => {
    // No DISPLAY either: the script must not try to open a window here.
    const env = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      execFile('npx', ['tsx', 'scripts/start.ts', '--headless', '--no-build', '--out', out], { cwd: ROOT, env, timeout: 110_000 }, (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
      );
    });
    expect(code, `stdout:\n${stdout}\nstderr:\n${stderr}`).toBe(0);
    // The pages are said to be local imitations, with every other host blocked.
    expect(stdout).toContain('lokale nabootsingen');
    expect(stdout).toContain('MAP * ~NOTFOUND');
    for (const name of FILES) {
      const file = join(out, name);
      expect(stdout).toContain(file);
      const bytes = readFileSync(file);
      expect(bytes.length, name).toBeGreaterThan(10_000);
      const size = pngSize(bytes);
      expect(size, `${name} is a PNG`).toBeDefined();
      expect(size!.width, name).toBeGreaterThanOrEqual(300);
      expect(size!.height, name).toBeGreaterThanOrEqual(300);
    }
  });
});
