// A reviewed protocol as ready policy files for a whole school, in the forms docs/ADMIN.md
// describes: Chrome/Edge's managed-policy file (Linux/macOS: {"3rdparty": {"extensions": {id: …}}}),
// the Google Admin console's per-key {"Value": …} form, a Windows .reg file for Chrome and Edge,
// and Firefox's policies.json. Pure: the review page downloads what this returns.
import type { ProtocolInput } from '../engine/protocol-schema.ts';

/** Firefox's fixed add-on id (browser_specific_settings.gecko.id in the Firefox build). */
export const FIREFOX_ID = 'postwijs@postwijs.nl';

export interface PolicyFile {
  fileName: string;
  mimeType: string;
  /** UTF-8 text, or UTF-16 LE bytes with a BOM for the registry (as Regedit writes .reg files). */
  content: string | Uint8Array;
}

/** The policy object itself: this protocol, for everyone, locked. School names stay with the
 * director (one board protocol serves several schools); docs/ADMIN.md shows how to add them. */
export function policyFor(protocol: ProtocolInput): Record<string, unknown> {
  return { protocol: 'custom', customProtocol: JSON.stringify(protocol), locked: true };
}

const slug = (protocol: ProtocolInput) => protocol.id || 'eigen-protocol';

export function chromeManagedPolicy(protocol: ProtocolInput, extensionId: string): PolicyFile {
  return {
    fileName: `postwijs-${slug(protocol)}-chrome-edge.json`,
    mimeType: 'application/json',
    content: JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policyFor(protocol) } } }, null, 2) + '\n',
  };
}

export function adminConsolePolicy(protocol: ProtocolInput): PolicyFile {
  const wrapped = Object.fromEntries(Object.entries(policyFor(protocol)).map(([key, value]) => [key, { Value: value }]));
  return { fileName: `postwijs-${slug(protocol)}-admin-console.json`, mimeType: 'application/json', content: JSON.stringify(wrapped, null, 2) + '\n' };
}

/** A .reg string value: backslashes and double quotes escaped, as Regedit reads them. */
function regString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function regValue(value: unknown): string {
  if (typeof value === 'boolean') return `dword:0000000${value ? 1 : 0}`;
  // Lists and objects go in as JSON text; Chrome converts them by the extension's schema.
  return regString(typeof value === 'string' ? value : JSON.stringify(value));
}

export function windowsRegistryPolicy(protocol: ProtocolInput, extensionId: string): PolicyFile {
  const values = Object.entries(policyFor(protocol)).map(([key, value]) => `${regString(key)}=${regValue(value)}`);
  const lines = [
    'Windows Registry Editor Version 5.00',
    '',
    '; PostWijs: schoolbeleid voor Google Chrome',
    `[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${extensionId}\\policy]`,
    ...values,
    '',
    '; PostWijs: schoolbeleid voor Microsoft Edge (vervang het id door dat van de versie uit Edge Add-ons)',
    `[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${extensionId}\\policy]`,
    ...values,
    '',
  ];
  // Regedit's own format: UTF-16 LE with a byte-order mark and CRLF line ends, so that accents
  // (Zoë, Noël) survive.
  const text = lines.join('\r\n');
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 + i * 2] = code & 0xff;
    bytes[3 + i * 2] = code >> 8;
  }
  return { fileName: `postwijs-${slug(protocol)}-windows.reg`, mimeType: 'application/octet-stream', content: bytes };
}

export function firefoxPolicies(protocol: ProtocolInput): PolicyFile {
  return {
    fileName: 'policies.json',
    mimeType: 'application/json',
    content: JSON.stringify({ policies: { '3rdparty': { Extensions: { [FIREFOX_ID]: policyFor(protocol) } } } }, null, 2) + '\n',
  };
}
