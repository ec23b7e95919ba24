// `planwright alignment [--format text|json|markdown] <files or folders...>`: for each plan the
// others align to, its goals and objectives with the child items aligned to each, those nothing
// supports marked, and a summary line. The plans given resolve each other's `aligns` entries.
import { readFormatAndPaths } from './options';
import { URI } from 'vscode-uri';
import type { PlanLanguageService } from '../service';
import { parentUri } from '../service/alignment';
import { fsErrorReason } from '../planFiles';
import { alignmentCoverage, coverageJson, coverageMarkdown, coverageText } from '../service/document/alignmentReport';

export const ALIGNMENT_USAGE = `       planwright alignment [--format text|json|markdown] <files or folders...>`;

export const ALIGNMENT_HELP = `alignment: for each plan that other plans align to (their \`aligns: [DHS 2.3]\` entries), lists
its goals and objectives with the items aligned to each, marks those nothing supports, and ends
with a summary line ("DHS 2020–2024: 6 of 6 goals and 19 of 27 objectives supported by 2 plans"). Give the
parent plans and their children together.`;

export const ALIGNMENT_OPTIONS = `  --format FORMAT     alignment: text (default), json or markdown`;

export const ALIGNMENT_EXIT = `Exit status (alignment):
  0  the report was printed
  2  usage error; or a path that holds no plan or cannot be read (named; the plans read are still
     reported; when none could be read, only the errors are printed)`;

interface Output {
  out: (s: string) => void;
  err: (s: string) => void;
}

type Loader = (targets: string[], io: Output) => Promise<{ service: PlanLanguageService; loaded: unknown[]; failures: { count: number; words: string[] } }>;

/** Exit status: 0 printed; 2 usage error, or a path that holds no plan or cannot be read (the others are still reported). */
export async function alignmentCommand(args: string[], io: Output, loadPlans: Loader, usage: string): Promise<number> {
  const read = readFormatAndPaths(args, ['text', 'json', 'markdown'] as const, io, usage, 'name the plan files or folders to report on: the parent plans and the plans aligned to them.', { md: 'markdown' });
  if (typeof read === 'number') return read;
  const { format, targets } = read;
  const { service, loaded, failures } = await loadPlans(targets, io);
  // No plan read: the errors above say why; a report of nothing would only hide them.
  if (!loaded.length) return 2;
  const report = alignmentCoverage(service.workspace);
  io.out(format === 'json' ? coverageJson(report) : format === 'markdown' ? coverageMarkdown(report) : coverageText(report));
  return failures.count ? 2 : 0;
}

/**
 * The plans that the loaded plans' `parents:` name and that were not given: read too (not
 * reported), so that a component's plan checked alone resolves its `aligns` entries against the
 * parent plan it names. Parents' parents likewise; a file that cannot be read is left out (the
 * entries naming it are reported unresolved).
 */
export async function loadParents(service: PlanLanguageService, read: (file: string) => Promise<string>): Promise<void> {
  const seen = new Set(service.workspace.uris());
  const queue = [...seen];
  while (queue.length) {
    const doc = service.workspace.get(queue.shift()!);
    for (const link of doc?.model.parents ?? []) {
      if (!link.path) continue;
      const uri = parentUri(doc!.uri, link.path.text);
      if (!uri || seen.has(uri)) continue;
      seen.add(uri);
      const parsed = URI.parse(uri);
      if (parsed.scheme !== 'file') continue;
      try {
        service.update(uri, await read(parsed.fsPath));
        queue.push(uri);
      } catch (e) {
        // Not there or not readable: the entries naming it say so, and why (as the editor's do).
        const code = (e as NodeJS.ErrnoException)?.code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') service.workspace.setUnreadable(uri, fsErrorReason(e));
      }
    }
  }
}
