// Where in a text a detector pattern may match: findAll (find.ts) tries a pattern only there.
//
// Most detector patterns are large alternations of words ("ouders|leerlingen|team … weten het
// nog niet"). Their first characters cover much of the alphabet, so V8 tries them at nearly
// every position of the text, and some ninety of them run on every post. Yet a match has to
// begin with one of a few hundred short literal starts ("oud", "lee", "tea" …). This module
// derives those starts from the pattern's source, once per pattern, indexes the starts found
// in each text once, and gives findAll the few places where the pattern may match.
//
// A filtered pattern then runs only as a sticky twin at those places (find.ts), on short and
// long texts alike. Keeping a global scan for long texts as well would compile each pattern
// twice, and V8 stops optimising new regular expressions once an isolate has compiled about
// 1 MB of them (RegExp "TooMuchRegExpCode" in deps/v8/src/regexp/regexp.cc): a 100 KB post
// then took 160 ms instead of 40 in `npm run bench`.
//
// That limit is not only a benchmark's. V8 stops optimising once the isolate has generated
// over 1 MB of regexp code in all and holds over 16 MB of executable memory (the same
// function; checked in V8's source). Our own ~530 patterns (300,000 characters of source)
// go a long way to the first; a content script runs in the isolate of the page it is on,
// whose JIT code counts towards the second, as does a long-lived worker's. Past both, new
// patterns run unoptimised, without the quick check that lets V8 skip ahead. An unoptimised
// scan tries every alternative at every position, so the filter is used wherever it helps:
// for patterns that may begin inside a word too (an index of every offset, not only word
// starts), and up to one place per DENSE characters. `node --no-regexp-optimization`
// reproduces that state (README, Figures: speed).
//
// The derivation reads a subset of JavaScript's `u`-mode syntax. Anything it does not know
// (a class, \p{…}, a back-reference) ends the literal start there: a shorter start is still
// a necessary condition. A pattern whose every start cannot be given gets no filter, so the
// filter can only ever skip work, never a match (test/prefilter.test.ts compares the engine
// with and without it over every labelled post).

/** Longest start kept, in UTF-16 code units: enough to tell the words of a post apart. */
const KEY = 3;
/**
 * More candidate places than one per DENSE characters: the whole text is scanned instead. At
 * 24 an unoptimised scan (see above) cost 100 ms on a 100 KB paste of 'jarig, is 12 '; at 4,
 * 35 ms; trying every place (1) was no faster on runs like '06-06-06-'.
 */
const DENSE = 4;
/** More starts than this is an alternation too broad to be worth filtering. */
const MAX_STARTS = 1500;

type Node =
  | { kind: 'char'; units: string }
  | { kind: 'set'; chars: readonly string[] | null } // null: too many or unknown characters
  | { kind: 'empty' } // assertions and look-arounds: they consume nothing
  | { kind: 'group'; alternatives: Node[][] }
  | { kind: 'repeat'; node: Node; min: number; max: number };

class Unsupported extends Error {}

