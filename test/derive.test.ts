import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveEffective, parseCustomProtocol, sameEffective } from '../src/background/derive.ts';
import { sameStored } from '../src/settings/layout.ts';
import { configFrom } from '../src/shared/check-config.ts';

const ooh = readFileSync(join(import.meta.dirname, '..', 'src', 'protocols', 'ooh.json'), 'utf8');
const stored = (settings: Record<string, unknown>) => ({ version: 1, settings });

describe('deriveEffective', () => {
  it('uses the chosen bundled protocol, policy over user', () => {
    const e = deriveEffective({ settings: stored({ protocol: 'vsnon', schoolName: 'Mijn school' }), noConsentNames: [], managed: { schoolName: 'Vrijeschool Zutphen', locked: true } });
    expect(e.protocol.id).toBe('vsnon');
    expect(e.settings.schoolName).toBe('Vrijeschool Zutphen');
    expect(e.locked).toEqual(['schoolName']);
  });
  it('merges the school\'s and the user\'s no-consent names', () => {
    const e = deriveEffective({ settings: undefined, noConsentNames: ['Bram', 'Noor'], managed: { noConsentNames: ['Noor', 'Sem'] } });
    expect(e.noConsentNames.sort()).toEqual(['Bram', 'Noor', 'Sem']);
    expect(configFrom(e)!.noConsentNames?.sort()).toEqual(['Bram', 'Noor', 'Sem']);
  });
  it('accepts a valid custom protocol document', () => {
    const custom = ooh.replace('"id": "ooh"', '"id": "mijn-school"');
    const e = deriveEffective({ settings: stored({ protocol: 'custom', customProtocol: custom }), noConsentNames: [], managed: {} });
    expect(e.protocol.id).toBe('mijn-school');
    expect(e.problems.protocol).toEqual([]);
  });
  it('takes the custom protocol from storage.local (too big for a sync item), and from the sync settings of the old layout', () => {
    const local = ooh.replace('"id": "ooh"', '"id": "uit-local"');
    const fromLocal = deriveEffective({ settings: stored({ protocol: 'custom', customProtocol: '' }), customProtocol: local, noConsentNames: [], managed: {} });
    expect(fromLocal.protocol.id).toBe('uit-local');
    expect(fromLocal.settings.customProtocol).toBe(local);
    const old = deriveEffective({ settings: stored({ protocol: 'custom', customProtocol: ooh.replace('"id": "ooh"', '"id": "oud"') }), customProtocol: undefined, noConsentNames: [], managed: {} });
    expect(old.protocol.id).toBe('oud');
  });
  it('keeps the last valid custom protocol while a new one is invalid, and says why', () => {
    const good = deriveEffective({ settings: stored({ protocol: 'custom', customProtocol: ooh.replace('"id": "ooh"', '"id": "goed"') }), noConsentNames: [], managed: {} });
    const broken = deriveEffective({ settings: stored({ protocol: 'custom', customProtocol: '{"id": "x"' }), noConsentNames: [], managed: {}, previous: good });
    expect(broken.protocol.id).toBe('goed');
    expect(broken.problems.protocol[0]!.reason).toMatch(/geen geldige JSON/);
  });
  it('reports a custom protocol that cites a missing article, with its path', () => {
    const doc = JSON.parse(ooh);
    doc.rules['lesson-time'].article = 'Z.9';
    const { protocol, problems } = parseCustomProtocol(JSON.stringify(doc));
    expect(protocol).toBeUndefined();
    expect(problems).toEqual([{ key: 'rules.lesson-time.article', reason: 'noemt artikel Z.9, dat niet in articles staat (cites article Z.9, which is not in articles)' }]);
  });
  it('words zod’s own checks in Dutch first, English in brackets, with the path', () => {
    const doc = JSON.parse(ooh);
    doc.title = 5;
    doc.rules['media-consent'].severity = 'fatal';
    const { problems } = parseCustomProtocol(JSON.stringify(doc));
    expect(problems.map((p) => p.key).sort()).toEqual(['rules.media-consent.severity', 'title']);
    for (const p of problems) expect(p.reason).toMatch(/^Ongeldige (invoer|optie): verwacht .+ \(Invalid (input|option): expected .+\)$/);
  });
  it('reports invalid policy values and still applies the rest', () => {
    const e = deriveEffective({ settings: undefined, noConsentNames: [], managed: { role: 'rector', protocol: 'ooh' } });
    expect(e.settings.protocol).toBe('ooh');
    expect(e.problems.policy.map((p) => p.key)).toEqual(['role']);
  });
});

describe('sameEffective (the worker writes only a state that says something new)', () => {
  /** A copy as Chromium's storage hands it back: keys sorted, undefined members dropped. */
  const asStored = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v)));
  const inputs = { settings: stored({ protocol: 'ooh', schoolName: 'OBS Het Spectrum', schoolAliases: ['Spectrum'] }), noConsentNames: ['Sem'], managed: { jobTitle: 'juf', locked: true } };

  it('the same inputs derived again, later, and read back from storage are the same state', () => {
    const first = deriveEffective(inputs, 1_000);
    const again = deriveEffective({ ...inputs, previous: asStored(first) as typeof first }, 9_000);
    expect(sameEffective(asStored(first) as typeof first, again)).toBe(true);
  });
  it('a changed setting, no-consent name or policy is a new state', () => {
    const first = deriveEffective(inputs);
    expect(sameEffective(first, deriveEffective({ ...inputs, settings: stored({ protocol: 'ooh', schoolName: 'OBS De Kring' }) }))).toBe(false);
    expect(sameEffective(first, deriveEffective({ ...inputs, noConsentNames: ['Sem', 'Noor'] }))).toBe(false);
    expect(sameEffective(first, deriveEffective({ ...inputs, managed: {} }))).toBe(false);
  });
  it('nothing stored yet is never the same as a derived state', () => {
    expect(sameEffective(undefined, deriveEffective(inputs))).toBe(false);
  });
  it('compares stored policies as storage keeps them', () => {
    expect(sameStored({ schoolName: 'X', locked: true, role: undefined }, asStored({ locked: true, schoolName: 'X' }))).toBe(true);
    expect(sameStored({ schoolName: 'X' }, {})).toBe(false);
    expect(sameStored({}, undefined)).toBe(false);
  });
});

describe('configFrom', () => {
  it('without effective settings there is nothing to check against yet', () => {
    expect(configFrom(undefined)).toBeUndefined();
  });
  it('builds the check configuration from the effective state', () => {
    const e = deriveEffective({ settings: { version: 1, settings: { schoolName: 'OBS Het Spectrum', schoolAliases: ['Spectrum'], protocol: 'ooh', jobTitle: 'juf' } }, noConsentNames: [], managed: {} });
    expect(configFrom(e)).toMatchObject({ role: 'employee', school: { name: 'OBS Het Spectrum', aliases: ['Spectrum'] }, jobTitle: 'juf' });
    expect(configFrom(e)!.protocol.id).toBe('ooh');
  });
});
