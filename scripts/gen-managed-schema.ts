// Writes public/managed_schema.json (Chrome's schema for storage.managed) from the zod policy
// schema, so it accepts exactly what docs/ADMIN.md documents. Chrome reads a JSON Schema
// subset: a top-level object, one `type` per schema, no top-level additionalProperties; an
// invalid schema stops the extension from loading. A test checks the file is up to date.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { policySchema } from '../src/settings/schema.ts';

const KEEP = new Set(['type', 'title', 'description', 'properties', 'items', 'enum', 'minimum', 'maximum', 'pattern']);

type Json = Record<string, unknown>;

function toChromeSubset(schema: Json, topLevel = false): Json {
  const out: Json = {};
  // zod marks optional object members by leaving them out of `required`; Chrome has no
  // `required` at all. Integer bounds stay; string lengths are checked by PostWijs itself.
  for (const [key, value] of Object.entries(schema)) {
    if (!KEEP.has(key)) continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value as Record<string, Json>).map(([k, v]) => [k, toChromeSubset(v)]));
    } else if (key === 'items') {
      out.items = toChromeSubset(value as Json);
    } else if (key === 'minimum' || key === 'maximum') {
      if (Math.abs(value as number) <= Number.MAX_SAFE_INTEGER) out[key] = value;
    } else out[key] = value;
  }
  if (!topLevel && schema.type === 'object' && out.properties === undefined) out.properties = {};
  return out;
}

export function managedSchema(): Json {
  const json = z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any' }) as Json;
  return { type: 'object', properties: (toChromeSubset(json, true).properties as Json) ?? {} };
}

export const MANAGED_SCHEMA_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'managed_schema.json');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(MANAGED_SCHEMA_FILE, JSON.stringify(managedSchema(), null, 2) + '\n');
  console.log(`wrote ${MANAGED_SCHEMA_FILE}`);
}
