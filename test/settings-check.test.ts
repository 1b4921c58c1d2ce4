import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GECKO_ID } from '../scripts/build-firefox.ts';
import { main } from '../src/cli/main.ts';
import { FIREFOX_EXTENSION_ID, readSettingsDocument } from '../src/settings/policy-file.ts';

// `postwijs settings check FILE`, driven through main() with the files in memory: the example
// files of docs/ADMIN.md (test/fixtures/settings-check) and hostile ones made here.

const dir = join(import.meta.dirname, 'fixtures', 'settings-check');
const FIXTURES: Record<string, string> = Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
const ID = 'anaamofdcieamnmnkhkdbgikgmcpncak';

function run(argv: string[], files: Record<string, string> = {}, stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = main(['settings', 'check', ...argv], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    readStdin: () => stdin,
    readFile: (path) => {
      const text = Object.hasOwn(files, path) ? files[path] : Object.hasOwn(FIXTURES, path) ? FIXTURES[path] : undefined;
      if (text === undefined) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      return text;
    },
  }) as number;
  return { code, stdout, stderr };
}

const json = (argv: string[], files: Record<string, string> = {}) => {
  const r = run([...argv, '--json'], files);
  return { ...r, report: JSON.parse(r.stdout) as Record<string, any> };
};

/** An unreadable file: exit 2 and one line on stderr, with no stack trace. */
function expectUnreadable(r: { code: number; stdout: string; stderr: string }, ...parts: string[]) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^postwijs: /);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  for (const part of parts) expect(r.stderr).toContain(part);
}

