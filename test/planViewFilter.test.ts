// The Plan view's "measures not met" filter, as the manifest wires it: one of two commands in the
// view's title bar at a time, by the context key the view sets (client/src/planView.ts).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const source = fs.readFileSync(path.join(ROOT, 'client/src/planView.ts'), 'utf8');
const constant = (name: string) => new RegExp(`export const ${name} = '([^']+)'`).exec(source)?.[1];

describe('Plan view filter', () => {
  const command = (on: boolean) => new RegExp(`registerCommand\\('([^']+)', \\(\\) => this\\.setNotMetOnly\\(${on}\\)\\)`).exec(source)?.[1];
  const filter = command(true);
  const showAll = command(false);
  const key = constant('NOT_MET_CONTEXT');

  it('contributes the commands the view registers, with a filter icon each', () => {
    assert.ok(filter && showAll && key, 'planView.ts names both commands and the context key');
    const commands = pkg.contributes.commands.filter((c: { command: string }) => c.command === filter || c.command === showAll);
    assert.deepStrictEqual(commands.map((c: { title: string; icon: string }) => [c.title, c.icon]), [['Show Only Measures Not Met', '$(filter)'], ['Show All Items', '$(filter-filled)']]);
  });

  it('shows the filter button in the Plan view\'s title bar while every item shows, and the button to show all while filtered', () => {
    const title = pkg.contributes.menus['view/title'];
    assert.deepStrictEqual(title.find((m: { command: string }) => m.command === filter).when, `view == planwright.planView && !${key}`);
    assert.deepStrictEqual(title.find((m: { command: string }) => m.command === showAll).when, `view == planwright.planView && ${key}`);
  });

  it('asks the server for the filtered tree with every level it asks for', () => {
    // Both requests of the view (the goals, and the children of an item) carry the filter.
    assert.strictEqual(source.match(/depth: 1, \.\.\.this\.filter\(\) \}/g)?.length, 2);
    assert.match(source, /filter: 'measures-not-met'/);
  });
});
