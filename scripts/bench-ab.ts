// Speed of this checkout's engine against another checkout's, in one process: both engines
// check the same texts in turns (30 rounds, CPU time, the order alternating), and the median
// ratio is printed. On a shared, noisy machine the absolute figures of `npm run bench` drift by
// up to 2× within an hour; a ratio of turns taken side by side drifts far less. Its resolution:
// this checkout against itself gave 0.94-1.01, so smaller differences than that mean nothing.
//
//   git worktree add /tmp/base <commit> && ln -s "$PWD/node_modules" /tmp/base/node_modules
//   npm run bench:ab -- /tmp/base
//   npm run bench:ab -- /tmp/base --all    also every adversarial input of npm run bench
//
// With a base whose absolute figures were taken on a quiet machine (the README names one),
// ratio × that figure estimates this checkout's figure under the same conditions.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ADVERSARIAL, BENCH_PROTOCOL, BENCH_SCHOOL, draftOf, POST_280 } from './bench-inputs.ts';

const other = process.argv.slice(2).find((a) => !a.startsWith('--'));
const ALL = process.argv.includes('--all');
if (!other) {
  console.error('usage: npm run bench:ab -- <path of another checkout>');
  process.exit(2);
}
type Engine = typeof import('../src/engine/index.ts');
const base: Engine = await import(join(resolve(other), 'src/engine/index.ts'));
const head: Engine = await import('../src/engine/index.ts');

const written = readFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'tuned-on-2026-12-05-g.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line).text as string);
const CASES: [string, string[], number][] = [
  ['280-character post (as in npm run bench)', Array.from({ length: 50 }, (_, i) => `${POST_280}${i}`), 30],
  ['the 200 posts of set g', written, 30],
  ['a 100 KB post (that post repeated)', [`${POST_280}\n`.repeat(360).slice(0, 100_000)], 15],
  ["'Emma ' × 20,000 (adversarial)", ['Emma '.repeat(20_000)], 15],
  ...(ALL ? ADVERSARIAL.map(([name, text]): [string, string[], number] => [`adversarial ${name}`, [text], 7]) : []),
];

const configOf = (engine: Engine) => ({ protocol: engine.getProtocol(BENCH_PROTOCOL), role: 'employee' as const, school: BENCH_SCHOOL });
const timeOf = (engine: Engine, texts: string[]) => {
  const config = configOf(engine);
  const start = process.cpuUsage();
  for (const text of texts) engine.check(draftOf(text), config);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / texts.length;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

console.log(`this checkout against ${other}: CPU ms per check, medians of turns taken side by side`);
for (const [name, texts, rounds] of CASES) {
  for (let i = 0; i < 3; i++) timeOf(base, texts), timeOf(head, texts);
  const ratios: number[] = [], baseMs: number[] = [], headMs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // Which engine goes first alternates: the second of a pair runs measurably faster (about
    // 2-3% when a checkout is compared with itself), so a fixed order would bias the ratio.
    let b: number, h: number;
    if (i % 2 === 0) (b = timeOf(base, texts)), (h = timeOf(head, texts));
    else (h = timeOf(head, texts)), (b = timeOf(base, texts));
    baseMs.push(b), headMs.push(h), ratios.push(h / b);
  }
  console.log(`${name.padEnd(44)} other ${median(baseMs).toFixed(3)}  this ${median(headMs).toFixed(3)}  ratio ${median(ratios).toFixed(3)}`);
}
