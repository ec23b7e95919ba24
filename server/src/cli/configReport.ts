// The CLI's side of config files: read the ones that apply to the plans checked, and list their
// own problems (on the config file, as the editor shows them) with the plans' findings.
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { configFileDiagnostics, RuleConfigs, useRuleConfigs } from '../ruleConfig';
import type { PlanLanguageService } from '../service';

/** One file's findings, as `check` prints them. */
export interface FileReport {
  /** As the user named it (plans) or relative to the working folder (config files). */
  file: string;
  uri: string;
  diagnostics: Diagnostic[];
}

/** Reads the config files of `files` and makes the service use them. */
export async function applyRuleConfigs(service: PlanLanguageService, files: readonly string[]): Promise<RuleConfigs> {
  const configs = new RuleConfigs();
  for (const f of files) await configs.prepare(f);
  useRuleConfigs(service.workspace, configs);
  return configs;
}

/** The problems of the config files that apply to `plans`, each file once, in the order first used. */
export function configReports(configs: RuleConfigs, plans: readonly string[]): FileReport[] {
  const out: FileReport[] = [];
  const seen = new Set<string>();
  for (const plan of plans) {
    const c = configs.configOf(plan);
    if (!c || seen.has(c.file)) continue;
    seen.add(c.file);
    if (!c.config.problems.length) continue;
    const { uri, diagnostics } = configFileDiagnostics(c);
    const rel = path.relative(process.cwd(), c.file);
    out.push({ file: rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : c.file, uri, diagnostics });
  }
  return out;
}
