// `planwright report`: the annual performance report of each plan given: every measure with its
// baseline, targets, results and status per fiscal year, and a summary per goal. The computation
// is the service's (service/document/report.ts); this is its command line.
import { readFormatAndPaths } from './options';
import type { PlanLanguageService } from '../service';
import { performanceReport, reportJson, reportMarkdown, reportText } from '../service/document/report';

export const REPORT_USAGE = `       planwright report [--format text|json|markdown] <files or folders...>`;

export const REPORT_HELP = `report: prints the performance report of each plan: every measure with its baseline, and per
fiscal year its target, its result and whether it was met (met / not met / no result yet), with
a summary per goal ("2 of 3 measures met in FY2027"). A plan with problems is still reported as it
reads, and stderr says how many it has.`;

export const REPORT_OPTIONS = `  --format FORMAT     report: text (default), json (one array, an entry per plan) or markdown`;

export const REPORT_EXIT = `Exit status (report):
  0  every plan was reported
  2  usage error; a path that holds no plan or cannot be read (named; the other plans are still reported)`;

interface Output {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** The plans on the paths given, read into one service (the CLI's loadPlans). */
type LoadPlans = (targets: string[], io: Output) => Promise<{ service: PlanLanguageService; loaded: { file: string; uri: string }[]; failures: { count: number; words: string[] } }>;

export async function report(args: string[], io: Output, loadPlans: LoadPlans, usage: string): Promise<number> {
  const read = readFormatAndPaths(args, ['text', 'json', 'markdown'] as const, io, usage, 'name the plan files or folders to report on.', { md: 'markdown' });
  if (typeof read === 'number') return read;
  const { format, targets } = read;
  const { service, loaded, failures } = await loadPlans(targets, io);
  const json: unknown[] = [];
  const texts: string[] = [];
  for (const { file, uri } of loaded) {
    const doc = service.getPlanDocument(uri);
    if (!doc) continue;
    const { errors, warnings } = doc.problems;
    if (errors || warnings) {
      io.err(`planwright: "${file}" has ${[errors && plural(errors, 'error'), warnings && plural(warnings, 'warning')].filter(Boolean).join(' and ')}; reported as it reads (run planwright check to list them).`);
    }
    const r = performanceReport(doc);
    if (format === 'json') json.push(reportJson(r, file));
    else texts.push(format === 'markdown' ? reportMarkdown(r, file) : reportText(r, file));
  }
  if (format === 'json') io.out(JSON.stringify(json, null, 2));
  else if (texts.length) io.out(texts.join(format === 'markdown' ? '\n' : '\n\n'));
  return failures.count ? 2 : 0;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
