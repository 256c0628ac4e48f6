/**
 * Deterministic made-up content for the scale dataset: the same seed gives the same dataset (ids
 * aside, which the stores draw themselves). Nothing here touches the stores.
 */
export type Rng = () => number

/** mulberry32: small, fast, good enough for test data */
export function rng(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1))
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!

/** `n` distinct items of `xs` (n ≤ xs.length) */
export function sample<T>(r: Rng, xs: readonly T[], n: number): T[] {
  const pool = [...xs]
  const out: T[] = []
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]!)
  return out
}

const FIRST = [
  'Ada', 'Bruno', 'Chiara', 'Dmitri', 'Esme', 'Farid', 'Gwen', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Lars', 'Maya', 'Nils', 'Olga',
  'Priya', 'Quentin', 'Rosa', 'Sami', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zoe', 'Amara', 'Bilal', 'Carmen', 'Dario'
]
const LAST = [
  'Okafor', 'Lindqvist', 'Moreau', 'Petrova', 'Nakamura', 'Haddad', 'Schmidt', 'Silva', 'Kowalski', 'Nguyen', 'Brennan', 'Rossi',
  'Adeyemi', 'Johansson', 'Castillo', 'Yilmaz', 'Fischer', 'Tanaka', 'Mensah', 'Duarte'
]

/** the i-th person's full name, distinct for i < FIRST.length × LAST.length */
export function personName(i: number): string {
  return `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`
}

export const DEPTS = ['engg', 'Platform', 'Growth', 'Data', 'Design', 'Mobile', 'Security', 'Payments']
export const ZONES = ['Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Europe/Lisbon']
export const TEAM_NAMES = ['Atlas', 'Borealis', 'Comet', 'Delta', 'Ember', 'Fjord', 'Granite', 'Harbor', 'Iris', 'Juniper', 'Kestrel', 'Lumen']

/** skills people can mentor in or want to grow in: the matcher reads these as free text */
export const SKILLS = [
  'Designing REST APIs that stay backwards compatible',
  'Running Kubernetes clusters in production',
  'Writing Terraform modules for shared infrastructure',
  'Profiling slow PostgreSQL queries and indexes',
  'Leading incident response and writing postmortems',
  'Planning a sprint with an unclear backlog',
  'Giving feedback in one-on-ones',
  'Interviewing backend engineers',
  'Building accessible React components',
  'Testing React apps with Playwright end to end',
  'Migrating a monolith to services step by step',
  'Designing event-driven systems with Kafka',
  'Writing technical design documents',
  'Presenting architecture to non-engineers',
  'Mentoring junior engineers through their first year',
  'Estimating large projects and tracking risk',
  'Setting up CI pipelines that stay fast',
  'Observability with traces, metrics and logs',
  'Securing web apps against OWASP top ten issues',
  'Data modelling for analytics warehouses',
  'Running A/B experiments and reading the results',
  'Building iOS apps in Swift',
  'Building Android apps in Kotlin',
  'Optimising web performance and Core Web Vitals',
  'Managing stakeholders on a cross-team project',
  'Hiring and onboarding a new team',
  'Writing clear product requirements with designers',
  'Refactoring legacy Java code safely',
  'Scaling Redis caches and queues',
  'Machine learning model deployment',
  'Public speaking at engineering meetups',
  'Negotiating scope with product managers',
  'Code review that teaches rather than blocks',
  'On-call rotations that do not burn people out',
  'Domain-driven design workshops',
  'Rust for command line tools',
  'Go services with gRPC',
  'TypeScript type design for large codebases',
  'Accessibility audits with screen readers',
  'Cost control for cloud infrastructure'
]
const HOBBIES = ['climbing', 'chess', 'sourdough', 'cycling', 'jazz piano', 'birding', 'board games', 'running', 'pottery', 'sailing']
const RESOURCES = ['The Manager’s Path', 'Designing Data-Intensive Applications', 'Staff Engineer', 'Accelerate', 'An Elegant Puzzle', 'Team Topologies']

