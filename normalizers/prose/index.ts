// Facts and code definitions from the prose of a disclosure (情况说明, 名词解释).
export { extractProseFacts, type ProseFact, type ProseOptions, type ChainPart, type ProseLine } from './facts.js';
export { collectDefinitions, chainResolverFromDefinitions, nameResolverFromDefinitions } from './definitions.js';
export { proseKnowledge, statementsPath, type ProseKnowledge, type StatementSpec } from './knowledge.js';
