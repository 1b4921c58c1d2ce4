import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { corruptDocx, DEFAULT_PROTOCOL_TEXT, docxFromText, emptyFile, encryptedPdf, pdfFromText, photoAsPdf, scannedPdf, WORD_EXPORT_DEBRIS } from './helpers/protocol-documents.ts';

const root = join(import.meta.dirname, '..');

function run(argv: string[], stdin = '', files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = main(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    readStdin: () => stdin,
    readFile: (path) => {
      if (!(path in files)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      return files[path]!;
    },
  });
  return { code, stdout, stderr };
}

const CHECK = ['check', '-', '--protocol', 'cvo-baarn-soest', '--school', 'Griftland College', '--alias', 'Griftland', '--role', 'employee'];
const line = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: 'p1',
    lang: 'nl',
    platform: 'x',
    kind: 'post',
    author: { role: 'employee' },
    school: { name: 'Griftland College', aliases: ['Griftland'], protocol: 'cvo-baarn-soest' },
    text: 'Ouderavond op Griftland vanavond!',
    expect: { school_related: true, disclaimer: false, affiliation: false, pupil_identifiable: false, pupils_referenced: false, personal_data: false, offensive: false, confidential: false },
    ...over,
  });

describe('postwijs check', () => {
  it('prints findings in Dutch with the article, and exits 1', () => {
    const r = run(CHECK, 'Vanavond ouderavond op Griftland!');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('missing-disclaimer');
    expect(r.stdout).toContain('Artikel C.4 (cvo-baarn-soest)');
    expect(r.stdout).toContain('Oplossing: voeg toe');
    expect(r.stderr).toBe('');
  });
  it('prints English with --lang en', () => {
    const r = run([...CHECK, '--lang', 'en'], 'Vanavond ouderavond op Griftland!');
    expect(r.stdout).toContain('This post is about school');
    expect(r.stdout).toContain('Article C.4');
  });
  it('exits 0 on a clean post', () => {
    const r = run(CHECK, 'Zondag lekker gefietst langs de Eem.');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Geen bevindingen');
  });
  it('prints JSON with the eight signals and the findings', () => {
    const r = run([...CHECK, '--json', '--images', '1'], 'Mijn klas op excursie. Op persoonlijke titel.');
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out.signals)).toHaveLength(8);
    expect(out.signals.schoolRelated).toBe(true);
    expect(out.signals.disclaimer).toBe(true);
    expect(out.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('media-consent');
  });
  it('info findings alone do not fail, unless --fail-on info', () => {
    const text = 'Mijn klas was vandaag stil. Op persoonlijke titel.';
    expect(run(CHECK, text).code).toBe(0);
    expect(run([...CHECK, '--fail-on', 'info'], text).code).toBe(1);
  });
  it('reads a file', () => {
    const r = run(['check', 'post.txt', ...CHECK.slice(2)], '', { 'post.txt': 'Zondag gefietst.' });
    expect(r.code).toBe(0);
  });
  it.each([
    [['check', '-', '--school', 'X', '--role', 'employee'], /--protocol ontbreekt/],
    [['check', '-', '--protocol', 'nope', '--school', 'X', '--role', 'employee'], /--protocol onbekend \(unknown\): nope/],
    [['check', '-', '--protocol', 'ooh', '--role', 'employee'], /--school ontbreekt/],
    [['check', '-', '--protocol', 'ooh', '--school', 'X', '--role', 'teacher'], /--role onbekend \(unknown\): teacher/],
    [['check', '-', '--protocol', 'ooh', '--school', 'X', '--role', 'parent', '--images', 'many'], /--images moet een geheel getal/],
    [['check', '-', '--bogus'], /Unknown option '--bogus'/],
    [['check', 'missing.txt', '--protocol', 'ooh', '--school', 'X', '--role', 'parent'], /missing.txt: bestand bestaat niet/],
    [['frobnicate'], /onbekend commando/],
  ])('bad usage %j exits 2 with one line', (argv, message) => {
    const r = run(argv as string[], 'tekst');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('postwijs check --jsonl', () => {
  it('writes one JSON line per post with id, camelCase signals and findings', () => {
    const r = run(['check', '--jsonl', '-'], `${line()}\n\n${line({ id: 7, text: 'Lekker gefietst.' })}\n`);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['p1', '7']);
    expect(out[0].signals).toEqual({
      schoolRelated: true,
      disclaimer: false,
      affiliation: false,
      pupilsReferenced: false,
      pupilIdentifiable: false,
      personalData: false,
      offensive: false,
      confidential: false,
    });
    expect(out[0].findings[0].article.protocol).toBe('cvo-baarn-soest');
    expect(r.code).toBe(1);
  });
  it.each([
    ['{"id":1', /stdin:1: not valid JSON/],
    [line({ school: { name: 'X', aliases: [], protocol: 'unknown-school' } }), /stdin:1: school\.protocol: /],
    [line({ author: {} }), /stdin:1: author\.role: /],
    [line({ text: 42 }), /stdin:1: text: /],
  ])('bad input %s exits 2 naming the line', (input, message) => {
    const r = run(['check', '--jsonl', '-'], input);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('postwijs eval', () => {
  it('prints precision, recall and F1 per label and the posts it gets wrong', () => {
    const wrong = line({ id: 'w', text: 'Lekker gefietst.', expect: { school_related: true } });
    const r = run(['eval', 'set.jsonl'], '', { 'set.jsonl': `${line()}\n${wrong}\n` });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2 posts/);
    expect(r.stdout).toMatch(/school_related\s+1\.000\s+0\.500\s+0\.667/);
    expect(r.stdout).toContain('w school_related missed');
  });
  it('fails below --min-f1', () => {
    const wrong = line({ id: 'w', text: 'Lekker gefietst.', expect: { school_related: true } });
    const r = run(['eval', 'set.jsonl', '--min-f1', '0.9'], '', { 'set.jsonl': `${line()}\n${wrong}\n` });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/school_related 0\.667/);
  });
  it('rejects a file without labels and a bad --min-f1', () => {
    expect(run(['eval', 'a.jsonl'], '', { 'a.jsonl': line({ expect: undefined }) }).code).toBe(2);
    expect(run(['eval', 'a.jsonl', '--min-f1', '7'], '', { 'a.jsonl': line() }).code).toBe(2);
  });
});

describe('the installed command', () => {
  it('npm run --silent postwijs prints only its own output', () => {
    const r = spawnSync('npm', ['run', '--silent', 'postwijs', '--', ...CHECK.slice(0, 1), '-', ...CHECK.slice(2), '--json'], {
      cwd: root,
      input: 'Zondag gefietst.',
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
  });
  it('bin/postwijs.mjs exits 2 on bad usage without a stack trace', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin', 'postwijs.mjs'), 'check', '-', '--protocol', 'x'], { input: '', encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('protocols lists the general protocol and the five schools', () => {
    const out = execFileSync(process.execPath, [join(root, 'bin', 'postwijs.mjs'), 'protocols'], { encoding: 'utf8' });
    expect(out.trim().split('\n')).toHaveLength(6);
  });
});

describe('postwijs protocol draft / validate (the real command, on files)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'postwijs-cli-'));
  const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'postwijs.mjs'), 'protocol', ...args], { encoding: 'utf8' });
  const write = async (name: string, bytes: Uint8Array | Promise<Uint8Array>) => {
    const path = join(dir, name);
    writeFileSync(path, await bytes);
    return path;
  };

  it('drafts a PDF to a protocol document on stdout (exit 0) that validate accepts', async () => {
    const pdf = await write('protocol.pdf', pdfFromText(DEFAULT_PROTOCOL_TEXT, WORD_EXPORT_DEBRIS));
    const r = cli('draft', pdf);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { title: string; rules: Record<string, { article: string; quote: string }> };
    expect(doc.title).toBe('Protocol sociale media Stichting Voorbeeld');
    expect(doc.rules['lesson-time']?.article).toBe('2.3');
    const saved = await write('protocol.json', new TextEncoder().encode(r.stdout));
    const v = cli('validate', saved);
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/geldig protocol/);
  });
  it('drafts a .docx and a .txt', async () => {
    expect(cli('draft', await write('protocol.docx', docxFromText(DEFAULT_PROTOCOL_TEXT, { numbering: true }))).status).toBe(0);
    expect(JSON.parse(cli('draft', join(root, 'src', 'protocols', 'sources', 'vsnon.txt')).stdout).disclaimer.article).toBe('21');
  });
  const refusals: [string, () => Promise<Uint8Array>, RegExp][] = [
    ['scan.pdf', () => scannedPdf(), /scan zonder tekstlaag/],
    ['beveiligd.pdf', () => encryptedPdf(), /wachtwoord/],
    ['foto.pdf', () => photoAsPdf(), /foto of afbeelding/],
    ['leeg.txt', () => emptyFile(), /leeg/],
    ['kapot.docx', () => corruptDocx(), /beschadigd/],
    ['boodschappen.txt', async () => new TextEncoder().encode('Boodschappen\n\nmelk, brood en kaas voor het weekend.'), /geen socialemediaprotocol/],
  ];
  for (const [name, make, message] of refusals) {
    it(`refuses ${name} with one line on stderr and exit 2`, async () => {
      const r = cli('draft', await write(name, make()));
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
  }
  it('a missing file is exit 2 with one line', () => {
    const r = cli('draft', join(dir, 'bestaat-niet.pdf'));
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('validate lists the problems of an invalid document (exit 1), and of CVO with its old footnote marker', async () => {
    // CVO as it was encoded before: "persoonsgegevens2 betreft" in A.2's text and quotes.
    const old = readFileSync(join(root, 'src', 'protocols', 'cvo-baarn-soest.json'), 'utf8').replaceAll('geen persoonsgegevens betreft', 'geen persoonsgegevens2 betreft');
    const r = cli('validate', await write('cvo-oud.json', new TextEncoder().encode(old)));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/footnote marker/);
    const broken = cli('validate', await write('kapot.json', new TextEncoder().encode('{"id": ')));
    expect(broken.status).toBe(2);
  });
});
