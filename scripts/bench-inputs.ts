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
