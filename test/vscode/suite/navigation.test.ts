import * as assert from 'assert';
import * as vscode from 'vscode';
import { ICE, activeExtension, brief, hoverText, openSample, positionOf, revert, sampleUri, waitFor } from './util';

const GOALS = [
  '1 Empower the Workforce that Powers the Mission',
  '2 Counter Threats and Protect the Homeland',
  '3 Safeguard the Integrity of our Immigration System',
  '4 Combat Organizations that Exploit Lawful Trade, Travel, and Financial Systems',
  '5 Strengthen and Expand Partnerships to Advance the Mission',
];

describe('Finding one\'s way in the ICE plan', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    await activeExtension();
    ({ doc } = await openSample(ICE));
  });

  it('gives an outline with mission, vision, values, units and the 5 goals', async () => {
    const symbols = await waitFor(
      'document symbols of the ICE plan',
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri),
      (s) => Array.isArray(s) && s.length > 0,
    );
    assert.deepStrictEqual(symbols.map((s) => s.name), ['mission', 'vision', 'values', 'units', ...GOALS]);
    const goals = symbols.slice(4);
    assert.deepStrictEqual(goals.map((g) => g.children.length), [4, 3, 2, 4, 4], 'objectives per goal');
    const subs = goals.flatMap((g) => g.children).reduce((n, o) => n + o.children.length, 0);
    assert.strictEqual(subs, 53, 'sub-objectives in all');
  });

  it('lists fewer levels in the outline when planwright.maxItemsComputed is lowered, and all of them again when it is reset', async () => {
    const config = () => vscode.workspace.getConfiguration('planwright');
    const count = (ss: vscode.DocumentSymbol[]): number => ss.reduce((n, s) => n + 1 + count(s.children), 0);
    const symbols = () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const editor = await vscode.window.showTextDocument(doc);
    try {
      await config().update('maxItemsComputed', 40, vscode.ConfigurationTarget.Global);
      // A new version of the text, so that the editor asks the server again.
      await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount, 0), '# outline\n'));
      // 13 symbols for mission, vision, values and units, 5 goals, 17 objectives: no sub-objectives.
      const capped = await waitFor('an outline without sub-objectives', symbols, (s) => Array.isArray(s) && count(s) === 35);
      assert.match(capped[4].children[0].detail, /^Objective · \d+ sub-objectives? not listed here$/);
    } finally {
      await config().update('maxItemsComputed', undefined, vscode.ConfigurationTarget.Global);
    }
    try {
      await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount, 0), '# outline\n'));
      await waitFor('the whole outline again', symbols, (s) => Array.isArray(s) && count(s) === 13 + 5 + 17 + 53);
    } finally {
      await revert(doc);
    }
  });

  it('shows the title of the item a related entry names when hovering it', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'related: "1.4.4"', 11));
    const text = hoverText(hovers);
    assert.ok(text.includes('1.4.4 Transform the Workplace to Maximize Mobility, Flexibility, and Efficiency'), text);
  });

  it('goes from a related entry to the item it names', async () => {
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, positionOf(doc, 'related: "1.4.4"', 11));
    assert.strictEqual(found.length, 1, JSON.stringify(found));
    const [d] = found;
    const uri = 'targetUri' in d ? d.targetUri : d.uri;
    const range = 'targetUri' in d ? (d.targetSelectionRange ?? d.targetRange) : d.range;
    assert.strictEqual(uri.toString(), doc.uri.toString());
    assert.strictEqual(range.start.line, positionOf(doc, 'id: "1.4.4"').line);
    assert.ok(doc.getText(range).includes('1.4.4'), doc.getText(range));
  });

  it('lists objective 2.2 and the two related entries naming it as its references', async () => {
    const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, positionOf(doc, 'id: "2.2"', 5));
    assert.deepStrictEqual(
      found.map((l) => `${l.uri.toString() === doc.uri.toString() ? 'ice' : l.uri.toString()}@${brief(l.range)}`).sort(),
      ['ice@312:18-23', 'ice@318:12-17', 'ice@428:18-23'],
    );
  });

  it('puts "3 references" above objective 4.2 once the editor resolves its lens, and opens the references from it', async () => {
    // The server lists lenses without titles; the editor resolves them (codeLens/resolve): here
    // every lens, as `vscode.executeCodeLensProvider` does when given how many to resolve.
    const lenses = await waitFor(
      'resolved code lenses of the ICE plan',
      () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100),
      (l) => Array.isArray(l) && l.length > 0 && l.every((x) => x.command?.title),
    );
    const line = positionOf(doc, 'id: "4.2"').line;
    const lens = lenses.find((l) => l.range.start.line === line);
    assert.ok(lens, `no lens on line ${line}: ${lenses.map((l) => `${l.range.start.line} ${l.command?.title}`).join(', ')}`);
    assert.strictEqual(lens.command!.title, '3 references');
    assert.strictEqual(lens.command!.command, 'planwright.showReferences');
    const places = lens.command!.arguments![2] as { range: { start: { line: number } } }[];
    assert.strictEqual(places.length, 3);
    assert.ok(lenses.every((l) => !/^0 /.test(l.command!.title)), lenses.map((l) => l.command!.title).join(', '));
    // The command the lens carries opens VS Code's references peek (the client converts its JSON arguments).
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand(lens.command!.command, ...lens.command!.arguments!);
    await vscode.commands.executeCommand('closeReferenceSearch');
  });

  it('refuses to rename objective 1.4 to 1.5, saying it would leave a gap', async () => {
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, positionOf(doc, 'id: "1.4"', 5), '1.5')),
      (e: Error) => /gap/.test(e.message) || assert.fail(`unexpected refusal: ${e.message}`),
    );
  });

  it('renames an objective numbered 1.5 back to 1.4, with its sub-objectives and the related entry naming one of them', async () => {
    const original = doc.getText();
    // The plan with objective 1.4 numbered 1.5, its sub-objectives and the entry naming one of them following.
    const damaged = original
      .replace('id: "1.4"', 'id: "1.5"')
      .replace(/id: "1\.4\.(\d)"/g, 'id: "1.5.$1"')
      .replace('related: "1.4.4"', 'related: "1.5.4"');
    try {
      const damage = new vscode.WorkspaceEdit();
      damage.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(original.length)), damaged);
      assert.ok(await vscode.workspace.applyEdit(damage));
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, positionOf(doc, 'id: "1.5"', 5), '1.4');
      assert.ok(edit, 'a rename edit');
      assert.deepStrictEqual(edit.entries().map(([u, edits]) => [u.toString(), edits.length]), [[sampleUri(ICE).toString(), 6]]);
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.strictEqual(doc.getText(), original);
    } finally {
      await revert(doc);
    }
  });
});
