import * as assert from 'assert';
import * as vscode from 'vscode';
import { ERRORS, ICE, codeOf, numberingDiagnostics, openSample, planwrightDiagnostics, positionOf, revert, waitFor } from './util';

const ALL_CODES = ['yaml-syntax', 'schema', 'numbering-sequence', 'numbering-parent', 'numbering-duplicate', 'numbering-format', 'reference-unresolved'];

describe('Diagnostics in the editor', () => {
  it('lists every kind of problem of the error sample, each on the line its comment names', async () => {
    const { doc } = await openSample(ERRORS);
    const diags = await waitFor(
      `the codes ${ALL_CODES.join(', ')} on ${ERRORS}`,
      () => planwrightDiagnostics(doc.uri).map((d) => ({ code: codeOf(d), line: d.range.start.line, severity: d.severity })),
      (ds) => ALL_CODES.every((c) => ds.some((d) => d.code === c)),
    );
    // Each problem of the sample, found by the text of its line (0-based lines in the editor).
    const expected: [string, string, number, vscode.DiagnosticSeverity][] = [
      ['reference-unresolved', '"2.9"', 1, vscode.DiagnosticSeverity.Error],
      ['numbering-sequence', 'id: "1.1.3"', 1, vscode.DiagnosticSeverity.Error],
      ['numbering-format', 'id: 1.2', 1, vscode.DiagnosticSeverity.Warning],
      ['schema', 'titel:', 1, vscode.DiagnosticSeverity.Error],
      ['reference-unresolved', 'OPSS', 1, vscode.DiagnosticSeverity.Error],
      ['numbering-parent', 'id: "3.2"', 1, vscode.DiagnosticSeverity.Error],
      ['numbering-duplicate', 'id: "2.1"', 2, vscode.DiagnosticSeverity.Error],
      ['numbering-format', 'id: "2.4.a"', 1, vscode.DiagnosticSeverity.Error],
      ['yaml-syntax', 'Grow Trade: Sustainably', 1, vscode.DiagnosticSeverity.Error],
    ];
    for (const [code, needle, nth, severity] of expected) {
      const line = positionOf(doc, needle, 0, nth).line;
      assert.ok(
        diags.some((d) => d.code === code && d.line === line && d.severity === severity),
        `expected ${code} on line ${line + 1} (${needle}); got ${JSON.stringify(diags)}`,
      );
    }
  });

  it('shows at most planwright.maxNumberOfProblems problems, the most serious first with a note of how many are left out, and all of them once it is reset', async () => {
    const { doc } = await openSample(ERRORS);
    const config = () => vscode.workspace.getConfiguration('planwright');
    const all = await waitFor(`the problems of ${ERRORS}`, () => planwrightDiagnostics(doc.uri), (ds) => ALL_CODES.every((c) => ds.some((d) => codeOf(d) === c)));
    try {
      await config().update('maxNumberOfProblems', 4, vscode.ConfigurationTarget.Global);
      const capped = await waitFor('4 problems, the last saying how many more there are', () => planwrightDiagnostics(doc.uri), (ds) => ds.length === 4);
      const note = capped.find((d) => codeOf(d) === 'problems-limit');
      assert.ok(note, JSON.stringify(capped.map(codeOf)));
      assert.strictEqual(note.message, `${all.length - 3} more problems are not shown: this plan has ${all.length}, and the editor shows the 3 most serious. To see every one, run \`planwright check\` on the file, or raise the setting planwright.maxNumberOfProblems (0 shows all).`);
      assert.ok(capped.filter((d) => d !== note).every((d) => d.severity === vscode.DiagnosticSeverity.Error), 'errors before warnings');
      // The counts of them all reach the extension (its status bar counts with them).
      const errors = all.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
      const warnings = all.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
      assert.deepStrictEqual((note as { data?: { errors?: number; warnings?: number } }).data && { errors: (note as any).data.errors, warnings: (note as any).data.warnings }, { errors, warnings });
    } finally {
      await config().update('maxNumberOfProblems', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('every problem again', () => planwrightDiagnostics(doc.uri), (ds) => ds.length === all.length && !ds.some((d) => codeOf(d) === 'problems-limit'));
  });

  it('shows a numbering error as soon as an objective gets a wrong number, and drops it on undo', async () => {
    const { doc, editor } = await openSample(ICE);
    const original = doc.getText();
    try {
      const range = positionOf(doc, 'id: "1.2"', 4);
      const idRange = new vscode.Range(range, range.translate(0, 5)); // "1.2" with its quotes
      assert.strictEqual(doc.getText(idRange), '"1.2"');
      // The ICE plan has no numbering problem to begin with.
      await waitFor(`no numbering problem in ${ICE}`, () => numberingDiagnostics(doc.uri), (ds) => ds.length === 0, 15_000);

      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, idRange, '"1.7"');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const errors = await waitFor(
        'a numbering error after renumbering objective 1.2 as 1.7',
        () => numberingDiagnostics(doc.uri),
        (ds) => ds.some((d) => d.range.start.line === idRange.start.line),
      );
      assert.ok(errors.every((d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning));

      await vscode.window.showTextDocument(editor.document, { preview: false });
      await vscode.commands.executeCommand('undo');
      assert.strictEqual(doc.getText(), original, 'undo restores the text');
      await waitFor('the numbering errors to go after undo', () => numberingDiagnostics(doc.uri), (ds) => ds.length === 0);
    } finally {
      await revert(doc);
    }
  });
});
