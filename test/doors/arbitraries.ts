import fc from 'fast-check';
import { expect } from 'vitest';
import { BIG } from './runs.ts';

// Generators shared by the door tests: what outside data can look like when whoever wrote it
// (a user, a school, another extension, a platform's export) did not follow our format.

/** Keys that name Object members: a lookup that is not own-only finds the prototype's member,
 * and "__proto__" assigned as a key changes an object's prototype. */
// "length": zod measures any object that has one, also after its type check failed.
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf', '__defineGetter__', 'toJSON', 'then', 'length'] as const;

/** Characters that break naive text handling: lone surrogates, bidi controls, zero-width and
 * joiners, combining marks, controls, line and paragraph separators, non-BMP letters, and bits
 * of syntax some reader might act on. */
export const ODD_CHARS = [
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', // lone surrogates
  '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u061C', // bidi
  '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', // zero-width, soft hyphen
  '\u0301', '\u0308', '\u0336', '\u20DD', '\u0489', // combining marks
  '\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\r', '\n', '\t', '\u000B', '\u000C', '\u2028', '\u2029', // controls, separators
  '\u00A0', '\u2007', '\u202F', '\u3000', '\uFFFD', '\uFFFE', '\uFFFF', // odd spaces, specials
  '👩‍👩‍👧', '🇳🇱', '👍🏽', '𝕏', 'é', 'e\u0301', 'ß', 'İ', 'ı', 'ﬁ', 'ا', 'א', '中', 'Ä', 'Ã©', 'Ã', // letters
  '$', '$1', '&', ';', '&amp;', '&constructor;', '<', '>', '"', "'", '\\', '{', '}', '[', ']', ':', ',', '/', '.', '-', '•', '1.', 'a.', // syntax
] as const;

/** One "character" of hostile text: mostly ordinary graphemes, often an odd one. */
export const oddUnit: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD_CHARS) },
  { weight: 2, arbitrary: fc.constantFrom(' ', ' ', 'a', 'e', 'n', 'school', 'foto', 'Groep 7') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);

export const oddText = (constraints: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<string> =>
  fc.string({ unit: oddUnit, maxLength: 40, ...constraints });

/** 100 KB strings, built once: the plain case, and the same size of each kind of odd text. */
export const BIG_STRINGS: readonly string[] = [
  'a'.repeat(BIG),
  ' '.repeat(BIG),
  '\uD800'.repeat(BIG),
  '\u202E\u200F'.repeat(BIG / 2),
  '\u200B\uFEFF'.repeat(BIG / 2),
  `e${'\u0301'.repeat(BIG - 1)}`,
  '👩‍👩‍👧'.repeat(BIG / 8),
  '{'.repeat(BIG),
  '['.repeat(BIG / 2) + ']'.repeat(BIG / 2),
  'Ã©'.repeat(BIG / 2),
  'Foto van Sem uit groep 7. '.repeat(BIG / 26),
];

export const bigString: fc.Arbitrary<string> = fc.constantFrom(...BIG_STRINGS);

/** Keys as outside data spells them: hostile names, odd text, and ordinary words. */
export const junkKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 2, arbitrary: oddText({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** An object with these own enumerable members, the way JSON.parse makes one: a "__proto__"
 * member is an own property, not a prototype. */
export function objectOf(entries: Iterable<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** The leaves JSON (and storage, and structured clone) can carry, plus the numbers JSON
 * cannot (storage may hold what an older build wrote with them). */
const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  oddText(),
  fc.string({ maxLength: 20 }),
  // Near-valid words: the enums' own values, so that junk sometimes nearly fits.
  fc.constantFrom('algemeen', 'custom', 'employee', 'director', 'nl', 'en', 'mon', '08:30', '09:15', 'postwijs:get-draft', 'postwijs:draft', 'error', 'x', 'facebook', ''),
);

/** JSON-shaped junk with hostile keys, a few levels deep. */
export const jsonJunk: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; array: unknown[]; object: Record<string, unknown> }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.uniqueArray(fc.tuple(junkKey, tie('value')), { maxLength: 5, selector: ([key]) => key }).map(objectOf),
})).value;

/** Anything at all a JavaScript value can be: non-JSON types too (a message from another
 * extension is structured-cloned, not JSON). */
export const anyValue: fc.Arbitrary<unknown> = fc.anything({
  key: junkKey,
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** Junk of every kind, 100 KB strings included. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: jsonJunk },
  { weight: 3, arbitrary: anyValue },
  { weight: 1, arbitrary: bigString },
);

// --- Mutating a valid document ---------------------------------------------------------------

/** A path into a JSON value: object keys and array indexes. */
export type Path = (string | number)[];

/** Every place in a JSON value, the root included, in a fixed order. */
export function pathsOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...at, i], out));
  else if (value !== null && typeof value === 'object') for (const key of Object.keys(value)) pathsOf((value as Record<string, unknown>)[key], [...at, key], out);
  return out;
}