/** Parses a `u`-mode source into the nodes that matter for where a match starts. */
function parse(source: string): Node[][] {
  let at = 0;
  const peek = (s: string) => source.startsWith(s, at);

  const disjunction = (): Node[][] => {
    const alternatives: Node[][] = [alternative()];
    while (peek('|')) {
      at++;
      alternatives.push(alternative());
    }
    return alternatives;
  };

  const alternative = (): Node[] => {
    const nodes: Node[] = [];
    while (at < source.length && !peek('|') && !peek(')')) {
      const atom = term();
      nodes.push(quantified(atom));
    }
    return nodes;
  };

  const quantified = (node: Node): Node => {
    let min: number;
    let max: number;
    const c = source[at];
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
      if (!m) throw new Unsupported('brace');
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      at += m[0].length - 1;
    } else return node;
    at++;
    if (peek('?')) at++; // lazy or greedy: the same strings
    return { kind: 'repeat', node, min, max };
  };

  const term = (): Node => {
    const c = source[at]!;
    if (c === '^' || c === '$') {
      at++;
      return { kind: 'empty' };
    }
    if (c === '(') {
      let look = false;
      if (peek('(?:')) at += 3;
      else if (peek('(?=') || peek('(?!')) [at, look] = [at + 3, true];
      else if (peek('(?<=') || peek('(?<!')) [at, look] = [at + 4, true];
      else if (peek('(?<')) at = source.indexOf('>', at) + 1; // a named group
      else if (peek('(?')) throw new Unsupported('group modifier');
      else at += 1;
      const alternatives = disjunction();
      if (!peek(')')) throw new Unsupported('unclosed group');
      at++;
      return look ? { kind: 'empty' } : { kind: 'group', alternatives };
    }
    if (c === '[') return charClass();
    if (c === '.') {
      at++;
      return { kind: 'set', chars: null };
    }
    if (c === '\\') return escape(false);
    if ('*+?{})]|'.includes(c)) throw new Unsupported(`stray ${c}`);
    const cp = source.codePointAt(at)!;
    const units = String.fromCodePoint(cp);
    at += units.length;
    return { kind: 'char', units };
  };

  /** An escape; inside a class only single characters come back as 'char'. */
  const escape = (inClass: boolean): Node => {
    at++; // the backslash
    const c = source[at]!;
    at++;
    if (c === 'b' && !inClass) return { kind: 'empty' };
    if (c === 'B') return { kind: 'empty' };
    // Every kind of white space counts as one (keyOf), so \s is a single character here.
    if (c === 's') return inClass ? { kind: 'char', units: ' ' } : { kind: 'set', chars: [' '] };
    if (c === 'd') return { kind: 'set', chars: [...'0123456789'] };
    if ('DSwW'.includes(c)) return { kind: 'set', chars: null };
    if (c === 'p' || c === 'P') {
      at = source.indexOf('}', at) + 1;
      return { kind: 'set', chars: null };
    }
    if (c === 'k') {
      at = source.indexOf('>', at) + 1;
      return { kind: 'set', chars: null };
    }
    if (/[1-9]/.test(c)) {
      while (/\d/.test(source[at] ?? '')) at++;
      return { kind: 'set', chars: null };
    }
    const control: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };
    if (c in control) return { kind: 'char', units: control[c]! };
    if (c === 'x') {
      const hex = source.slice(at, at + 2);
      at += 2;
      return { kind: 'char', units: String.fromCharCode(parseInt(hex, 16)) };
    }
    if (c === 'u') {
      if (peek('{')) {
        const end = source.indexOf('}', at);
        const cp = parseInt(source.slice(at + 1, end), 16);
        at = end + 1;
        return { kind: 'char', units: String.fromCodePoint(cp) };
      }
      const hex = source.slice(at, at + 4);
      at += 4;
      return { kind: 'char', units: String.fromCharCode(parseInt(hex, 16)) };
    }
    if (c === 'c') throw new Unsupported('control escape');
    // In u-mode only syntax characters (and '-' in a class) may be escaped: the character itself.
    if (!/[\^$\\.*+?()[\]{}|/-]/.test(c)) throw new Unsupported(`escape \\${c}`);
    return { kind: 'char', units: c };
  };

  const charClass = (): Node => {
    at++; // [
    const negated = peek('^');
    if (negated) at++;
    const chars: string[] = [];
    let known = !negated;
    while (!peek(']')) {
      if (at >= source.length) throw new Unsupported('unclosed class');
      const first = classAtom();
      if (peek('-') && !source.startsWith('-]', at)) {
        at++;
        const last = classAtom();
        if (first === null || last === null) known = false;
        else {
          const from = first.codePointAt(0)!;
          const to = last.codePointAt(0)!;
          if (to - from > 40) known = false;
          else for (let cp = from; cp <= to; cp++) chars.push(String.fromCodePoint(cp));
        }
      } else if (first === null) known = false;
      else chars.push(first);
    }
    at++; // ]
    return { kind: 'set', chars: known && chars.length <= 40 ? chars : null };
  };

  /** One member of a class: its character, or null for a set (\p{L}, \d …). */
  const classAtom = (): string | null => {
    if (peek('\\')) {
      const node = escape(true);
      return node.kind === 'char' ? node.units : null;
    }
    const units = String.fromCodePoint(source.codePointAt(at)!);
    at += units.length;
    return units;
  };

  const alternatives = disjunction();
  if (at !== source.length) throw new Unsupported('trailing input');
  return alternatives;
}

class TooMany extends Error {}

/**
 * Every string of up to `need` code units that a match of `nodes` can begin with, cut short
 * where the next character is unknown ("" means: nothing is known).
 */
function starts(nodes: readonly Node[], need: number, depth = 0): Set<string> {
  if (need <= 0 || nodes.length === 0) return new Set(['']);
  if (depth > 200) throw new TooMany('deep');
  const [node, ...rest] = nodes as [Node, ...Node[]];
  const out = new Set<string>();
  const add = (prefix: string, tails: Set<string>) => {
    for (const tail of tails) out.add((prefix + tail).slice(0, KEY));
    if (out.size > MAX_STARTS) throw new TooMany('starts');
  };
  switch (node.kind) {
    case 'empty':
      return starts(rest, need, depth + 1);
    case 'char':
      add(node.units, starts(rest, need - node.units.length, depth + 1));
      return out;
    case 'set':
      if (!node.chars) return new Set(['']);
      for (const c of node.chars) add(c, starts(rest, need - c.length, depth + 1));
      return out;
    case 'group':
      for (const alternative of node.alternatives) add('', starts([...alternative, ...rest], need, depth + 1));
      return out;
    case 'repeat': {
      if (node.min === 0) add('', starts(rest, need, depth + 1));
      if (node.max >= 1) {
        // One occurrence, then the remaining ones and the rest. Each occurrence uses up at
        // least one character of `need`; one that can match nothing recurses until the depth
        // limit, and the pattern gets no filter.
        const more: Node = { kind: 'repeat', node: node.node, min: Math.max(0, node.min - 1), max: node.max - 1 };
        add('', starts([node.node, more, ...rest], need, depth + 1));
      }
      return out;
    }
  }
}