describe('postwijs settings check: the three shapes', () => {
  it('a bare policy: what applies, in Dutch by default, pupils\' names not shown, exit 0', () => {
    const r = run(['chrome-policy.json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Soort: los beleid voor PostWijs');
    expect(r.stdout).toMatch(/protocol\s+"ooh"/);
    expect(r.stdout).toMatch(/timetable\s+2 lesblokken: mon 08:30–12:00, mon 12:45–14:30/);
    expect(r.stdout).toContain('2 namen (niet getoond)');
    expect(r.stdout).not.toContain('Daan');
    expect(r.stdout).toContain('Grootte: het beleid is');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('✓ Alles geldig: elke waarde geldt.');
  });

  it('the same in English with --lang en', () => {
    const r = run(['chrome-policy.json', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Kind: bare PostWijs policy');
    expect(r.stdout).toContain('2 names (not shown)');
    expect(r.stdout).toContain("storage.sync's limit (8,192 bytes per item) does not apply to policy");
    expect(r.stdout).toContain('✓ All valid: every value applies.');
  });

  it('the Admin console form: the {"Value": …} layer taken off', () => {
    const { code, report } = json(['admin-console.json']);
    expect(code).toBe(0);
    expect(report.kind).toBe('admin-console');
    expect(report.entries[0].applies).toEqual(JSON.parse(FIXTURES['chrome-policy.json']!));
    expect(report.entries[0].ignored).toEqual([]);
  });

  it('a Chrome/Edge 3rdparty file: other browser policies and other extensions are named, not checked', () => {
    const r = run(['chrome-3rdparty.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Ander browserbeleid, niet van PostWijs en niet gecontroleerd: ExtensionSettings');
    expect(r.stdout).toContain('Beleid voor andere extensies, niet gecontroleerd: ohcblpnbgeddlggniohhoepgdfhkngaa');
    expect(r.stdout).toContain(`Beleid onder extensie-id ${ID}:`);
    expect(r.stdout).toContain('✖ role: Ongeldige optie');
    expect(r.stdout).toContain('✖ timetable: 1.to: het einde ligt na het begin (end after start)');
    expect(r.stdout).toContain('✖ colour: onbekende instelling (unknown setting)');
    expect(r.stdout).not.toContain('SomeOtherSetting');
    expect(r.stdout).toContain('✖ 3 genegeerd');
    const { report } = json(['chrome-3rdparty.json']);
    expect(report).toMatchObject({ kind: 'chrome-3rdparty', valid: false, ignoredCount: 3, otherPolicies: ['ExtensionSettings'], otherExtensions: ['ohcblpnbgeddlggniohhoepgdfhkngaa'] });
    expect(report.entries[0].ignored.map((p: { key: string }) => p.key)).toEqual(['role', 'timetable', 'colour']);
    expect(Object.keys(report.entries[0].applies)).toEqual(['protocol', 'schoolName', 'schoolAliases', 'noConsentNames', 'locked']);
  });

  it('a Firefox policies.json: the policy under PostWijs\'s id, other Firefox policies named', () => {
    expect(FIREFOX_EXTENSION_ID).toBe(GECKO_ID);
    const r = run(['firefox-policies.json', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Kind: Firefox policies.json (policies.3rdparty.Extensions)');
    expect(r.stdout).toContain('Other browser policies, not PostWijs\'s and not checked: policies.ExtensionSettings');
    expect(r.stdout).toContain('Policy under extension id postwijs@postwijs.nl:');
    const { report } = json(['firefox-policies.json']);
    expect(report.kind).toBe('firefox-policies');
    expect(report.entries[0].applies.schoolName).toBe('OBS Het Spectrum');
  });

  it('a settings export: every setting it sets, and whether it fits storage.sync and storage.local', () => {
    const r = run(['settings-export.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Soort: instellingenbestand van PostWijs (export)');
    expect(r.stdout).toMatch(/jobTitle\s+"leerkracht"/);
    expect(r.stdout).toMatch(/storage\.sync: het instellingen-item is [\d.]+ bytes; de limiet is 8\.192 bytes per item: past\./);
    expect(r.stdout).toContain('de limiet is 10.485.760 bytes: past.');
    const { report } = json(['settings-export.json']);
    expect(report.entries[0].size).toMatchObject({ of: 'settings', fitsSync: true, fitsLocal: true, syncLimit: 8192 });
  });

  it('an export that leaves settings out: they become the defaults, and say so', () => {
    const r = run(['x.json'], { 'x.json': JSON.stringify({ postwijs: 1, version: 2, settings: { schoolName: 'Griftland College' } }) });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/role\s+"employee" \(standaard: niet in het bestand\)/);
    expect(r.stdout).not.toMatch(/schoolName.*standaard/);
  });

  it('an export too big for a sync item: a warning, it still applies (exit 0)', () => {
    const r = run(['settings-too-big-for-sync.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/⚠ storage\.sync: het instellingen-item is 8\.\d{3} bytes, meer dan de 8\.192 bytes per item/);
    expect(r.stdout).toContain('✓ Alles geldig, maar lees de waarschuwing (⚠) hierboven.');
    expect(run(['settings-too-big-for-sync.json', '--lang', 'en']).stdout).toContain('but will not sync to the user\'s other browsers');
    const { report } = json(['settings-too-big-for-sync.json']);
    expect(report.valid).toBe(true);
    expect(report.entries[0].size.fitsSync).toBe(false);
    expect(report.entries[0].size.syncItem).toBeGreaterThan(8192);
  });
});

describe('postwijs settings check: a school\'s own protocol', () => {
  it('a valid one is summed up by its title, rules and size', () => {
    const r = run(['custom-protocol.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/customProtocol\s+✓ "Protocol sociale media OBS Het Spectrum" \(obs-het-spectrum\), 4 regels, [\d.]+ bytes/);
    expect(r.stdout).toMatch(/customProtocol: [\d.]+ bytes, [\d.]+ tekens \(hoogstens 200\.000 tekens\)\./);
    expect(json(['custom-protocol.json']).report.entries[0].customProtocol).toMatchObject({ valid: true, id: 'obs-het-spectrum', rules: 4 });
  });

  it('an invalid one is ignored with the reasons (exit 1), in English too', () => {
    const r = run(['custom-protocol-invalid.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✖ customProtocol: geen geldig protocol, dus PostWijs gebruikt het niet:');
    expect(r.stdout).toContain('rules.missing-disclaimer.quote: het citaat staat niet letterlijk in artikel 3');
    expect(r.stdout).not.toMatch(/^\s+customProtocol\s+✓/m);
    expect(run(['custom-protocol-invalid.json', '--lang', 'en']).stdout).toContain('not a valid protocol, so PostWijs would not use it');
    const { report } = json(['custom-protocol-invalid.json']);
    expect(report.ignoredCount).toBe(1);
    expect(report.entries[0].ignored[0]).toMatchObject({ key: 'customProtocol' });
    expect(report.entries[0].applies.customProtocol).toBeUndefined();
  });

  it('says when the protocol is "custom" without a document, or a document without "custom"', () => {
    expect(run(['x.json'], { 'x.json': '{"protocol":"custom"}' }).stdout).toContain('dan geldt het eigen protocol van de medewerker');
    const onlyDocument = { '3rdparty': { extensions: { [ID]: { customProtocol: JSON.parse(FIXTURES['custom-protocol.json']!)['3rdparty'].extensions[ID].customProtocol } } } };
    const r = run(['x.json', '--lang', 'en'], { 'x.json': JSON.stringify(onlyDocument) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('customProtocol is used only when protocol is "custom"');
  });

  it('an export with protocol "custom" and no document: the empty protocol is a problem', () => {
    const r = run(['x.json'], { 'x.json': JSON.stringify({ postwijs: 1, version: 2, settings: { protocol: 'custom' } }) });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('customProtocol: leeg (empty)');
  });
});

describe('postwijs settings check: where a policy sits', () => {
  it('checks every PostWijs-looking entry; an id that is no extension id is a problem', () => {
    const file = { '3rdparty': { extensions: { '<extension-id>': { protocol: 'ooh' }, [ID]: { protocol: 'vsnon' }, ohcblpnbgeddlggniohhoepgdfhkngaa: { other: 1 } } } };
    const { code, report } = json(['x.json'], { 'x.json': JSON.stringify(file) });
    expect(code).toBe(1);
    expect(report.entries.map((e: { id: string }) => e.id)).toEqual(['<extension-id>', ID]);
    expect(report.entries[0].ignored[0].reason).toContain('32 letters a–p');
    expect(report.entries[1].ignored).toEqual([]);
    expect(report.otherExtensions).toEqual(['ohcblpnbgeddlggniohhoepgdfhkngaa']);
  });

  it('names the ids found when none is PostWijs\'s (exit 2)', () => {
    const chrome = { '3rdparty': { extensions: { ohcblpnbgeddlggniohhoepgdfhkngaa: { adminSettings: '{}' } } } };
    expectUnreadable(run(['x.json'], { 'x.json': JSON.stringify(chrome) }), 'geen beleid voor PostWijs onder 3rdparty.extensions; gevonden ids: ohcblpnbgeddlggniohhoepgdfhkngaa');
    const firefox = { policies: { '3rdparty': { Extensions: { [ID]: { protocol: 'ooh' } } } } };
    expectUnreadable(run(['x.json'], { 'x.json': JSON.stringify(firefox) }), `gevonden ids: ${ID}`, 'postwijs@postwijs.nl');
  });

  it('a policy that is null or not an object is a problem, not a policy that sets nothing', () => {
    for (const policy of [null, 'ooh', [1]]) {
      const r = run(['x.json'], { 'x.json': JSON.stringify({ policies: { '3rdparty': { Extensions: { 'postwijs@postwijs.nl': policy } } } }) });
      expect(r.code, JSON.stringify(policy)).toBe(1);
      expect(r.stdout).toContain('geen object (not an object)');
    }
  });

  it('says when Firefox\'s "Extensions" is written with a small e (exit 2)', () => {
    const file = { policies: { '3rdparty': { extensions: { 'postwijs@postwijs.nl': { protocol: 'ooh' } } } } };
    expectUnreadable(run(['x.json'], { 'x.json': JSON.stringify(file) }), 'geen policies.3rdparty.Extensions gevonden', 'let op de hoofdletters');
  });

  it('a PostWijs key next to 3rdparty is ignored: the browser never passes it on', () => {
    const file = { protocol: 'ooh', '3rdparty': { extensions: { [ID]: { schoolName: 'OBS Het Spectrum' } } } };
    const { code, report } = json(['x.json'], { 'x.json': JSON.stringify(file) });
    expect(code).toBe(1);
    expect(report.ignored).toEqual([{ key: 'protocol', reason: expect.stringContaining('zet hem in het beleid onder het extensie-id') }]);
  });

  it('warns when only some keys carry the Admin console\'s Value layer', () => {
    const r = run(['x.json'], { 'x.json': JSON.stringify({ protocol: { Value: 'ooh' }, locked: true }) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('⚠ Deze sleutels staan niet in {"Value": …}, de andere wel');
    expect(r.stdout).toMatch(/locked$/m);
  });

  it('reads from stdin with -, and a UTF-8 file with a byte-order mark', () => {
    expect(run(['-'], {}, '{"protocol":"ooh"}').stdout).toContain('instellingen controleren · stdin');
    expect(run(['bom.json'], { 'bom.json': '\uFEFF{"protocol":"ooh"}' }).code).toBe(0);
  });
});

describe('postwijs settings check: unreadable and hostile files', () => {
  it('a missing file and invalid JSON: exit 2, one line, no stack', () => {
    expectUnreadable(run(['nowhere.json']), 'nowhere.json: bestand bestaat niet (file not found)');
    expectUnreadable(run(['x.json'], { 'x.json': '{"protocol": "ooh",' }), 'x.json: geen geldige JSON (not valid JSON)');
    expectUnreadable(run(['x.json'], { 'x.json': '' }), 'geen geldige JSON');
  });

  it('a list, number, string or null at the top: exit 2 with the reason', () => {
    expectUnreadable(run(['x.json'], { 'x.json': '[{"protocol":"ooh"}]' }), 'bovenaan staat een lijst, geen object (the top level is a list, not an object)');
    for (const top of ['42', '"ooh"', 'null', 'true']) expectUnreadable(run(['x.json'], { 'x.json': top }), 'bovenaan staat geen object');
  });

  it('an object that is none of the shapes, and an export without settings: exit 2', () => {
    expectUnreadable(run(['x.json'], { 'x.json': '{"ExtensionSettings": {}}' }), 'geen beleid of instellingen van PostWijs gevonden; sleutels bovenaan: ExtensionSettings');
    expectUnreadable(run(['x.json'], { 'x.json': '{}' }), 'sleutels bovenaan: -');
    expectUnreadable(run(['x.json'], { 'x.json': '{"postwijs": 1, "version": 2}' }), 'een PostWijs-export zonder "settings"');
  });

  it('hostile keys at every level are unknown keys, never the prototype\'s', () => {
    const r = run(['hostile.json']);
    expect(r.code).toBe(1);
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) expect(r.stdout).toContain(`✖ ${key}: onbekende instelling (unknown setting)`);
    expect(r.stdout).toContain('rules.__proto__: onbekende sleutel (unknown key)');
    expect(r.stdout).toContain('Ander browserbeleid, niet van PostWijs en niet gecontroleerd: __proto__, ExtensionSettings, 3rdparty.__proto__');
    expect(({} as Record<string, unknown>).locked).toBeUndefined();
    expect(({} as Record<string, unknown>).protocol).toBeUndefined();
    const { report } = json(['hostile.json']);
    expect(Object.getPrototypeOf(report.entries[1].applies)).toBe(Object.prototype);
    expect(report.entries[1].applies.protocol).toBe('ooh');
  });

  it('odd Unicode cannot rewrite the terminal line: control and format characters are escaped', () => {
    const r = run(['hostile.json']);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e\u200b]/);
    expect(r.stdout).toContain('school\\u202eName\\u000a: onbekende instelling');
    // A school name with a bidi override and a bell is not applied: the schema refuses controls.
    expect(r.stdout).toContain('✖ schoolName: bevat onzichtbare stuurtekens (contains invisible control characters)');
  });

  it('a 100 KB file of unknown keys: all reported in --json, the text cut off after 50', () => {
    const big: Record<string, string> = { protocol: 'ooh' };
    for (let i = 0; i < 4000; i++) big[`k${i}\u0301\u{1F393}`] = 'é'.repeat(10);
    const text = JSON.stringify(big);
    expect(Buffer.byteLength(text)).toBeGreaterThan(100_000);
    const r = run(['x.json'], { 'x.json': text });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('… en nog 3950 (--json voor alles)');
    expect(json(['x.json'], { 'x.json': text }).report.ignoredCount).toBe(4000);
  });

  it('deeply nested JSON does not crash', () => {
    const deep = 100_000;
    const file = `{"3rdparty":{"extensions":{"${ID}":{"protocol":"ooh","schoolAliases":${'['.repeat(deep)}${']'.repeat(deep)},"x":${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}}}}}`;
    const r = run(['x.json'], { 'x.json': file });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Grootte: onbekend (te diep genest om uit te schrijven).');
    expect(r.stdout).toMatch(/protocol\s+"ooh"/);
  });
});

describe('postwijs settings: usage', () => {
  it('needs the sub-command check and exactly one file', () => {
    for (const argv of [['settings'], ['settings', 'lint', 'x.json'], ['settings', 'check'], ['settings', 'check', 'a.json', 'b.json'], ['settings', 'check', 'a.json', '--lang', 'de']]) {
      let stderr = '';
      const code = main(argv, { stdout: () => {}, stderr: (s) => (stderr += s), readStdin: () => '', readFile: () => '{}' });
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
  it('is in the help', () => {
    let stdout = '';
    main(['--help'], { stdout: (s) => (stdout += s), stderr: () => {}, readStdin: () => '', readFile: () => '' });
    expect(stdout).toContain('postwijs settings check BESTAND|- [--json] [--lang nl|en]');
  });
});

describe('docs/ADMIN.md', () => {
  // The sample output in the guide is real output: it changes when the command's wording does.
  const guide = readFileSync(join(import.meta.dirname, '..', 'docs', 'ADMIN.md'), 'utf8');
  for (const lang of ['nl', 'en']) {
    it(`shows the real ${lang} output of chrome-3rdparty.json`, () => {
      const command = `$ npm run --silent postwijs -- settings check test/fixtures/settings-check/chrome-3rdparty.json${lang === 'en' ? ' --lang en' : ''}\n`;
      const at = guide.indexOf(command);
      expect(at).toBeGreaterThan(0);
      const sample = guide.slice(at + command.length, guide.indexOf('```', at));
      expect(sample).toBe(run(['test/fixtures/settings-check/chrome-3rdparty.json', ...(lang === 'en' ? ['--lang', 'en'] : [])], { 'test/fixtures/settings-check/chrome-3rdparty.json': FIXTURES['chrome-3rdparty.json']! }).stdout);
    });
  }
});

describe('readSettingsDocument', () => {
  it('tells the shapes apart', () => {
    const kind = (raw: unknown) => {
      const read = readSettingsDocument(raw);
      return read.ok ? read.kind : read.error;
    };
    expect(kind({ protocol: 'ooh' })).toBe('chrome-policy');
    expect(kind({ protocol: { Value: 'ooh' } })).toBe('admin-console');
    expect(kind({ '3rdparty': { extensions: { [ID]: { locked: true } } } })).toBe('chrome-3rdparty');
    expect(kind({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: {} } } } })).toBe('firefox-policies');
    expect(kind({ postwijs: 1, version: 2, settings: {} })).toBe('settings-export');
    expect(kind({ version: 2, settings: {} })).toBe('settings-export');
    expect(kind([])).toBe('top-level-array');
    expect(kind(null)).toBe('top-level-not-object');
    expect(kind({ '3rdparty': {} })).toBe('no-extension-map');
    expect(kind({ policies: 'x' })).toBe('no-extension-map');
  });
  it('keeps a "__proto__" key an own key when it takes off the Value layer', () => {
    const raw = JSON.parse('{"__proto__": {"Value": {"locked": true}}, "protocol": {"Value": "ooh"}}') as unknown;
    const read = readSettingsDocument(raw);
    expect(read.ok && read.kind).toBe('admin-console');
    const value = read.ok ? (read.entries[0]!.value as Record<string, unknown>) : {};
    expect(Object.keys(value)).toEqual(['__proto__', 'protocol']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});
