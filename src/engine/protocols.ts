import aeresMbo from '../protocols/aeres-mbo.json' with { type: 'json' };
import cvoBaarnSoest from '../protocols/cvo-baarn-soest.json' with { type: 'json' };
import ooh from '../protocols/ooh.json' with { type: 'json' };
import vsnon from '../protocols/vsnon.json' with { type: 'json' };
import willibrordMiland from '../protocols/willibrord-miland.json' with { type: 'json' };
import { protocolSchema, type Protocol } from './protocol-schema.ts';

// The five bundled protocols. They are validated at build time (scripts/validate-protocols.ts)
// and parsed here once more, so that defaults are applied and the types are exact.

export const PROTOCOL_IDS = ['aeres-mbo', 'cvo-baarn-soest', 'ooh', 'vsnon', 'willibrord-miland'] as const;
export type ProtocolId = (typeof PROTOCOL_IDS)[number];

const RAW: Record<ProtocolId, unknown> = {
  'aeres-mbo': aeresMbo,
  'cvo-baarn-soest': cvoBaarnSoest,
  ooh,
  vsnon,
  'willibrord-miland': willibrordMiland,
};

const parsed = new Map<string, Protocol>();

export function isProtocolId(id: string): id is ProtocolId {
  return (PROTOCOL_IDS as readonly string[]).includes(id);
}

export function getProtocol(id: ProtocolId): Protocol {
  let protocol = parsed.get(id);
  if (!protocol) {
    protocol = protocolSchema.parse(RAW[id]);
    parsed.set(id, protocol);
  }
  return protocol;
}
