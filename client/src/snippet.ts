// The New Plan template as a snippet: each `<words>` of templates/new.plan.yaml becomes a tab
// stop with those words selected, so a writer tabs from one blank to the next (the sample ids
// too); and the file name a plan's title suggests. No `vscode` import, so plain mocha tests
// cover it.

/**
 * The template's sample ids: the organization's acronym and the example unit's id. They stay
 * valid ids in the file (a unit id starts with a letter, so `<...>` cannot mark them); each value
 * written as one of them is a tab stop, the same one wherever it recurs (`id: OPS` and
 * `lead: OPS`), so typing the unit's id once renames it everywhere.
 */
export const TEMPLATE_IDS: readonly string[] = ['ORG', 'OPS'];

/**
 * Snippet syntax for `template`: `<words>` → `${n:words}`, a value that is one of `ids` →
 * `${n:id}` (mirrored where it recurs), everything else literal.
 */
export function templateSnippet(template: string, ids: readonly string[] = TEMPLATE_IDS): string {
  let n = 0;
  const stops = new Map<string, number>();
  const literal = template.replace(/[$}\\]/g, (c) => `\\${c}`);
  const idPattern = ids.length ? `|(?<=: |- |\\[|, )(${ids.map((i) => i.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?=[ \\t]*(?:[,\\]}#\\r\\n\\\\]|$))` : '';
  return literal.replace(new RegExp(`<([^<>\\n]+)>${idPattern}`, 'gm'), (_, words: string | undefined, id: string | undefined) => {
    if (words !== undefined) return `\${${++n}:${words}}`;
    let k = stops.get(id!);
    if (k === undefined) stops.set(id!, (k = ++n));
    return `\${${k}:${id}}`;
  });
}

/**
 * The file name a plan's title suggests: `Harbor City Strategic Plan 2026-2030` →
 * `harbor-city-strategic-plan-2026-2030.plan.yaml` (letters and digits of any script, words
 * joined by `-`); `fallback` when the title has none.
 */
export function planFileName(title: string | undefined, fallback = 'new'): string {
  const words = (title ?? '').normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const stem = words.join('-').slice(0, 80).replace(/-+$/, '');
  return `${stem || fallback}.plan.yaml`;
}

/** The text the editor holds once the snippet is inserted, before the writer types anything. */
export function templateText(template: string): string {
  return template.replace(/<([^<>\n]+)>/g, '$1');
}