export type Mutation =
  | { op: 'drop'; pick: number }
  | { op: 'replace'; pick: number; value: unknown }
  | { op: 'add'; pick: number; key: string; value: unknown }
  | { op: 'duplicate'; pick: number };

/** Mutations of a JSON document at random places: a member dropped, a value replaced by junk
 * (often of the wrong type), a member added (hostile names included), an array item doubled. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), pick: fc.nat(), value: jsonJunk }),
  fc.record({ op: fc.constant('add' as const), pick: fc.nat(), key: junkKey, value: jsonJunk }),
  fc.record({ op: fc.constant('duplicate' as const), pick: fc.nat() }),
);

/** A deep copy of a JSON document with the mutations applied, and the paths they touched. */
export function mutate(document: unknown, mutations: readonly Mutation[]): { value: unknown; touched: Path[] } {
  let value = structuredClone(document);
  const touched: Path[] = [];
  for (const m of mutations) {
    const paths = pathsOf(value);
    const path = paths[m.pick % paths.length]!;
    const parent = path.length ? at(value, path.slice(0, -1)) : undefined;
    const last = path[path.length - 1];
    const target = at(value, path);
    switch (m.op) {
      case 'drop':
        if (!path.length) continue;
        if (Array.isArray(parent)) parent.splice(last as number, 1);
        else delete (parent as Record<string, unknown>)[last as string];
        break;
      case 'replace':
        if (!path.length) value = m.value;
        else Object.defineProperty(parent, last!, { value: m.value, enumerable: true, writable: true, configurable: true });
        break;
      case 'add':
        if (Array.isArray(target)) target.push(m.value);
        else if (target !== null && typeof target === 'object') Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
        else continue;
        touched.push([...path, Array.isArray(target) ? target.length - 1 : m.key]);
        continue;
      case 'duplicate':
        if (!Array.isArray(parent)) continue;
        parent.splice(last as number, 0, structuredClone(target));
        break;
    }
    touched.push(path);
  }
  return { value, touched };
}

function at(value: unknown, path: Path): unknown {
  let v = value;
  for (const step of path) v = (v as Record<string | number, unknown>)[step];
  return v;
}

// --- Damaging bytes --------------------------------------------------------------------------

/** Bytes damaged the ways downloads and disks damage them. */
export type ByteDamage = { op: 'truncate'; at: number } | { op: 'flip'; at: number; bit: number } | { op: 'overwrite'; at: number; bytes: Uint8Array } | { op: 'repeat'; at: number; length: number };

export const byteDamage: fc.Arbitrary<ByteDamage> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('overwrite' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 256 }) }),
);

export function damage(original: Uint8Array, damages: readonly ByteDamage[]): Uint8Array {
  let bytes = original.slice();
  for (const d of damages) {
    if (bytes.length === 0) break;
    const at = d.at % bytes.length;
    switch (d.op) {
      case 'truncate':
        bytes = bytes.slice(0, at);
        break;
      case 'flip':
        bytes[at]! ^= 1 << d.bit;
        break;
      case 'overwrite':
        bytes.set(d.bytes.subarray(0, bytes.length - at), at);
        break;
      case 'repeat': {
        // A stretch written twice, as a resumed download does.
        const part = bytes.slice(at, at + d.length);
        const out = new Uint8Array(bytes.length + part.length);
        out.set(bytes.subarray(0, at + part.length));
        out.set(part, at + part.length);
        out.set(bytes.subarray(at + part.length), at + 2 * part.length);
        bytes = out;
        break;
      }
    }
  }
  return bytes;
}

// --- Invariants shared by the doors ----------------------------------------------------------

/** No object anywhere in a result has a prototype other than Object's or Array's (a
 * "__proto__" key that was assigned, not defined, would show here). */
export function expectPlainPrototypes(value: unknown, where = 'result', depth = 0): void {
  if (value === null || typeof value !== 'object' || depth > 64) return;
  const proto = Object.getPrototypeOf(value);
  if (Array.isArray(value)) expect(proto, where).toBe(Array.prototype);
  else expect(proto, where).toBe(Object.prototype);
  for (const key of Object.keys(value)) expectPlainPrototypes((value as Record<string, unknown>)[key], `${where}.${key}`, depth + 1);
}

/** Object.prototype as it was before the tests: a door that pollutes it shows up here. */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
export function expectPrototypeUntouched(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
}

/** Problems as the settings, policy and protocol readers report them: a key and a reason. */
export function expectProblems(problems: readonly { key: string; reason: string }[]): void {
  expect(Array.isArray(problems)).toBe(true);
  for (const p of problems) {
    expect(typeof p.key).toBe('string');
    expect(typeof p.reason).toBe('string');
    expect(p.reason.trim(), `reason for ${p.key}`).not.toBe('');
  }
}

/** Sorted, for comparing multisets of keys. */
export const sorted = (keys: Iterable<string>) => [...keys].sort();
