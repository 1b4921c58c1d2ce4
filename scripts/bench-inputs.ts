// The inputs `npm run bench` and `npm run bench:ab` share: the school and protocol they check
// against, the draft around a text, and the realistic 280-character post.
import type { Draft } from '../src/engine/index.ts';

export const BENCH_PROTOCOL = 'cvo-baarn-soest';
export const BENCH_SCHOOL = { name: 'Griftland College', aliases: ['Griftland'] };

export const draftOf = (text: string): Draft => ({ text, platform: 'facebook', kind: 'post', media: { images: 0, videos: 0 } });

/** Cuts a text to at most `length` UTF-16 units without splitting a surrogate pair. */
export function fit(text: string, length: number): string {
  if (text.length <= length) return text;
  let end = length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** A realistic 280-character school post (the length of a tweet). */
export const POST_280 = fit(
  'Wat een geweldige projectweek gehad met 3B! 🎉 Bram en Noor uit groep 7 presenteerden hun werkstuk over ' +
    'de Eemnesserpolder en ouders waren welkom in de aula. Dank aan juf Annelies en alle collega’s van ' +
    '#Griftland. Vragen? Bel de administratie: 035-5412345. Op persoonlijke titel. 📚✨ www.griftland.nl/nieuws',
  280,
);

/** `unit` repeated until the text has (about) `length` UTF-16 units. */
const run = (unit: string, length = 100_000) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length - (length % unit.length));

function alternating(length: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const punct = '.,!?;:-()\'"/';
  let s = '';
  for (let i = 0; s.length < length; i++) s += letters[i % 26]! + punct[i % punct.length]!;
  return s.slice(0, length);
}

/** ~100 KB inputs that would show quadratic steps or regex backtracking (npm run bench, bench:ab --all). */
export const ADVERSARIAL: [string, string][] = [
  ["'a' × 100k", run('a')],
  ["' ' × 100k", run(' ')],
  ["'\\n' × 100k", run('\n')],
  ["'😀' × 50k", run('😀')],
  ["'#' × 100k", run('#')],
  ["'@' × 100k", run('@')],
  ["'1' × 100k", run('1')],
  ["'0123456789' run", run('0123456789')],
  ["'a ' pairs", run('a ')],
  ["'- ' pairs", run('- ')],
  ["'-' × 100k", run('-')],
  ["'L.' initials", run('L.')],
  ["'L. ' initials", run('L. ')],
  ["'groep '", run('groep ')],
  ["'groep 7 '", run('groep 7 ')],
  ["'06-'", run('06-')],
  ["'06-12345678 '", run('06-12345678 ')],
  ["'1 ' digit pairs", run('1 ')],
  ["'www.'", run('www.')],
  ['letters+punct', alternating(100_000)],
  ["'é' × 100k (one word)", run('é')],
  ["'e\\u0301' combining", run('e\u0301')],
  ['Arabic + Chinese', run('مرحبا بالمدرسة 你好学校老师学生 ')],
  ['zero-width × 100k', run('\u200b')],
  ["'a\\u200b' pairs", run('a\u200b')],
  ["'Emma ' (names)", run('Emma ')],
  ["'Emma uit 3C '", run('Emma uit 3C ')],
  ["'Lente uit klas 2 '", run('Lente uit klas 2 ')],
  ["'Griftland CVO '", run('Griftland CVO ')],
  ["'@griftland @jan '", run('@griftland @jan ')],
  ["'#griftland '", run('#griftland ')],
  ["'onze 3 havo '", run('onze 3 havo ')],
  ["'hij heeft griep ' (1 line)", run('hij heeft griep ')],
  ["'jarig, is 12 ' (1 line)", run('jarig, is 12 ')],
  ["'geboren op 1-2-2010 '", run('geboren op 1-2-2010 ')],
  ["'kanker ' (curse)", run('kanker ')],
  ["'pas ' (confidential)", run('pas ')],
  ["'a@' pairs", run('a@')],
  ["'a.' pairs", run('a.')],
  ["'straat ' ", run('straat ')],
  ["'woont aan de ' ", run('woont aan de ')],
  // The school's name before an address, titled names, team tags, ages, numbered children,
  // words before phrases: the paths added with sets h and i (2026-12-06).
  ["'Griftland, Kerkstraat 12 '", run('Griftland, Kerkstraat 12 ')],
  ["'juf Emma '", run('juf Emma ')],
  ["'#teamgriftland '", run('#teamgriftland ')],
  ["'Lily is 3 jaar geworden '", run('Lily is 3 jaar geworden ')],
  ["'zoon 1 '", run('zoon 1 ')],
  ["'niet niet niet ' (phrase starts)", run('niet ')],
  ['realistic post × 100 KB', run(POST_280 + '\n')],
];
