import type { LessonBlock, Weekday } from '../engine/types.ts';

// The timetable as lines of text, one lesson block per line: "ma 08:30-12:00" (Dutch or
// English day names). Easy to type, read aloud and edit with a keyboard.

const DAYS: Record<string, Weekday> = {
  ma: 'mon', maandag: 'mon', mon: 'mon', monday: 'mon',
  di: 'tue', dinsdag: 'tue', tue: 'tue', tuesday: 'tue',
  wo: 'wed', woensdag: 'wed', wed: 'wed', wednesday: 'wed',
  do: 'thu', donderdag: 'thu', thu: 'thu', thursday: 'thu',
  vr: 'fri', vrijdag: 'fri', fri: 'fri', friday: 'fri',
  za: 'sat', zaterdag: 'sat', sat: 'sat', saturday: 'sat',
  zo: 'sun', zondag: 'sun', sun: 'sun', sunday: 'sun',
};
const NL: Record<Weekday, string> = { mon: 'ma', tue: 'di', wed: 'wo', thu: 'do', fri: 'vr', sat: 'za', sun: 'zo' };
const LINE = /^\s*(\p{L}+)\s+(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})\s*$/u;

export function parseTimetable(text: string): { blocks: LessonBlock[]; errors: { line: number; text: string }[] } {
  const blocks: LessonBlock[] = [];
  const errors: { line: number; text: string }[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    if (!raw.trim()) continue;
    const m = LINE.exec(raw);
    const day = m ? DAYS[m[1]!.toLowerCase()] : undefined;
    if (!m || !day) {
      errors.push({ line: i + 1, text: raw.trim() });
      continue;
    }
    const pad = (h: string, min: string) => `${h.padStart(2, '0')}:${min}`;
    blocks.push({ day, from: pad(m[2]!, m[3]!), to: pad(m[4]!, m[5]!) });
  }
  return { blocks, errors };
}

export function formatTimetable(blocks: readonly LessonBlock[]): string {
  return blocks.map((b) => `${NL[b.day]} ${b.from}-${b.to}`).join('\n');
}