/** How a pattern's match must begin: after a non-letter (word-start patterns) or anywhere. */
interface Filter {
  atWordStart: boolean;
  /** The starts as numbers (keyOf), by length - 1: a Map looks them up without making strings. */
  byLength: readonly (readonly number[])[];
  /** Each start's mixHash, beside it: a post is checked against thousands of starts, most absent. */
  hashes: readonly Int32Array[];
}

const FILTERS = new WeakMap<RegExp, Filter | null>();
// Some patterns are built per post or per school (a school's names); their source repeats.
const BY_SOURCE = new Map<string, Filter | null>();

/** A negative look-behind on a class that holds every letter: the match starts after a non-letter. */
const WORD_START_GUARD = /^\(\?<!\[\\p\{L\}[^\]]*\]\)/;

/**
 * The filter for a pattern, derived once. `scan` is the pattern that will run (findAll's
 * fast-scan twin, without the leading look-behind); `wordStart` says that findAll itself
 * keeps only matches that do not follow a word character.
 */
export function filterFor(pattern: RegExp, scan: RegExp, wordStart: boolean): Filter | null {
  let filter = FILTERS.get(pattern);
  if (filter !== undefined) return filter;
  const id = `${wordStart ? 'w' : 'a'}/${scan.flags}/${scan.source}`;
  filter = BY_SOURCE.get(id);
  if (filter === undefined) {
    filter = derive(scan, wordStart);
    if (BY_SOURCE.size >= 1000) BY_SOURCE.clear();
    BY_SOURCE.set(id, filter);
  }
  FILTERS.set(pattern, filter);
  return filter;
}

function derive(scan: RegExp, wordStart: boolean): Filter | null {
  if (/[iv]/.test(scan.flags)) return null;
  try {
    const alternatives = parse(scan.source);
    // The guard holds for every match only when it is not one of several alternatives.
    const atWordStart = wordStart || (alternatives.length === 1 && WORD_START_GUARD.test(scan.source));
    const found = starts([{ kind: 'group', alternatives }], KEY);
    if (found.has('')) return null;
    const byLength: number[][] = [[], [], []];
    for (const k of found) byLength[k.length - 1]!.push(keyOf(k, 0, k.length));
    return { atWordStart, byLength, hashes: byLength.map((keys) => Int32Array.from(keys, mixHash)) };
  } catch (error) {
    if (error instanceof Unsupported || error instanceof TooMany) return null;
    throw error;
  }
}

/** The 1 to KEY code units of `text` from `at` as one number (each unit + 1, 0 for none). */
function keyOf(text: string, at: number, length: number): number {
  let key = 0;
  for (let n = 0; n < KEY; n++) key = key * 65537 + (n < length ? unit(text.charCodeAt(at + n)) + 1 : 0);
  return key;
}

/** A key's 32 bits of hash: the low units of the key mixed with the high ones (keys are at most 49 bits). */
function mixHash(key: number): number {
  return Math.imul(key % 4294967296 | 0, 0x9e3779b1) ^ Math.floor(key / 4294967296);
}

/** A code unit, with every white-space character (what \s matches) read as a space. */
function unit(c: number): number {
  if (c > 32 && c < 0xa0) return c;
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
    ? 32
    : c;
}

/**
 * The places of a text where a match may begin, by the start (of one length) found there: an
 * open-addressing table from start key to the first such offset, and `next` chaining each
 * offset to the following one with the same start. Typed arrays rather than a Map: the keys
 * are above 2^31, and a Map would box every one of them.
 */
const BLOOM_BITS = 4096;

class StartIndex {
  private readonly keys: Float64Array;
  private readonly firsts: Int32Array;
  private readonly mask: number;
  /**
   * One bit per BLOOM_BITS slot of mixHash, set for every start in the text: a start the text
   * lacks (most of a pattern's) is ruled out by one bit test, before the table is probed.
   */
  private readonly bloom = new Int32Array(BLOOM_BITS >> 5);
  readonly next: Int32Array;

