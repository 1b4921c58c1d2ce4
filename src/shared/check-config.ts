import type { CheckConfig } from '../engine/config.ts';
import type { Protocol } from '../engine/protocol-schema.ts';
// Only the demo school's protocol: the content script carries the one protocol in use, not
// all five (the settings issue delivers the chosen one from storage).
import demoProtocol from '../protocols/cvo-baarn-soest.json' with { type: 'json' };

// Where the content script gets its configuration from. Until the settings issue builds the
// background worker and options page, this returns a built-in demo configuration; that issue
// replaces this one function with a read from storage (and a change listener).

export const DEMO_CONFIG = {
  protocol: 'cvo-baarn-soest',
  role: 'employee',
  school: { name: 'Griftland College', aliases: ['Griftland'] },
  jobTitle: 'docent',
} as const;

export async function loadCheckConfig(): Promise<CheckConfig> {
  return {
    protocol: demoProtocol as Protocol,
    role: DEMO_CONFIG.role,
    school: { name: DEMO_CONFIG.school.name, aliases: [...DEMO_CONFIG.school.aliases] },
    jobTitle: DEMO_CONFIG.jobTitle,
  };
}