export function hobbies(r: Rng): string[] {
  return sample(r, HOBBIES, int(r, 1, 3))
}
export function resources(r: Rng): string[] {
  return sample(r, RESOURCES, int(r, 1, 2))
}

const OBSERVATIONS = [
  'Deploys on Friday afternoons keep causing weekend pages',
  'The staging environment was down for two days',
  'Pairing on the payment refactor worked really well',
  'Too many meetings in the second week of the sprint',
  'Code reviews waited more than a day on average',
  'The new on-call handbook saved us during the outage',
  'Flaky end-to-end tests blocked merges again',
  'Product requirements changed after planning',
  'Great collaboration with the design team on onboarding',
  'We underestimated the data migration',
  'Dependency on the platform team delayed the release',
  'Retro actions from last sprint were actually done',
  'Monitoring alerts were noisy and ignored',
  'Knowledge of the billing service sits with one person',
  'Demo went smoothly and stakeholders were happy',
  'Support tickets interrupted focus time',
  'The sprint goal was clear and everyone knew it',
  'CI takes 40 minutes, which slows every change',
  'Documentation for the search API is out of date',
  'New joiner onboarding took longer than planned'
]

export function cardText(r: Rng, sprint: number, k: number): string {
  return `${pick(r, OBSERVATIONS)} (sprint ${sprint}, #${k + 1})`
}

const ACTIONS = [
  'Add a deploy freeze after Thursday noon',
  'Pair on reviews for 30 minutes each morning',
  'Quarantine the flaky tests and file tickets',
  'Write the billing service runbook together',
  'Ask product for a requirements freeze at planning',
  'Trim the alert rules to the ones we act on',
  'Book focus blocks on the team calendar'
]
export function actionText(r: Rng): string {
  return pick(r, ACTIONS)
}

const TICKET_TITLES = [
  'Migrate invoices to the new schema',
  'Add SSO for enterprise customers',
  'Fix timezone bug in reports',
  'Speed up search indexing',
  'Replace the legacy mail sender',
  'Rate limit the public API',
  'Export dashboards as PDF',
  'Split the user service database'
]
export function ticketTitle(r: Rng): string {
  return pick(r, TICKET_TITLES)
}

const NOTE_LINES = [
  'We talked about how to say no to extra scope without sounding defensive.',
  'Walked through the design doc draft; the risks section needs numbers.',
  'Reviewed last week’s incident timeline and what the pager told us too late.',
  'Practised the architecture talk; the second half is too dense.',
  'Looked at two pull requests together and how to leave kinder comments.',
  'Discussed the promotion packet and which projects show impact.',
  'Sketched the migration plan in three reversible steps.',
  'Compared notes on running a retrospective that ends in actions.'
]
const NEXT_STEPS = [
  'Send the revised doc before Thursday',
  'Shadow the next on-call handover',
  'Book a 30 minute dry run of the talk',
  'Read two chapters of Staff Engineer',
  'Try the feedback model in the next one-on-one',
  'Draft the postmortem and share it for comments'
]

/** a session's notes as Markdown: a short check-in, what was discussed, next steps */
export function sessionMarkdown(r: Rng, n: number, mentee: string): string {
  const lines = sample(r, NOTE_LINES, int(r, 2, 4))
  const steps = sample(r, NEXT_STEPS, int(r, 2, 3))
  return [
    `## Session ${n}`,
    '',
    `Check-in: ${mentee} ${pick(r, ['is energised after the launch', 'had a heavy week of interviews', 'is back from holiday', 'is preparing for a big demo'])}.`,
    '',
    ...lines.map((l) => `- ${l}`),
    '',
    '### Next steps',
    '',
    ...steps.map((s) => `- ${s}`)
  ].join('\n')
}

/** ISO date `days` after `from` (both YYYY-MM-DD, UTC arithmetic) */
export function addDays(from: string, days: number): string {
  const d = new Date(`${from}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
