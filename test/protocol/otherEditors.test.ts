// Editors other than VS Code (Neovim, Helix, ...): the server must not hand them commands only the
// VS Code extension runs, and what it logs about a failure must reach their logs as an error.
import * as assert from 'assert';
import { TestClient } from './lspClient';
import { CLIENT_COMMANDS } from '../../client/src/protocol';

const URI = 'file:///ws/city.plan.yaml';
const PLAN = [
  'planwright: 1',
  'title: Harbor City Strategic Plan',
  'units:',
  '  - id: OHCD',
  '    name: Office of Housing and Community Development',
  '    kind: office',
  'goals:',
  '  - id: "1"',
  '    title: Housing for Everyone',
  '    objectives:',
  '      - id: "1.1"',
  '        title: Build Homes',
  '        lead: OHCD',
  '      - id: "1.2"',
  '        title: Keep Rents Fair',
  '        related: ["1.1"]',
  '        support: [NEW]',
  '        le',
  '',
].join('\n');
const KEY_LINE = 17; // `        le`
const UNKNOWN_UNIT = 16;

async function start(capabilities: object): Promise<{ client: TestClient; commands: string[] }> {
  const client = new TestClient();
  const init = await client.initialize('file:///ws', capabilities);
  client.open(URI, PLAN);
  await client.waitForDiagnostics(URI);
  return { client, commands: init.capabilities.executeCommandProvider.commands };
}

/** The plan's code lenses, each resolved as the editor does (Neovim resolves each lens it shows: codeLens/resolve). */
async function resolvedLenses(client: TestClient): Promise<{ range: { start: { line: number } }; command: { title: string; command: string; arguments: unknown[] } }[]> {
  const lenses = await client.request('textDocument/codeLens', { textDocument: { uri: URI } });
  return Promise.all(lenses.map((l: object) => client.request('codeLens/resolve', l)));
}

/** Every command named in completion items, code lenses and code actions on the plan. */
async function commandsHandedOut(client: TestClient): Promise<{ completion: string[]; lenses: { command: string; arguments: unknown[] }[]; actions: string[] }> {
  const list = await client.request('textDocument/completion', { textDocument: { uri: URI }, position: { line: KEY_LINE, character: 10 } });
  const lenses = await resolvedLenses(client);
  const diagnostics = (await client.waitForDiagnostics(URI)).filter((d) => d.range.start.line === UNKNOWN_UNIT);
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri: URI }, range: diagnostics[0].range, context: { diagnostics } });
  assert.ok(list.items.some((i: { label: string }) => i.label === 'lead'), 'completion offers `lead`');
  assert.ok(actions.some((a: { title: string }) => a.title.startsWith('Create unit NEW')), 'Create unit is offered');
  return {
    // Each command once: several keys carry the same one (`lead`, `support`, `aligns` suggest their values).
    completion: [...new Set<string>(list.items.filter((i: { command?: unknown }) => i.command).map((i: { command: { command: string } }) => i.command.command))],
    lenses: lenses.map((l) => l.command),
    actions: actions.filter((a: { command?: unknown }) => a.command).map((a: { command: { command: string } }) => a.command.command),
  };
}

describe('language server over stdio: editors other than VS Code', function () {
  this.timeout(20000);

  it('hands an editor that declares no planwright commands only commands the server itself runs, in completion items, code lenses and code actions', async () => {
    const { client, commands } = await start({ window: { showDocument: { support: true } } });
    try {
      assert.ok(commands.includes('planwright.showReferences'), commands.join(', '));
      const handed = await commandsHandedOut(client);
      assert.deepStrictEqual(handed.completion, []);
      assert.deepStrictEqual(handed.actions, []);
      assert.ok(handed.lenses.length >= 2);
      for (const l of handed.lenses) assert.ok(commands.includes(l.command), `${l.command} is not a command the server runs`);
    } finally {
      await client.shutdown();
    }
  });

  it('runs a code lens\'s planwright.showReferences itself: shows the first place that names the item and lists them', async () => {
    const { client } = await start({ window: { showDocument: { support: true } } });
    try {
      const lenses = await resolvedLenses(client);
      const lens = lenses.find((l) => l.range.start.line === 10)!; // "1.1", named by 1.2's related
      assert.strictEqual(lens.command.title, '1 reference');
      const r = await client.request('workspace/executeCommand', { command: lens.command.command, arguments: lens.command.arguments });
      assert.strictEqual(r.locations.length, 1);
      assert.deepStrictEqual(client.shownDocuments, [{ uri: URI, takeFocus: true, selection: { start: { line: 15, character: 18 }, end: { line: 15, character: 23 } } }]);
    } finally {
      await client.shutdown();
    }
    // Without window/showDocument (Neovim 0.7), a message lists the places.
    const old = await start({});
    try {
      const lenses = await resolvedLenses(old.client);
      const unit = lenses.find((l) => l.range.start.line === 3)!;
      await old.client.request('workspace/executeCommand', { command: unit.command.command, arguments: unit.command.arguments });
      assert.deepStrictEqual(old.client.shownMessages.map((m) => [m.type, m.message]), [[3, '1 reference: city.plan.yaml:13']]);
    } finally {
      await old.client.shutdown();
    }
  });

  it('hands the VS Code extension, which declares its commands, the suggest, references and snippet commands, and does not register the references command itself', async () => {
    const { client, commands } = await start({ experimental: { planwright: { commands: CLIENT_COMMANDS } } });
    try {
      assert.ok(!commands.includes('planwright.showReferences'), 'VS Code registers planwright.showReferences itself: the server must not (the client would fail to register it twice)');
      const handed = await commandsHandedOut(client);
      // Keys whose values are offered next (`lead`, `aligns`) each re-open the suggestions.
      assert.deepStrictEqual([...new Set(handed.completion)], ['editor.action.triggerSuggest']);
      assert.deepStrictEqual(handed.actions, ['planwright.insertSnippet']);
      assert.ok(handed.lenses.every((l) => l.command === 'planwright.showReferences'));
    } finally {
      await client.shutdown();
    }
  });

  it('logs a handler that fails as an error (window/logMessage type 1), which Neovim records at its default level', async () => {
    const { client } = await start({});
    try {
      // A position that is no position: the hover handler throws, the guard answers null.
      const r = await client.request('textDocument/hover', { textDocument: { uri: URI }, position: null as unknown as object });
      assert.strictEqual(r, null);
      const failure = client.logEntries.find((e) => e.message.includes('hover failed'));
      assert.ok(failure, JSON.stringify(client.logEntries));
      assert.strictEqual(failure.type, 1);
    } finally {
      await client.shutdown();
    }
  });
});
