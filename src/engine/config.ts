import type { Protocol } from './protocol-schema.ts';
import type { LessonBlock, Role, SchoolIdentity } from './types.ts';

/** What the engine needs to know about the person writing and their school. */
export interface CheckConfig {
  protocol: Protocol;
  role: Role;
  school: SchoolIdentity;
  /** e.g. "docent biologie"; used in the affiliation line and for CVO's function duty. */
  jobTitle?: string;
  /** The user's own disclaimer text; default is the protocol's wording. */
  disclaimer?: string;
  /** Pupils without photo/name consent. Stays on the device. */
  noConsentNames?: string[];
  /** Lesson hours for the lesson-time rule. */
  timetable?: LessonBlock[];
}
