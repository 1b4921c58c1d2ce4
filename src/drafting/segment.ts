// Finds a protocol's articles and section headings in repaired text, with the numbering the
// document itself uses: "1.", "1.4", "A.2", "Artikel 21", "21", "a." under a numbered item,
// bullets under a heading, or no numbers at all (a pasted web page). Pure and DOM-free.

export interface Unit {
  /** The number as a reader would cite it: "1.4", "A.2", "2c", "21", "Reden 5", "De groepsapp •2". */
  number: string;
  /** The heading of the section the unit stands in, as the document writes it. */
  section?: string;
  /** The unit's text, whitespace collapsed; without its number or bullet. */
  text: string;
  /** How the document marked it. */
  marker: 'article' | 'item' | 'bullet' | 'paragraph';
  /** For "a."/"b." items: the number of the article they stand under. */
  parent?: string;
}

export interface Segmented {
  /** The first heading-like line: usually the document's title. */
  title?: string;
  units: Unit[];
  /** Every heading in order, for names and roles ("Voor medewerkers"). */
  headings: string[];
}

type LineKind =
  | { kind: 'blank' }
  | { kind: 'numbered'; number: string; rest: string; style: 'article' | 'dotted' | 'lettered' | 'plain' }
  | { kind: 'section-letter'; letter: string; rest: string }
  | { kind: 'sub'; letter: string; rest: string }
  | { kind: 'bullet'; rest: string }
  | { kind: 'text'; rest: string };

/** "Artikel 4", "Art. 4", and the words schools use for the same: "Afspraak 4 – …", "Regel 4". */
const ARTICLE_WORD = /^(?:artikel|art\.|article|afspraak|regel|rule)\s+(\d{1,3}(?:\.\d{1,2})*[a-z]?)\b\s*[.:)–-]?\s*(.*)$/iu;
const LETTER_NUMBER = /^(\p{Lu})\s?\.\s?(\d{1,2}(?:\.\d{1,2})?)\.?(?:\s+(.*))?$/u;
const DOTTED = /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?(?:\s+(.*))?$/u;
const PLAIN = /^(\d{1,3})(?:[.)]\s*|\s+(?=\p{Lu}))(.*)$/u;
const SECTION_LETTER = /^(\p{Lu})[.)]\s+(\S.*)$/u;
const SUB_LETTER = /^(\p{Ll})[.)]\s+(\S.*)$/u;
const BULLET = /^•\s*(.*)$/u;
/** A heading that names the document: "Protocol sociale media …", "Social media policy". */
const TITLE = /(?:protocol|gedragscode|richtlijn|policy|code|beleid)\b.{0,60}\b(?:social|sociale|media)|(?:social|sociale)[ -]?media.{0,30}\b(?:protocol|gedragscode|richtlijn|policy|code|beleid)/iu;
const ENDS_SENTENCE = /[.!?;:…)"”’]$/u;

function classify(raw: string): LineKind {
  const line = raw.trim();
  if (!line) return { kind: 'blank' };
  let m = ARTICLE_WORD.exec(line);
  if (m) return { kind: 'numbered', number: m[1]!, rest: m[2] ?? '', style: 'article' };
  m = LETTER_NUMBER.exec(line);
  if (m) return { kind: 'numbered', number: `${m[1]}.${m[2]}`, rest: m[3] ?? '', style: 'lettered' };
  m = DOTTED.exec(line);
  // "1.2024" or "3.5 uur" are not article numbers: a number part past 30 is a date or an amount.
  if (m && m[1]!.split('.').every((part) => Number(part) <= 30)) return { kind: 'numbered', number: m[1]!, rest: m[2] ?? '', style: 'dotted' };
  m = PLAIN.exec(line);
  if (m && Number(m[1]) > 0 && (m[2] ?? '').trim()) return { kind: 'numbered', number: m[1]!, rest: m[2]!, style: 'plain' };
  m = SECTION_LETTER.exec(line);
  if (m && m[1] !== 'I' && m[1] !== 'O') return { kind: 'section-letter', letter: m[1]!, rest: m[2]! };
  m = SUB_LETTER.exec(line);
  if (m && m[1] !== 'o') return { kind: 'sub', letter: m[1]!, rest: m[2]! };
  m = BULLET.exec(line);
  if (m) return { kind: 'bullet', rest: m[1]! };
  return { kind: 'text', rest: line };
}

