// Plans and a session helper shared by the protocol tests of alignment (alignment.test.ts, parents.test.ts).
import * as fs from 'fs';
import { TestClient } from './lspClient';

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

/** A component's plan (acronym CMP) whose goal 1 aligns to DEP 1.1 and DEP 1.3; `parents` the inside of its `parents: { }`, if any. */
export function childPlan(parents = ''): string {
  return [
    'planwright: 1',
    'title: Component Plan',
    'organization: { name: Component, acronym: CMP }',
    ...(parents ? [`parents: { ${parents} }`] : []),
    'goals:',
    '  - id: "1"',
    '    title: Enforce',
    '    aligns: [DEP 1.1, "DEP 1.3"]',
    '',
  ].join('\n');
}

export const codes = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => d.code);

/** Runs `body` with a new server, then shuts it down and removes the folder `root`, whatever happened. */
export async function withServer(root: string, body: (client: TestClient) => Promise<void>, client = new TestClient()): Promise<void> {
  try {
    await body(client);
  } finally {
    await client.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
