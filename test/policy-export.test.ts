import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveEffective } from '../src/background/derive.ts';
import { adminConsolePolicy, chromeManagedPolicy, firefoxPolicies, FIREFOX_ID, windowsRegistryPolicy } from '../src/drafting/policy-export.ts';
import { draftProtocol } from '../src/drafting/draft.ts';

const root = join(import.meta.dirname, '..');
const protocol = draftProtocol({ text: readFileSync(join(root, 'src/protocols/sources/ooh.txt'), 'utf8'), fileName: 'ooh.txt' }).protocol;
const ID = 'abcdefghijklmnopabcdefghijklmnop';
const text = (content: string | Uint8Array) => (typeof content === 'string' ? content : new TextDecoder('utf-16le').decode(content.subarray(2)));

describe('policy export', () => {
  it('the Chrome/Edge policy file puts this protocol under the extension id, and PostWijs applies it as the school policy', () => {
    const file = JSON.parse(text(chromeManagedPolicy(protocol, ID).content)) as { '3rdparty': { extensions: Record<string, Record<string, unknown>> } };
    const policy = file['3rdparty'].extensions[ID]!;
    const effective = deriveEffective({ settings: undefined, noConsentNames: [], managed: policy });
    expect(effective.problems.policy).toEqual([]);
    expect(effective.settings.protocol).toBe('custom');
    expect(effective.protocol.title).toBe(protocol.title);
    expect([...effective.locked].sort()).toEqual(['customProtocol', 'protocol']);
  });
  it('the Admin console form wraps each key in {"Value": …}', () => {
    const wrapped = JSON.parse(text(adminConsolePolicy(protocol).content)) as Record<string, { Value: unknown }>;
    expect(wrapped.protocol).toEqual({ Value: 'custom' });
    expect(JSON.parse(wrapped.customProtocol!.Value as string)).toEqual(protocol);
  });
  it('the .reg file is UTF-16 LE with a BOM, for Chrome and Edge, with escaped JSON that reads back', () => {
    const file = windowsRegistryPolicy(protocol, ID);
    const bytes = file.content as Uint8Array;
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    const reg = text(bytes);
    expect(reg.startsWith('Windows Registry Editor Version 5.00\r\n')).toBe(true);
    expect(reg).toContain(`[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${ID}\\policy]`);
    expect(reg).toContain(`[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${ID}\\policy]`);
    expect(reg).toContain('"locked"=dword:00000001');
    const line = reg.split('\r\n').find((l) => l.startsWith('"customProtocol"='))!;
    const value = line.slice('"customProtocol"="'.length, -1).replace(/\\(["\\])/g, '$1');
    expect(JSON.parse(value)).toEqual(protocol);
  });
  it('Firefox policies.json uses the fixed add-on id', () => {
    const file = JSON.parse(text(firefoxPolicies(protocol).content)) as { policies: { '3rdparty': { Extensions: Record<string, Record<string, unknown>> } } };
    expect(Object.keys(file.policies['3rdparty'].Extensions)).toEqual([FIREFOX_ID]);
    expect(file.policies['3rdparty'].Extensions[FIREFOX_ID]!.protocol).toBe('custom');
  });
});
