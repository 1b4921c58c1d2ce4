import { checkProtocol, parseCustomProtocol } from '../engine/custom-protocol.ts';
import { parseWorded } from '../engine/issue-text.ts';
import type { Protocol } from '../engine/protocol-schema.ts';
import { getProtocol, isProtocolId } from '../engine/protocols.ts';
import { effectiveSettings, readPolicy, readStoredSettings, type Problem } from '../settings/merge.ts';
import { noConsentNamesSchema } from '../settings/schema.ts';
import { sameStored } from '../settings/layout.ts';
import type { EffectiveState } from '../shared/storage.ts';

// Pure: from what is stored (user settings, no-consent list, managed policy) to the effective
// state the content script and pages read. The last valid custom protocol stays in use while
// a new one is invalid. Pure so that it runs anywhere: the worker derives with it, and the
// popup too while the worker has not stored a state yet (right after install). A school's own
// protocol is read by src/engine/custom-protocol.ts (re-exported here for the tests that import
// it from this module).

export { parseCustomProtocol };

export function deriveEffective(input: { settings: unknown; customProtocol?: unknown; noConsentNames: unknown; managed: unknown; previous?: EffectiveState }, now = Date.now()): EffectiveState {
  const user = readStoredSettings(input.settings, input.customProtocol);
  const policy = readPolicy(input.managed);
  const { settings, fromPolicy, locked } = effectiveSettings(user.settings, policy.policy);
  const protocolProblems: Problem[] = [];
  let protocol = getProtocol(isProtocolId(settings.protocol) ? settings.protocol : 'algemeen');
  if (settings.protocol === 'custom') {
    const custom = parseCustomProtocol(settings.customProtocol);
    if (custom.protocol) protocol = custom.protocol;
    else {
      protocolProblems.push(...custom.problems);
      const kept = lastGoodProtocol(input.previous);
      if (kept) protocol = kept;
    }
  }
  const ownList = parseWorded(noConsentNamesSchema, input.noConsentNames ?? []);
  const names = [...new Set([...(policy.policy.noConsentNames ?? []), ...(ownList.success ? ownList.data : [])])];
  return {
    settings,
    protocol,
    noConsentNames: names,
    fromPolicy,
    locked,
    problems: { policy: policy.problems, settings: user.problems, protocol: protocolProblems },
    at: now,
  };
}

/** Whether two derived states say the same, whatever their `at`. The worker stores a state only
 * when it says something new: Firefox reports a write of equal values as a change, and whoever
 * writes on every change would then loop. */
export function sameEffective(a: EffectiveState | undefined, b: EffectiveState | undefined): boolean {
  if (!a || !b) return a === b;
  return sameStored({ ...a, at: 0 }, { ...b, at: 0 });
}

/** The custom protocol of a previous state, if that state is one (it is read back from storage
 * unchecked) and its protocol still passes the checks. */
function lastGoodProtocol(previous: unknown): Protocol | undefined {
  if (!previous || typeof previous !== 'object') return undefined;
  const { settings, protocol } = previous as { settings?: unknown; protocol?: unknown };
  if (!settings || typeof settings !== 'object' || (settings as { protocol?: unknown }).protocol !== 'custom') return undefined;
  return checkProtocol(protocol).protocol;
}
