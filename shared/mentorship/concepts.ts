import { phraseStems, type Token } from './terms.ts'

/**
 * A small, curated engineering thesaurus: people name the same topic with different words
 * ("UI development", "frontend", "React"), so each item is expanded with the *concepts* its words
 * belong to. A concept becomes one extra term of the item ("concept:frontend") and is weighed by
 * TF-IDF like any word, so a concept that every item has counts for little.
 *
 * Each concept lists words and short phrases; they are tokenised and stemmed exactly like the
 * items, so "tests", "testing" and "tested" all hit "test". A word may belong to several concepts.
 * Porter stems can merge words of different topics ("production" and "product" both stem to
 * "product"), so such words are left out ("production" would make every product item operational).
 * Edit with care: every entry here can make two people's items meet, and the reasons shown to
 * users name the concept ("related: frontend").
 */
export const CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  frontend: ['frontend', 'ui', 'user interface', 'react', 'redux', 'css', 'html', 'vue', 'angular', 'svelte', 'browser', 'web app', 'single page app', 'spa', 'design system', 'component library', 'accessibility'],
  backend: ['backend', 'service', 'microservice', 'api', 'server', 'rest', 'grpc', 'graphql', 'endpoint', 'django', 'rails', 'flask', 'spring', 'node'],
  process: ['process', 'kanban', 'scrum', 'agile', 'sprint', 'retrospective', 'standup', 'lean', 'workflow', 'ceremony', 'work in progress', 'wip', 'throughput'],
  testing: ['testing', 'test', 'qa', 'quality', 'quality assurance', 'bug', 'regression', 'tdd', 'coverage', 'e2e', 'code review'],
  infrastructure: ['infrastructure', 'infra', 'devops', 'kubernetes', 'docker', 'container', 'terraform', 'aws', 'gcp', 'azure', 'cloud', 'deploy', 'deployment', 'ci', 'cd', 'continuous integration', 'continuous delivery', 'pipeline', 'circleci', 'jenkins', 'ansible', 'helm'],
  operations: ['observability', 'monitoring', 'logging', 'alerting', 'tracing', 'oncall', 'incident', 'postmortem', 'sre', 'reliability', 'uptime', 'pager'],
  data: ['data', 'database', 'sql', 'postgres', 'postgresql', 'mysql', 'query', 'schema', 'warehouse', 'etl', 'analytics', 'bigquery', 'spark', 'kafka', 'data pipeline'],
  'machine learning': ['machine learning', 'ml', 'deep learning', 'ai', 'llm', 'data science', 'pytorch', 'tensorflow', 'model training', 'neural network'],
  mobile: ['mobile', 'ios', 'iphone', 'ipad', 'android', 'swift', 'kotlin', 'react native', 'app store', 'flutter'],
  ios: ['ios', 'iphone', 'ipad', 'swift', 'swiftui', 'uikit', 'xcode', 'objective c'],
  android: ['android', 'kotlin', 'jetpack compose', 'gradle'],
  leadership: ['leadership', 'lead', 'leading', 'manager', 'management', 'manage', 'team lead', 'tech lead', 'people', 'hiring', 'interview', 'delegation', 'delegate', 'oneonone', 'feedback', 'coaching', 'mentoring'],
  communication: ['communication', 'writing', 'presentation', 'public speaking', 'talk', 'storytelling', 'stakeholder', 'influence', 'negotiation'],
  architecture: ['architecture', 'system design', 'distributed system', 'scalability', 'scaling', 'scale', 'event driven', 'domain driven', 'ddd', 'microservice', 'design pattern'],
  security: ['security', 'authentication', 'authorization', 'oauth', 'encryption', 'vulnerability', 'threat model', 'penetration', 'appsec', 'compliance', 'soc2', 'pci', 'secure'],
  performance: ['performance', 'latency', 'optimization', 'optimize', 'profiling', 'caching', 'cache', 'memory', 'speed', 'fast'],
  product: ['product', 'roadmap', 'customer', 'user research', 'discovery', 'prioritization', 'prioritize', 'product management', 'customer value'],
  'knowledge sharing': ['knowledge sharing', 'knowledge share', 'documentation', 'docs', 'wiki', 'confluence', 'onboarding', 'tech talk', 'brown bag', 'teaching'],
  career: ['career', 'promotion', 'staff engineer', 'principal engineer', 'career ladder', 'dev plan', 'growth plan'],
  payments: ['billing', 'payment', 'invoice', 'invoicing', 'stripe', 'subscription', 'pricing', 'checkout'],
  goals: ['okr', 'goal', 'objective', 'key result', 'kpi', 'measure', 'measurement', 'metric']
}

export const CONCEPT_PREFIX = 'concept:'

interface ConceptPhrase {
  concept: string
  stems: readonly string[]
}

const PHRASES: readonly ConceptPhrase[] = Object.entries(CONCEPTS)
  .flatMap(([concept, phrases]) => phrases.map((phrase) => ({ concept, stems: phraseStems(phrase) })))
  .filter((phrase) => phrase.stems.length > 0)

/**
 * How often each concept is touched by a token stream: the number of its words and phrases found
 * ("UI development with Vue and CSS" touches frontend 3 times), in concept-table order. Phrases
 * match consecutive stems; "React Native" touches mobile and frontend, which is intended.
 */
export function conceptHits(tokens: readonly Token[]): Map<string, number> {
  const stems = tokens.map((token) => token.stem)
  const hits = new Map<string, number>()
  for (const phrase of PHRASES) {
    for (let at = 0; at + phrase.stems.length <= stems.length; at++) {
      if (phrase.stems.every((stem, offset) => stems[at + offset] === stem)) hits.set(phrase.concept, (hits.get(phrase.concept) ?? 0) + 1)
    }
  }
  return new Map(Object.keys(CONCEPTS).filter((c) => hits.has(c)).map((c) => [c, hits.get(c) ?? 0]))
}
