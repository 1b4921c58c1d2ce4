import { beforeEach, describe, expect, it } from 'vitest';
import { installExtensionApi, type StorageArea } from '../src/shared/extension-api.ts';
import { readUserSettings, saveUserSettings } from '../src/shared/user-settings.ts';
import { STORAGE_QUOTAS } from '../src/settings/layout.ts';
import { DEFAULT_SETTINGS } from '../src/settings/schema.ts';

// Saving through a fake storage that behaves as the browsers' do where it matters: values
// come back as JSON, sync refuses what breaks its quotas with Chromium's messages.

class FakeArea implements StorageArea {
  items: Record<string, string> = {};
  constructor(private readonly refuse?: (items: Record<string, unknown>, area: FakeArea) => string | undefined) {}
  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys == null ? Object.keys(this.items) : typeof keys === 'string' ? [keys] : keys;
    return Object.fromEntries(wanted.filter((k) => Object.hasOwn(this.items, k)).map((k) => [k, JSON.parse(this.items[k]!)]));
  }
  async set(items: Record<string, unknown>): Promise<void> {
    const refused = this.refuse?.(items, this);
    if (refused) throw new Error(refused);
    for (const [k, v] of Object.entries(items)) this.items[k] = JSON.stringify(v);
  }
  bytes(): number {
    return Object.entries(this.items).reduce((n, [k, v]) => n + k.length + v.length, 0);
  }
}

const chromiumSync = (items: Record<string, unknown>, area: FakeArea) => {
  for (const [k, v] of Object.entries(items)) if (k.length + JSON.stringify(v).length > STORAGE_QUOTAS.sync.bytesPerItem) return 'QUOTA_BYTES_PER_ITEM quota exceeded';
  const after = area.bytes() + Object.entries(items).reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length - (area.items[k] ? k.length + area.items[k]!.length : 0), 0);
  return after > STORAGE_QUOTAS.sync.bytes ? 'QUOTA_BYTES quota exceeded' : undefined;
};

let sync: FakeArea;
let local: FakeArea;
const onChanged = { addListener() {}, removeListener() {} };
function install(localArea = new FakeArea(), syncArea = new FakeArea(chromiumSync)) {
  local = localArea;
  sync = syncArea;
  installExtensionApi({ storage: { sync, local, managed: new FakeArea(), onChanged } });
}
beforeEach(() => install());

const OOH_LIKE = JSON.stringify({ id: 'groot', padding: 'x'.repeat(150_000) });

describe('saveUserSettings / readUserSettings', () => {
  it('keeps the protocol in storage.local, the small settings in both, and reads back what it saved', async () => {
    const settings = { ...DEFAULT_SETTINGS, schoolName: 'OBS De Klimop', protocol: 'custom' as const, customProtocol: OOH_LIKE };
    expect(await saveUserSettings(settings, ['Daan'], 1_000)).toEqual({ synced: true });
    expect(sync.bytes()).toBeLessThan(1_000);
    expect(Object.keys(sync.items)).toEqual(['settings']);
    expect(JSON.parse(local.items.customProtocol!)).toBe(OOH_LIKE);
    const read = await readUserSettings();
    expect(read.settings).toEqual(settings);
    expect(read.noConsentNames).toEqual(['Daan']);
    expect(read.problems).toEqual([]);
  });

  it('with the sync area full: says why, and the save applies on this device', async () => {
    sync.items = { fill: JSON.stringify('x'.repeat(STORAGE_QUOTAS.sync.bytes - 10)) };
    const outcome = await saveUserSettings({ ...DEFAULT_SETTINGS, schoolName: 'OBS De Vlieger' }, undefined, 2_000);
    expect(outcome).toEqual({ synced: false, failure: 'area-full', detail: 'QUOTA_BYTES quota exceeded' });
    expect((await readUserSettings()).settings.schoolName).toBe('OBS De Vlieger');
  });

  it('settings too large for one sync item are not sent to sync at all, and apply here', async () => {
    const big = { ...DEFAULT_SETTINGS, schoolName: 'OBS', disclaimer: '😀'.repeat(300), schoolAliases: Array.from({ length: 30 }, () => '😀'.repeat(40)), timetable: Array.from({ length: 100 }, () => ({ day: 'mon' as const, from: '08:00', to: '09:00' })) };
    const outcome = await saveUserSettings(big, undefined, 3_000);
    expect(outcome).toMatchObject({ synced: false, failure: 'too-large-for-sync' });
    expect(sync.items).toEqual({});
    expect((await readUserSettings()).settings).toEqual(big);
  });

  it('a newer save on another browser (arriving in sync) wins over this device’s copy, an older one does not', async () => {
    await saveUserSettings({ ...DEFAULT_SETTINGS, schoolName: 'hier' }, undefined, 5_000);
    sync.items.settings = JSON.stringify({ version: 2, savedAt: 6_000, settings: { schoolName: 'elders' } });
    expect((await readUserSettings()).settings.schoolName).toBe('elders');
    sync.items.settings = JSON.stringify({ version: 2, savedAt: 4_000, settings: { schoolName: 'ouder' } });
    expect((await readUserSettings()).settings.schoolName).toBe('hier');
  });

  it('never reports as saved what storage.local refused or did not keep', async () => {
    install(new FakeArea(() => 'IO error: disk full'));
    await expect(saveUserSettings({ ...DEFAULT_SETTINGS, schoolName: 'X' })).rejects.toThrow(/disk full/);
    expect(sync.items).toEqual({});
    const forgetful = new FakeArea();
    forgetful.set = async () => undefined;
    install(forgetful);
    await expect(saveUserSettings({ ...DEFAULT_SETTINGS, schoolName: 'X' })).rejects.toThrow(/read back/);
    expect(sync.items).toEqual({});
  });

  it('reads the previous layout (version 1 in sync, the protocol in local) without loss, and the next save writes the new one', async () => {
    sync.items.settings = JSON.stringify({ version: 1, settings: { ...DEFAULT_SETTINGS, schoolName: 'Griftland College', protocol: 'custom', customProtocol: '' } });
    local.items.customProtocol = JSON.stringify(OOH_LIKE);
    local.items.noConsentNames = JSON.stringify(['Noor']);
    const read = await readUserSettings();
    expect(read.settings).toMatchObject({ schoolName: 'Griftland College', protocol: 'custom', customProtocol: OOH_LIKE });
    expect(read.noConsentNames).toEqual(['Noor']);
    await saveUserSettings(read.settings, undefined, 7_000);
    expect(JSON.parse(sync.items.settings!)).toMatchObject({ version: 2, savedAt: 7_000 });
    expect(JSON.parse(local.items.settings!)).toMatchObject({ version: 2, savedAt: 7_000 });
    expect((await readUserSettings()).settings).toEqual(read.settings);
  });
});
