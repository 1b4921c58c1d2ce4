import { ruleTester } from './rule-tester.ts';

// 2026-11-23 is a Monday.
const timetable = [{ day: 'mon' as const, from: '08:30', to: '12:00' }];

ruleTester('lesson-time', {
  valid: [
    { text: 'Even pauze.', timetable, at: new Date(2026, 10, 23, 12, 30) },
    { text: 'Even pauze.', at: new Date(2026, 10, 23, 9, 0) },
    { text: 'Even pauze.', timetable, at: new Date(2026, 10, 24, 9, 0) },
    { text: 'Even pauze.', timetable, at: new Date(2026, 10, 23, 9, 0), role: 'parent' },
    { text: 'Even pauze.', timetable, at: new Date(2026, 10, 23, 9, 0), protocol: 'aeres-mbo' },
  ],
  invalid: [
    { text: 'Even pauze.', timetable, at: new Date(2026, 10, 23, 9, 0), errors: [{ messageId: 'duringLesson', severity: 'warning', data: { from: '08:30', to: '12:00' } }] },
    { text: 'saai', timetable, at: new Date(2026, 10, 23, 8, 30), role: 'pupil', errors: [{ messageId: 'duringLesson' }] },
  ],
});
