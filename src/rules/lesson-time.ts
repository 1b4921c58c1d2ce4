import type { LessonBlock, Weekday } from '../engine/types.ts';
import { defineRule } from './define-rule.ts';

// No social media during lessons (CVO A.1, OOH A.1, VSNON 8, Willibrord A.1).
const DAY_BY_INDEX: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function lessonAt(at: Date, timetable: readonly LessonBlock[]): LessonBlock | undefined {
  const day = DAY_BY_INDEX[at.getDay()];
  const now = at.getHours() * 60 + at.getMinutes();
  return timetable.find((b) => b.day === day && minutes(b.from) <= now && now < minutes(b.to));
}

export default defineRule({
  id: 'lesson-time',
  meta: {
    type: 'conduct',
    description: 'ruleLessonTimeDescription',
    defaultSeverity: 'warning',
    defaultRoles: ['employee', 'pupil'],
    messages: {
      duringLesson: 'ruleLessonTimeDuringLesson',
    },
    schema: {},
    defaultOptions: {},
  },
  check(draft, { config }) {
    if (!draft.at || !config.timetable?.length) return [];
    const block = lessonAt(draft.at, config.timetable);
    return block ? [{ messageId: 'duringLesson', data: { from: block.from, to: block.to } }] : [];
  },
});
