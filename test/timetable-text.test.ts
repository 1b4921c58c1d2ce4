import { describe, expect, it } from 'vitest';
import { formatTimetable, parseTimetable } from '../src/options/timetable-text.ts';

describe('timetable as text', () => {
  it('reads Dutch and English day names and h:mm / h.mm times', () => {
    expect(parseTimetable('ma 08:30-12:00\nFriday 8.30 – 14:00\n\n')).toEqual({
      blocks: [
        { day: 'mon', from: '08:30', to: '12:00' },
        { day: 'fri', from: '08:30', to: '14:00' },
      ],
      errors: [],
    });
  });
  it('reports lines it cannot read, with their number', () => {
    expect(parseTimetable('ma 08:30-12:00\nmaandag negen uur\nxx 08:00-09:00').errors).toEqual([
      { line: 2, text: 'maandag negen uur' },
      { line: 3, text: 'xx 08:00-09:00' },
    ]);
  });
  it('round-trips through its Dutch text form', () => {
    const blocks = [{ day: 'wed' as const, from: '13:15', to: '15:00' }];
    expect(parseTimetable(formatTimetable(blocks)).blocks).toEqual(blocks);
  });
});
