// Facts and code definitions from the prose of a disclosure (情况说明, 名词解释).
export { extractProseFacts, type ProseFact, type ProseLine } from './facts.js';
export { collectDefinitions, chainResolverFromDefinitions, nameResolverFromDefinitions } from './definitions.js';
export { proseKnowledge } from './knowledge.js';
