import { POLICY_KEYS } from './schema.ts';

// The files a school hands in before it deploys PostWijs, unwrapped to the PostWijs parts: a
// Chrome/Edge policy (the bare object, as the Google Admin console takes it, with or without
// its {"Value": …} layer, or the 3rdparty form of a managed-policy file), a Firefox
// policies.json, or a PostWijs settings export. Pure: `postwijs settings check` reads it in
// Node, and the values themselves are judged by merge.ts, not here.
//
// Everything in the file is keyed by whoever wrote it, so keys are looked up as own properties
// only ("constructor" must not find Object's), and new objects are built with
// Object.fromEntries, which keeps a "__proto__" key an ordinary own key for merge.ts to report.

/** The id Firefox gives PostWijs (scripts/build-firefox.ts: GECKO_ID; a test keeps them equal). */
export const FIREFOX_EXTENSION_ID = 'postwijs@postwijs.nl';

/** A Chrome or Edge extension id: 32 letters a–p (derived from the extension's key). */
const CHROME_EXTENSION_ID = /^[a-p]{32}$/;

export type DocumentKind = 'chrome-policy' | 'admin-console' | 'chrome-3rdparty' | 'firefox-policies' | 'settings-export';

export interface DocumentEntry {
  /** Where the PostWijs part sits in the file: '' for the whole file, else e.g. "3rdparty.extensions.<id>". */
  path: string;
  /** The extension id it is filed under (3rdparty and Firefox forms). */
  id?: string;
  /** The id is not a Chrome extension id (a placeholder such as "<extension-id>"): the browser
   * would hand this policy to no extension at all. */
  badId?: boolean;
  /** The policy object, or for a settings export the whole file, with any Value layer taken off. */
  value: unknown;
  /** Admin console form: keys that lack the {"Value": …} layer while others have it. */
  unwrapped?: string[];
}

export interface SettingsDocument {
  kind: DocumentKind;
  entries: DocumentEntry[];
  /** Paths of other browser policies next to PostWijs's ("ExtensionSettings"): not ours, not checked. */
  otherPolicies: string[];
  /** Ids of other extensions in the same extension map: not checked. */
  otherExtensions: string[];
  /** PostWijs keys outside the place the browser reads them from ("3rdparty.protocol"): the
   * browser never hands them to PostWijs. */
  misplaced: string[];
}

export type DocumentError =
  | { error: 'top-level-array' }
  | { error: 'top-level-not-object' }
  /** No extension map where the browser reads it; `found` is a near miss ("extensions" in Firefox). */
  | { error: 'no-extension-map'; path: string; found?: string }
  /** An extension map without a PostWijs policy in it; `ids` are the ids that are there, and
   * `expected` the one PostWijs has where it is fixed (Firefox). */
  | { error: 'no-postwijs-entry'; path: string; ids: string[]; expected?: string }
  /** A PostWijs export ({"postwijs": 1, …}) without its "settings". */
  | { error: 'no-settings' }
  /** An object that is none of the shapes; `keys` are its top-level keys. */
  | { error: 'unknown-shape'; keys: string[] };