  /** `afterNonLetter`: only offsets that follow a non-letter (or begin the text); else every offset. */
  constructor(text: string, length: number, afterNonLetter: boolean) {
    const positions: number[] = [];
    for (let i = 0; i + length <= text.length; i++) {
      if ((afterNonLetter && i > 0 && isLetterBefore(text, i)) || insidePair(text, i)) continue;
      positions.push(i);
    }
    let size = 16;
    while (size < positions.length * 2) size *= 2;
    this.keys = new Float64Array(size);
    this.firsts = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.next = new Int32Array(text.length);
    // Backwards, so that each chain runs forwards through the text.
    for (let p = positions.length - 1; p >= 0; p--) {
      const at = positions[p]!;
      const key = keyOf(text, at, length);
      const hash = mixHash(key);
      this.bloom[(hash & (BLOOM_BITS - 1)) >> 5]! |= 1 << (hash & 31);
      const slot = this.slot(key, hash);
      this.next[at] = this.firsts[slot]!;
      this.keys[slot] = key;
      this.firsts[slot] = at;
    }
  }

  /** The first offset with this start (whose mixHash is `hash`), or -1. */
  first(key: number, hash: number): number {
    if (!(this.bloom[(hash & (BLOOM_BITS - 1)) >> 5]! & (1 << (hash & 31)))) return -1;
    return this.firsts[this.slot(key, hash)]!;
  }

  /** The slot that holds `key`, or the empty slot where it would go. */
  private slot(key: number, hash: number): number {
    let slot = hash & this.mask;
    while (this.firsts[slot] !== -1 && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
    return slot;
  }
}

interface TextStarts {
  text: string;
  /** Offsets that follow a non-letter (or begin the text), by length - 1 of their start. */
  afterNonLetter: (StartIndex | undefined)[];
  /** Every offset, by length - 1 of its start: for patterns that may begin inside a word. */
  anywhere: (StartIndex | undefined)[];
}

// The detectors read two or three texts per post (the folded text, the original, a line);
// remembering a few keeps them from rebuilding each other's starts.
const recent: TextStarts[] = [];

const LETTER = /\p{L}/u;

function isLetterBefore(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  const from = (c & 0xfc00) === 0xdc00 && at >= 2 ? at - 2 : at - 1;
  return LETTER.test(text.slice(from, at));
}

/** The second half of a surrogate pair: no match of a u-mode pattern begins there. */
function insidePair(text: string, at: number): boolean {
  return at > 0 && (text.charCodeAt(at) & 0xfc00) === 0xdc00 && (text.charCodeAt(at - 1) & 0xfc00) === 0xd800;
}

function startsOf(text: string): TextStarts {
  for (const entry of recent) if (entry.text === text) return entry;
  const entry: TextStarts = { text, afterNonLetter: [undefined, undefined, undefined], anywhere: [undefined, undefined, undefined] };
  recent.unshift(entry);
  if (recent.length > 3) recent.pop();
  return entry;
}

/**
 * Where a match of the pattern may begin in the text, in ascending order; `undefined` when
 * the filter cannot tell (no filter, or places crowding the text), so that the whole text is
 * to be scanned.
 */
export function candidateStarts(filter: Filter | null, text: string): readonly number[] | undefined {
  if (!filter) return undefined;
  const entry = startsOf(text);
  const indexes = filter.atWordStart ? entry.afterNonLetter : entry.anywhere;
  const found: number[] = [];
  // Places that crowd the text ("06-06-06-…": a start every third character) are cheaper to
  // scan for than to gather and try one by one.
  const limit = text.length / DENSE + 16;
  let chains = 0;
  for (let i = 0; i < filter.byLength.length; i++) {
    const keys = filter.byLength[i]!;
    if (keys.length === 0) continue;
    const hashes = filter.hashes[i]!;
    const index = (indexes[i] ??= new StartIndex(text, i + 1, filter.atWordStart));
    for (let k = 0; k < keys.length; k++) {
      let at = index.first(keys[k]!, hashes[k]!);
      if (at < 0) continue;
      chains++;
      for (; at >= 0; at = index.next[at]!) if (found.push(at) > limit) return undefined;
    }
  }
  // One chain is in order already; several are merged (a place may start keys of two lengths).
  return chains > 1 ? [...new Set(found)].sort((a, b) => a - b) : found;
}

/** The starts derived for a source (for the tests): sorted, or null when it gets no filter. */
export function literalStarts(source: string, flags = 'gu'): string[] | null {
  const filter = derive(new RegExp(source, flags), false);
  if (!filter) return null;
  const text = (key: number) => {
    const units: number[] = [];
    for (let n = 0; n < KEY; n++, key = Math.floor(key / 65537)) units.unshift(key % 65537);
    return String.fromCharCode(...units.filter((u) => u > 0).map((u) => u - 1));
  };
  return filter.byLength.flat().map(text).sort();
}
