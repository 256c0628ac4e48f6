/**
 * Same thing, other words: an engineering thesaurus of *synonyms and phrasings*. Where a concept
 * (concepts.ts) says two items are about the same area ("React" and "CSS" are both frontend), a
 * synonym says two spellings are the same term: "incident review" IS a postmortem, "design docs"
 * ARE design documents. Each entry's phrases are replaced by its one canonical term before TF-IDF,
 * so they weigh as one shared word (not as a concept hit) and the reason names both spellings.
 *
 * Phrases are matched on stems (terms.ts: the Porter stemmer, stopwords kept while matching), so
 * "incident reviews" and "reviewing incidents" are written once each; the longest phrase wins.
 * Edit with care: every entry makes two people's items meet. test/unit/mentorship/terms.test.ts
 * checks each entry reaches its canonical term and that no phrase belongs to two entries.
 */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  postmortem: ['postmortem', 'post mortem', 'incident review', 'reviewing incidents', 'incident retrospective', 'incident retro', 'post incident review', 'incident analysis', 'after action review'],
  blameless: ['blameless', 'blame', 'without blame', 'no blame', 'blame free', 'no finger pointing'],
  incident: ['incident', 'outage', 'production issue', 'sev1', 'sev2'],
  document: ['document', 'doc', 'write-up', 'writeup'],
  'design document': ['design document', 'design doc', 'technical design document', 'tech spec', 'technical spec', 'rfc', 'architecture decision record', 'adr'],
  kubernetes: ['kubernetes', 'kube'],
  frontend: ['frontend', 'fe', 'client side'],
  backend: ['backend', 'server side'],
  javascript: ['javascript', 'js', 'ecmascript', 'es6'],
  typescript: ['typescript', 'ts'],
  postgres: ['postgres', 'postgresql', 'psql'],
  database: ['database', 'db', 'rdbms', 'datastore', 'data store'],
  'continuous integration': ['continuous integration', 'ci'],
  'continuous delivery': ['continuous delivery', 'continuous deployment', 'cd'],
  observability: ['observability', 'o11y'],
  accessibility: ['accessibility', 'a11y'],
  internationalization: ['internationalization', 'internationalisation', 'i18n', 'localization', 'localisation', 'l10n'],
  performance: ['performance', 'perf'],
  microservice: ['microservice', 'micro service'],
  repository: ['repository', 'repo', 'monorepo'],
  authentication: ['authentication', 'authn', 'auth', 'login', 'sign in', 'single sign on', 'sso'],
  'code review': ['code review', 'reviewing code', 'pr review', 'pull request review', 'reviewing pull requests', 'reviewing prs', 'cr'],
  'public speaking': ['public speaking', 'giving talks', 'conference talk', 'speaking at conferences'],
  hiring: ['hiring', 'recruiting', 'interviewing'],
  estimation: ['estimation', 'story points', 'sizing'],
  'machine learning': ['machine learning', 'ml'],
  'large language model': ['large language model', 'llm', 'gpt'],
  refactoring: ['refactoring', 'legacy code', 'tech debt', 'technical debt'],
  'test driven development': ['test driven development', 'tdd', 'test first']
}

/**
 * Words that name a *kind* of topic rather than a topic: two items that share only such words ("React
 * frontend architecture" and "Kafka streaming architecture") are not about the same thing, so a
 * match resting on them alone is no match and never a reason. Where the word is the item's whole
 * topic ("Software architecture" and "Architecture reviews") it still counts.
 */
export const GENERIC_WORDS: readonly string[] = [
  'architecture', 'architectures', 'design', 'designing', 'system', 'systems', 'pattern', 'patterns', 'practice', 'practices',
  'principle', 'principles', 'platform', 'platforms', 'tool', 'tools', 'tooling', 'fundamental', 'fundamentals', 'concept',
  'concepts', 'strategy', 'strategies', 'approach', 'approaches', 'technique', 'techniques', 'solution', 'solutions',
  'software', 'code', 'coding', 'programming', 'technical', 'tech', 'technology', 'technologies', 'modern', 'large', 'complex',
  'application', 'applications', 'project', 'projects', 'team', 'teams', 'general', 'advanced', 'topic', 'topics'
]