export type ReadDocument = ({ ok: true } & SettingsDocument) | ({ ok: false } & DocumentError);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function member(object: Json, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

const isPolicyKey = (key: string) => (POLICY_KEYS as readonly string[]).includes(key);

/** Whether an object holds at least one PostWijs policy key: how a policy in an extension map
 * that holds other extensions' policies too is told apart from theirs. */
function looksLikePolicy(value: unknown): boolean {
  return isObject(value) && Object.keys(value).some(isPolicyKey);
}

/** The Admin console's {"Value": x}: an object with that one key. */
function isValueLayer(value: unknown): value is { Value: unknown } {
  return isObject(value) && Object.keys(value).length === 1 && Object.hasOwn(value, 'Value');
}

export function readSettingsDocument(raw: unknown): ReadDocument {
  if (Array.isArray(raw)) return { ok: false, error: 'top-level-array' };
  if (!isObject(raw)) return { ok: false, error: 'top-level-not-object' };
  if (Object.hasOwn(raw, 'postwijs')) return settingsExport(raw);
  if (Object.hasOwn(raw, 'policies')) return firefoxPolicies(raw);
  if (Object.hasOwn(raw, '3rdparty')) return chromeThirdParty(raw);
  const keys = Object.keys(raw);
  // A stored envelope ({version, settings}) is read like an export (merge.ts readSettingsFile).
  if (Object.hasOwn(raw, 'settings') && !keys.some(isPolicyKey)) return settingsExport(raw);
  return barePolicy(raw, keys);
}

function settingsExport(raw: Json): ReadDocument {
  // Without its settings, an export would be read as old flat settings and its marker reported
  // as an unknown setting: say what is missing instead.
  if (!Object.hasOwn(raw, 'settings')) return { ok: false, error: 'no-settings' };
  return { ok: true, kind: 'settings-export', entries: [{ path: '', value: raw }], otherPolicies: [], otherExtensions: [], misplaced: [] };
}

function barePolicy(raw: Json, keys: string[]): ReadDocument {
  // Without a single PostWijs key it is someone else's file (a Chrome policy file with only
  // ExtensionSettings, say): reporting each of its keys as unknown would say the wrong thing.
  if (!keys.some(isPolicyKey)) return { ok: false, error: 'unknown-shape', keys };
  const wrapped = keys.filter((key) => isValueLayer(raw[key]));
  if (!wrapped.length) return { ok: true, kind: 'chrome-policy', entries: [{ path: '', value: raw }], otherPolicies: [], otherExtensions: [], misplaced: [] };
  const value = Object.fromEntries(keys.map((key) => [key, isValueLayer(raw[key]) ? raw[key].Value : raw[key]]));
  const unwrapped = keys.filter((key) => !wrapped.includes(key));
  return {
    ok: true,
    kind: 'admin-console',
    entries: [{ path: '', value, ...(unwrapped.length ? { unwrapped } : {}) }],
    otherPolicies: [],
    otherExtensions: [],
    misplaced: [],
  };
}

/** Chrome and Edge: `{"3rdparty": {"extensions": {"<id>": policy}}}`, next to any browser policy. */
function chromeThirdParty(raw: Json): ReadDocument {
  const found = extensionMap(raw, '3rdparty', 'extensions', 'Extensions', '');
  if (!found.ok) return found;
  const entries: DocumentEntry[] = [];
  const otherExtensions: string[] = [];
  for (const [id, value] of Object.entries(found.map)) {
    if (looksLikePolicy(value)) entries.push({ path: `${found.path}.${id}`, id, value, ...(CHROME_EXTENSION_ID.test(id) ? {} : { badId: true }) });
    else otherExtensions.push(id);
  }
  if (!entries.length) return { ok: false, error: 'no-postwijs-entry', path: found.path, ids: otherExtensions };
  return { ok: true, kind: 'chrome-3rdparty', entries, otherPolicies: found.others, otherExtensions, misplaced: found.misplaced };
}

/** Firefox: `{"policies": {"3rdparty": {"Extensions": {"postwijs@postwijs.nl": policy}}}}`. Firefox
 * hands PostWijs only the policy under its own id, so that is the one entry. */
function firefoxPolicies(raw: Json): ReadDocument {
  const policies = member(raw, 'policies');
  const outside = Object.keys(raw).filter((key) => key !== 'policies');
  if (!isObject(policies)) return { ok: false, error: 'no-extension-map', path: 'policies.3rdparty.Extensions' };
  const found = extensionMap(policies, '3rdparty', 'Extensions', 'extensions', 'policies.');
  if (!found.ok) return found;
  const ids = Object.keys(found.map);
  if (!ids.includes(FIREFOX_EXTENSION_ID)) return { ok: false, error: 'no-postwijs-entry', path: found.path, ids, expected: FIREFOX_EXTENSION_ID };
  const misplaced = [...outside.filter(isPolicyKey), ...found.misplaced];
  return {
    ok: true,
    kind: 'firefox-policies',
    entries: [{ path: `${found.path}.${FIREFOX_EXTENSION_ID}`, id: FIREFOX_EXTENSION_ID, value: found.map[FIREFOX_EXTENSION_ID] }],
    otherPolicies: [...outside.filter((key) => !isPolicyKey(key)), ...found.others],
    otherExtensions: ids.filter((id) => id !== FIREFOX_EXTENSION_ID),
    misplaced,
  };
}

/** The extension map at `container.3rdparty.<name>`, with what else the two levels hold: other
 * browser policies, and PostWijs keys put where the browser does not look for them. */
function extensionMap(
  container: Json,
  thirdPartyKey: string,
  name: string,
  nearMiss: string,
  prefix: string,
): ({ ok: true; map: Json; path: string; others: string[]; misplaced: string[] }) | ({ ok: false } & DocumentError) {
  const path = `${prefix}${thirdPartyKey}.${name}`;
  const thirdParty = member(container, thirdPartyKey);
  if (!isObject(thirdParty)) return { ok: false, error: 'no-extension-map', path };
  const map = member(thirdParty, name);
  if (!isObject(map)) {
    const found = Object.hasOwn(thirdParty, nearMiss) ? `${prefix}${thirdPartyKey}.${nearMiss}` : undefined;
    return { ok: false, error: 'no-extension-map', path, ...(found ? { found } : {}) };
  }
  const top = Object.keys(container).filter((key) => key !== thirdPartyKey);
  const inside = Object.keys(thirdParty).filter((key) => key !== name);
  return {
    ok: true,
    map,
    path,
    others: [...top.filter((key) => !isPolicyKey(key)).map((key) => `${prefix}${key}`), ...inside.filter((key) => !isPolicyKey(key)).map((key) => `${prefix}${thirdPartyKey}.${key}`)],
    misplaced: [...top.filter(isPolicyKey).map((key) => `${prefix}${key}`), ...inside.filter(isPolicyKey).map((key) => `${prefix}${thirdPartyKey}.${key}`)],
  };
}
