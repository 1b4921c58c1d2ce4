// Outside data is keyed by whoever wrote it: a settings file, a school's policy (Firefox's
// policies.json has no schema in front of it), a protocol document, an archive. A key named
// like an Object member ("constructor", "toString") must not find the prototype's member, and
// "__proto__" from JSON.parse is an own property that assigning would turn into a prototype.
// So keys are looked up as own properties only, and "__proto__" members are taken out (and
// reported) before a document is parsed any further.

/** The own member `key` of `table`, or undefined (never an inherited one). */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A deep copy of parsed JSON without "__proto__" members, and the paths where there were. */
export function withoutProtoKeys(value: unknown, path = ''): { value: unknown; dropped: string[] } {
  const dropped: string[] = [];
  const copy = (v: unknown, at: string, depth: number): unknown => {
    if (v === null || typeof v !== 'object' || depth > 64) return v;
    // Paths as zod words the document's other problems: "articles.3.text", not "articles[3].text".
    if (Array.isArray(v)) return v.map((item, i) => copy(item, at ? `${at}.${i}` : String(i), depth + 1));
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      const where = at ? `${at}.${key}` : key;
      if (key === '__proto__') {
        dropped.push(where);
        continue;
      }
      out[key] = copy((v as Record<string, unknown>)[key], where, depth + 1);
    }
    return out;
  };
  return { value: copy(value, path, 0), dropped };
}
