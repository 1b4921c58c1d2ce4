// The public rule ids, for modules that need only the ids (the protocol drafting, the option
// checks). They derive from the registry (index.ts), so a rule is registered in one place;
// no rule file imports this module, so importing the registry here makes no cycle.
export { isRuleId, RULE_IDS, type RuleId } from './index.ts';
