import * as assert from 'assert';
import { SymbolKind } from 'vscode-languageserver-types';
import { PlanWorkspace } from '../documents';
import { ICE, ICE_URI, lines, load, textAt } from '../test-util';
import { MAX_WORKSPACE_SYMBOLS, provideWorkspaceSymbols } from './workspaceSymbols';

const ICE_TITLE = 'U.S. Immigration and Customs Enforcement Strategic Plan 2021-2025';

describe('workspace symbols', () => {
  const { doc } = load(ICE, ICE_URI);
  const names = (query: string) => provideWorkspaceSymbols([doc], query).map((s) => s.name);

  it('finds a number and everything numbered under it, the exact number first', () => {
    const found = provideWorkspaceSymbols([doc], '2.3');
    assert.deepStrictEqual(found.map((s) => s.name), [
      '2.3 Effectively Manage Security Risks',
      '2.3.1 Stop the Criminal Acquisition of Sensitive Materials and Technologies, and Counter the Proliferation of Weapons of Mass Destruction',
      '2.3.2 Prevent Terrorist and Criminal Travel to and from the United States',
      '2.3.3 Build a Culture of Relentless Resilience',
    ]);
    assert.deepStrictEqual(found.map((s) => s.containerName), ['Goal 2', 'Goal 2 › Objective 2.3', 'Goal 2 › Objective 2.3', 'Goal 2 › Objective 2.3']);
    assert.deepStrictEqual(found.map((s) => s.kind), [SymbolKind.Class, SymbolKind.Method, SymbolKind.Method, SymbolKind.Method]);
    assert.strictEqual(found[0].location.uri, ICE_URI);
    assert.deepStrictEqual(found[0].location.range, { start: { line: 344, character: 8 }, end: { line: 375, character: 59 } });
  });

  it('finds titles whose words start with every word of the query, in any case', () => {
    assert.deepStrictEqual(names('recr hire'), ['1.1 Recruit, Hire, and Retain a Diverse and Highly Capable Workforce']);
    assert.deepStrictEqual(names('HIRE RECR'), ['1.1 Recruit, Hire, and Retain a Diverse and Highly Capable Workforce']);
    assert.deepStrictEqual(names('hir'), [
      '1.1 Recruit, Hire, and Retain a Diverse and Highly Capable Workforce',
      '1.1.2 Employ Innovative and Effective Management Practices to Efficiently Manage the Hiring Process',
    ]);
    assert.deepStrictEqual(names('ecruit'), []);
  });

  it('narrows a number with words of the title', () => {
    assert.deepStrictEqual(names('2.3 resil'), ['2.3.3 Build a Culture of Relentless Resilience']);
  });

  it('finds units by id or by a word of their name, in the plan named as container', () => {
    const [ero] = provideWorkspaceSymbols([doc], 'ero');
    assert.strictEqual(ero.name, 'ERO — Enforcement and Removal Operations');
    assert.strictEqual(ero.kind, SymbolKind.Object);
    assert.strictEqual(ero.containerName, ICE_TITLE);
    assert.ok(textAt(doc, ero.location.range).startsWith('id: ERO\n    name: Enforcement and Removal Operations'));
    assert.deepStrictEqual(names('legal advis'), ['OPLA — Office of the Principal Legal Advisor']);
  });

  it('names the plan as the container of a goal', () => {
    const [g] = provideWorkspaceSymbols([doc], '4');
    assert.strictEqual(g.name, '4 Combat Organizations that Exploit Lawful Trade, Travel, and Financial Systems');
    assert.strictEqual(g.containerName, ICE_TITLE);
  });

  it('lists every unit and item in document order for an empty query', () => {
    const all = provideWorkspaceSymbols([doc], '');
    assert.strictEqual(all.length, 6 + 5 + 17 + 53);
    assert.strictEqual(all[0].name, 'OD — Office of the Director');
    assert.strictEqual(all[6].name, '1 Empower the Workforce that Powers the Mission');
    assert.strictEqual(all[7].name, '1.1 Recruit, Hire, and Retain a Diverse and Highly Capable Workforce');
    assert.strictEqual(all[8].name, '1.1.1 Improve Outreach to Attract a Talented and Diverse Pool of Qualified Candidates');
    assert.strictEqual(all[all.length - 1].name, '5.4.3 Enhance Cooperation with Immigration Enforcement through Strategic Foreign Engagement');
  });

  it('puts the exact number first, then numbers under it, then title matches, in document order', () => {
    const { doc: d } = load(lines(
      'title: Harbor',
      'goals:',
      '  - id: "2"',
      '    title: 1 Berth per Ship',
      '  - id: "1"',
      '    title: Cargo',
      '    objectives:',
      '      - id: "1.10"',
      '        title: Cranes',
      '      - id: "1.1"',
      '        title: Gates',
      '      - id: "11.1"',
      '        title: Not under 1',
    ));
    assert.deepStrictEqual(provideWorkspaceSymbols([d], '1').map((s) => s.name), ['1 Cargo', '1.10 Cranes', '1.1 Gates', '2 1 Berth per Ship', '11.1 Not under 1']);
    assert.deepStrictEqual(provideWorkspaceSymbols([d], '1.1').map((s) => s.name), ['1.1 Gates']);
  });

  it('matches titles without regard to accents, and counts ranges in UTF-16 on CRLF lines', () => {
    const text = ['goals:', '  - id: "1"', '    title: Sécurité — 安全 🚢', ''].join('\r\n');
    const { doc: d } = load(text, 'file:///work/port.plan.yaml');
    for (const q of ['securite', 'SÉCU', '安', '安全']) {
      const found = provideWorkspaceSymbols([d], q);
      assert.deepStrictEqual(found.map((s) => s.name), ['1 Sécurité — 安全 🚢'], q);
    }
    const [s] = provideWorkspaceSymbols([d], 'secu');
    assert.deepStrictEqual(s.location.range, { start: { line: 1, character: 4 }, end: { line: 2, character: 27 } });
    assert.strictEqual(s.containerName, 'port.plan.yaml');
  });

  it('searches every plan it is given, in the order given', () => {
    const ws = new PlanWorkspace();
    const a = ws.update('file:///work/a.plan.yaml', lines('title: A', 'units:', '  - { id: OPS, name: Operations }', 'goals:', '  - { id: "1", title: Open the Port }'));
    const b = ws.update('file:///work/b.plan.yaml', lines('title: B', 'goals:', '  - { id: "1", title: Operate Cranes }'));
    const found = provideWorkspaceSymbols([a, b], 'op');
    assert.deepStrictEqual(found.map((s) => [s.name, s.containerName, s.location.uri]), [
      ['OPS — Operations', 'A', 'file:///work/a.plan.yaml'],
      ['1 Open the Port', 'A', 'file:///work/a.plan.yaml'],
      ['1 Operate Cranes', 'B', 'file:///work/b.plan.yaml'],
    ]);
    assert.deepStrictEqual(provideWorkspaceSymbols([a, b], 'ops').map((s) => s.name), ['OPS — Operations']);
  });

  it(`returns at most ${MAX_WORKSPACE_SYMBOLS} symbols, the best matches kept`, () => {
    const goals: string[] = [];
    for (let i = 1; i <= 600; i++) goals.push(`  - { id: "${i}", title: Goal number ${i} }`);
    const { doc: d } = load(lines('goals:', ...goals));
    assert.strictEqual(provideWorkspaceSymbols([d], '').length, 500);
    const found = provideWorkspaceSymbols([d], '599');
    assert.strictEqual(found[0].name, '599 Goal number 599');
    assert.strictEqual(provideWorkspaceSymbols([d], 'goal').length, 500);
    assert.strictEqual(provideWorkspaceSymbols([d], 'goal')[499].name, '500 Goal number 500');
  });

  it('does not throw on half-typed or broken plans', () => {
    const texts = ['', 'goals:\n  -', 'goals:\n  - id:', 'goals:\n  - id: "1\n', 'goals: [ { id: "1", title: A }, ', 'units:\n  - id: OPS\n    name: [Ops\n', '- a\n- b\n'];
    const docs = texts.map((t, i) => load(t, `file:///work/b${i}.plan.yaml`).doc);
    for (const q of ['', '1', 'a', 'ops', '1.']) provideWorkspaceSymbols(docs, q);
    assert.deepStrictEqual(provideWorkspaceSymbols(docs, 'ops').map((s) => s.name), ['OPS']);
  });
});
