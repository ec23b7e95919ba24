// Plans shared by the protocol tests of alignment (alignment.test.ts, parents.test.ts).

/** A department's plan: acronym DEP, goal 1 with objectives 1.1 and 1.3 (its own numbering problem: no 1.2). */
export const PARENT = [
  'planwright: 1',
  'title: Department Plan',
  'organization: { name: Department, acronym: DEP }',
  'goals:',
  '  - id: "1"',
  '    title: Secure Borders',
  '    objectives:',
  '      - { id: "1.1", title: Manage Borders }',
  '      - { id: "1.3", title: Enforce Laws }',
  '',
].join('\n');
