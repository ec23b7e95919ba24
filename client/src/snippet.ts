// The New Plan template as a snippet: each `<words>` of templates/new.plan.yaml becomes a tab
// stop with those words selected, so a writer tabs from one blank to the next. No `vscode`
// import, so plain mocha tests cover it.

/** Snippet syntax for `template`: `<words>` → `${n:words}`, everything else literal. */
export function templateSnippet(template: string): string {
  let n = 0;
  const literal = template.replace(/[$}\\]/g, (c) => `\\${c}`);
  return literal.replace(/<([^<>\n]+)>/g, (_, words: string) => `\${${++n}:${words}}`);
}

/** The text the editor holds once the snippet is inserted, before the writer types anything. */
export function templateText(template: string): string {
  return template.replace(/<([^<>\n]+)>/g, '$1');
}
