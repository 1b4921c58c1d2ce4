import algemeen from '../protocols/algemeen.json' with { type: 'json' };
import aeresMbo from '../protocols/aeres-mbo.json' with { type: 'json' };
import cvoBaarnSoest from '../protocols/cvo-baarn-soest.json' with { type: 'json' };
import ooh from '../protocols/ooh.json' with { type: 'json' };
import vsnon from '../protocols/vsnon.json' with { type: 'json' };
import willibrordMiland from '../protocols/willibrord-miland.json' with { type: 'json' };
import type { Protocol } from './protocol-schema.ts';

// The bundled protocols: the general one (PostWijs's own summary of what Dutch school protocols
// agree on, the default for a school that is not listed) and five schools' own. They are validated by the zod schema at build time
// (scripts/validate-protocols.ts) and in the tests, which also check that parsing changes
// nothing (no defaults are missing), so at run time they are used as they are: the schema
// library stays out of the content script.

export const PROTOCOL_IDS = ['algemeen', 'aeres-mbo', 'cvo-baarn-soest', 'ooh', 'vsnon', 'willibrord-miland'] as const;
export type ProtocolId = (typeof PROTOCOL_IDS)[number];

const RAW: Record<ProtocolId, unknown> = {
  algemeen,
  'aeres-mbo': aeresMbo,
  'cvo-baarn-soest': cvoBaarnSoest,
  ooh,
  vsnon,
  'willibrord-miland': willibrordMiland,
};

export function isProtocolId(id: string): id is ProtocolId {
  return (PROTOCOL_IDS as readonly string[]).includes(id);
}

export function getProtocol(id: ProtocolId): Protocol {
  return RAW[id] as Protocol;
}

/** The bundled documents as they are stored, for the tests that validate them. */
export function rawProtocol(id: ProtocolId): unknown {
  return RAW[id];
}