/** A short line without closing punctuation that starts with a capital: a heading. */
function looksLikeHeading(text: string): boolean {
  const t = text.trim();
  if (t.length < 3 || t.length > 90) return false;
  if (/[.,;]$/u.test(t)) return false;
  if (!/^[\p{Lu}\d"“'‘]/u.test(t)) return false;
  const words = t.split(/\s+/u).length;
  // "Versie 1.3 – juli 2025", "Schooljaar 2025-2026": a version or date line, not a section.
  if (/\b(?:19|20)\d{2}\b/u.test(t)) return false;
  // "Daarmee worden bedoeld:" or "De punten 1 t/m 10 gelden voor:" lead into a list; "Voorbeelden:" heads one.
  if (/:$/u.test(t) && words > 3) return false;
  return words <= 12;
}

const count = (s: string, c: string) => s.split(c).length - 1;
const collapse = (s: string) => s.replace(/\s+/gu, ' ').trim();
/** collapse(`${text} ${more}`) for a text that is already collapsed, in time proportional to
 * `more`: a unit that grows line by line (thousands of lines with no blank between them) would
 * otherwise be collapsed whole for every line, in quadratic time. */
const append = (text: string, more: string) => {
  const tail = collapse(more);
  return !text ? tail : !tail ? text : `${text} ${tail}`;
};
/** Whether a (collapsed) text ends a sentence or with a list lead-in: only its last characters
 * are tested, as a `$`-anchored pattern is tried from every position of a long text. */
const endsSentence = (text: string) => ENDS_SENTENCE.test(text.slice(-2));
const endsLeadIn = (text: string) => /[:;,]$/u.test(text.slice(-2));

/** The first word of a heading, to tell apart numbers that restart in each section. */
function sectionTag(section: string | undefined): string {
  return /\p{L}[\p{L}-]*/u.exec(section ?? '')?.[0] ?? '§';
}

/** A heading as a reader would cite a paragraph under it: "Foto's en filmpjes ¶2". Its own
 * numbering goes (the paragraph has none of its own), and a long one is cut at a word. */
function sectionLabel(section: string | undefined): string {
  const bare = (section ?? '').replace(/^(?:\p{Lu}|\d{1,2}(?:\.\d{1,2})*)[.)]?\s+/u, '').replace(/[?:!]+$/u, '').trim();
  if (!bare) return '§';
  if (bare.length <= 40) return bare;
  const cut = bare.slice(0, 40);
  return cut.slice(0, cut.lastIndexOf(' ') > 15 ? cut.lastIndexOf(' ') : 40);
}

export function segment(text: string): Segmented {
  const lines = text.split('\n').map(classify);
  const units: Unit[] = [];
  const headings: string[] = [];
  let title: string | undefined;
  let section: string | undefined;
  /** The lettered section ("A. Voor alle gebruikers") whose plain items become "A.1". */
  let sectionLetter: string | undefined;
  /** The last numbered article, for "a."/"b." items under it ("2" + "c" = "2c"). */
  let parentNumber: string | undefined;
  /** That article's number as the document writes it, before it was made unique. */
  let parentRaw: string | undefined;
  /** The last plain number in this section: a smaller one after it is a footnote ("2 „Persoonsgegevens”: …"). */
  let lastPlain = 0;
  let current: Unit | undefined;
  let bulletCount = 0;
  let paragraphCount = 0;
  const used = new Set<string>();

  /** Where the search for a free "(n)" resumes, per base: numbers are only ever added to
   * `used`, so every smaller n is still taken, and a document with thousands of the same
   * number ("a." under one article) costs linear time, not quadratic. */
  const nextSuffix = new Map<string, number>();
  const unique = (number: string) => {
    let candidate = number;
    if (used.has(candidate)) candidate = `${sectionTag(section)} ${number}`;
    const base = candidate;
    let n = nextSuffix.get(base) ?? 2;
    while (used.has(candidate)) candidate = `${sectionTag(section)} ${number} (${n++})`;
    nextSuffix.set(base, n);
    used.add(candidate);
    return candidate;
  };
  const start = (number: string, rest: string, marker: Unit['marker']) => {
    current = { number: unique(number), ...(section ? { section } : {}), text: collapse(rest), marker };
    units.push(current);
  };
  const setHeading = (heading: string) => {
    const h = collapse(heading.replace(/:$/u, ''));
    if (!title && TITLE.test(h)) title = h;
    headings.push(h);
    section = h;
    current = undefined;
    parentNumber = undefined;
    parentRaw = undefined;
    lastPlain = 0;
    bulletCount = 0;
    paragraphCount = 0;
  };
  const nextIsBody = (i: number) => {
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j]!;
      if (next.kind === 'blank') continue;
      return next.kind !== 'text' || /^[\p{Lu}"“'‘(]/u.test(next.rest);
    }
    return true;
  };

  let blankBefore = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind === 'blank') {
      blankBefore = true;
      continue;
    }
    const afterBlank = blankBefore;
    blankBefore = false;
    switch (line.kind) {
      case 'numbered': {
        // "1.3. Social media in de school": a numbered heading opens an article whose text is
        // what follows it (Aeres), and names the section.
        const n = Number(line.number);
        if (line.style === 'plain' && lastPlain > 0 && n < lastPlain && n !== 1) {
          // Numbers go up within a section; one that goes back is a footnote at a page's foot.
          start(`noot ${line.number}`, line.rest, 'paragraph');
          parentNumber = undefined;
          break;
        }
        if (line.style === 'plain') lastPlain = n;
        const number = line.style === 'plain' && sectionLetter ? `${sectionLetter}.${line.number}` : line.number;
        if (line.style === 'article' && (!line.rest || looksLikeHeading(line.rest))) {
          section = line.rest ? collapse(`Artikel ${line.number} ${line.rest}`) : `Artikel ${line.number}`;
          headings.push(section);
          start(number, '', 'article');
        } else if (line.rest && looksLikeHeading(line.rest) && nextIsBody(i) && (line.style !== 'plain' || (line.rest.split(/\s+/u).length <= 6 && !ENDS_SENTENCE.test(line.rest)))) {
          // "7. Confidentiality" above its bullets is a numbered heading too, when it is short.
          setHeading(`${line.number} ${line.rest}`);
          start(number, '', 'article');
        } else start(number, line.rest, 'article');
        parentNumber = current!.number;
        parentRaw = number;
        bulletCount = 0;
        break;
      }
      case 'section-letter':
        if (looksLikeHeading(line.rest) || line.rest.length <= 140) {
          let heading = line.rest;
          // "A. Voor alle gebruikers (medewerkers, … betrokken zijn bij" + "de scholen)". The
          // brackets still open are counted line by line, not in the whole heading each time.
          let open = count(heading, '(') - count(heading, ')');
          while (open > 0 && lines[i + 1]?.kind === 'text') {
            const more = (lines[++i] as { rest: string }).rest;
            heading += ` ${more}`;
            open += count(more, '(') - count(more, ')');
          }
          setHeading(`${line.letter}. ${heading}`);
          sectionLetter = line.letter;
        } else start(line.letter, line.rest, 'article');
        break;
      case 'sub':
        start(parentRaw ? `${parentRaw}${line.letter}` : `${sectionTag(section)} ${line.letter}`, line.rest, 'item');
        if (parentNumber) current!.parent = parentNumber;
        break;
      case 'bullet':
        // Bullets under a numbered article belong to it; under a plain heading each is a unit.
        if (current && parentNumber && current.number.startsWith(parentNumber.split(' ')[0]!) && current.marker === 'article') {
          current.text = append(current.text, line.rest);
        } else start(`${sectionLabel(section)} •${++bulletCount}`, line.rest, 'bullet');
        break;
      case 'text': {
        const previous = current?.text ?? '';
        const continues = current && (!afterBlank || !endsSentence(previous) || /^\p{Ll}/u.test(line.rest) || current.text === '');
        // A short capitalised line after a finished sentence, followed by body text, is a heading
        // even without a blank line before it ("laten." + "Reikwijdte").
        const headingHere = looksLikeHeading(line.rest) && nextIsBody(i) && (!current || endsSentence(previous)) && !endsLeadIn(previous);
        if (continues && !headingHere) {
          current!.text = append(previous, line.rest);
        } else if (looksLikeHeading(line.rest) && nextIsBody(i)) {
          setHeading(line.rest);
          sectionLetter = /^\p{Lu}\.\s/u.test(line.rest) ? sectionLetter : undefined;
        } else {
          start(`${sectionLabel(section)} ¶${++paragraphCount}`, line.rest, 'paragraph');
          parentNumber = undefined;
        }
        break;
      }
    }
  }
  return { ...(title ? { title } : {}), units: units.filter((u) => u.text.length > 0), headings };
}
