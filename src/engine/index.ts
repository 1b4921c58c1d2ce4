// The engine's public entry for Node (CLI, scripts): it checks with the bundled lexicon files.
import './bundled-engine-data.ts';
// Public surface of the engine, used by the content script, popup, CLI and tests.
export { check, detectSignals, findingsFor, MAX_TEXT } from './analyze.ts';
export type { CheckConfig } from './config.ts';
export { getProtocol, isProtocolId, PROTOCOL_IDS, type ProtocolId } from './protocols.ts';
export { protocolSchema, type Protocol } from './protocol-schema.ts';
export * from './types.ts';
