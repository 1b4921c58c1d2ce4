// Speed of this checkout's engine against another checkout's, in one process: both engines
// check the same texts in turns (30 rounds, CPU time), and the median ratio is printed. On a
// shared, noisy machine the absolute figures of `npm run bench` drift by up to 2× within an
// hour; a ratio of turns taken side by side does not.
//
//   git worktree add /tmp/base <commit> && ln -s "$PWD/node_modules" /tmp/base/node_modules
//   npm run bench:ab -- /tmp/base
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const other = process.argv[2];
if (!other) {
  console.error('usage: npm run bench:ab -- <path of another checkout>');
  process.exit(2);
}
type Engine = typeof import('../src/engine/index.ts');
const base: Engine = await import(join(resolve(other), 'src/engine/index.ts'));
const head: Engine = await import('../src/engine/index.ts');

const POST_280 = (
  'Wat een geweldige projectweek gehad met 3B! 🎉 Bram en Noor uit groep 7 presenteerden hun werkstuk over ' +
  'de Eemnesserpolder en ouders waren welkom in de aula. Dank aan juf Annelies en alle collega’s van ' +
  '#Griftland. Vragen? Bel de administratie: 035-5412345. Op persoonlijke titel. 📚✨ www.griftland.nl/nieuws'
).slice(0, 280);
const written = readFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'tuned-on-2026-12-05-g.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line).text as string);
const CASES: [string, string[], number][] = [
  ['280-character post (as in npm run bench)', Array.from({ length: 50 }, (_, i) => `${POST_280}${i}`), 30],
  ['the 200 posts of set g', written, 30],
  ['a 100 KB post (that post repeated)', [`${POST_280}\n`.repeat(360).slice(0, 100_000)], 15],
  ["'Emma ' × 20,000 (adversarial)", ['Emma '.repeat(20_000)], 15],
];

const configOf = (engine: Engine) => ({ protocol: engine.getProtocol('cvo-baarn-soest'), role: 'employee' as const, school: { name: 'Griftland College', aliases: ['Griftland'] } });
const draft = (text: string) => ({ text, platform: 'facebook' as const, kind: 'post' as const, media: { images: 0, videos: 0 } });
const timeOf = (engine: Engine, texts: string[]) => {
  const config = configOf(engine);
  const start = process.cpuUsage();
  for (const text of texts) engine.check(draft(text), config);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / texts.length;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

console.log(`this checkout against ${other}: CPU ms per check, medians of turns taken side by side`);
for (const [name, texts, rounds] of CASES) {
  for (let i = 0; i < 3; i++) timeOf(base, texts), timeOf(head, texts);
  const ratios: number[] = [], baseMs: number[] = [], headMs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const b = timeOf(base, texts);
    const h = timeOf(head, texts);
    baseMs.push(b), headMs.push(h), ratios.push(h / b);
  }
  console.log(`${name.padEnd(44)} other ${median(baseMs).toFixed(3)}  this ${median(headMs).toFixed(3)}  ratio ${median(ratios).toFixed(3)}`);
}
