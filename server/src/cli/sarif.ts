// `planwright check --format sarif`: SARIF 2.1.0 (OASIS), so that code-scanning tools (GitHub code
// scanning, Azure DevOps, the SARIF viewer) show Planwright's findings: one run; the driver's
// rules are every code of rules.ts with its words and default level; each result has its rule,
// level, message and exact region (1-based lines and columns in UTF-16 code units, as LSP counts
// them); files are named relative to the working folder (%SRCROOT%), as code scanning expects.
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { RULE_CODES, RULES, type Level } from '../service/rules';
import type { FileReport } from './configReport';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type SarifLevel = 'none' | 'note' | 'warning' | 'error';
const LEVEL: Record<Level, SarifLevel> = { off: 'none', hint: 'note', information: 'note', warning: 'warning', error: 'error' };
const SEVERITY: SarifLevel[] = ['error', 'error', 'warning', 'note', 'note'];

function region(r: Range) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** The SARIF log of `reports`; `cwd` is the folder artifact URIs are relative to. */
export function toSarif(reports: readonly FileReport[], cwd: string, version: string): Record<string, unknown> {
  const ruleIndex = new Map(RULE_CODES.map((c, i) => [c as string, i]));
  const artifacts: { location: { uri: string; uriBaseId?: string } }[] = [];
  const artifactIndex = new Map<string, number>();
  const base = URI.file(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).toString();
  const location = (uri: string) => {
    let i = artifactIndex.get(uri);
    if (i === undefined) {
      const file = URI.parse(uri).fsPath;
      const rel = path.relative(cwd, file);
      const inside = rel && !rel.startsWith('..') && !path.isAbsolute(rel);
      const loc = inside ? { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' } : { uri };
      i = artifacts.length;
      artifacts.push({ location: loc });
      artifactIndex.set(uri, i);
    }
    return { ...artifacts[i].location, index: i };
  };
  const results = reports.flatMap(({ uri, diagnostics }) =>
    diagnostics.map((d: Diagnostic) => {
      const id = String(d.code ?? '');
      const result: Record<string, unknown> = {
        ruleId: id,
        level: SEVERITY[d.severity ?? 1],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: location(uri), region: region(d.range) } }],
      };
      const index = ruleIndex.get(id);
      if (index !== undefined) result.ruleIndex = index;
      if (d.relatedInformation?.length) {
        result.relatedLocations = d.relatedInformation.map((r, k) => ({ id: k, message: { text: r.message }, physicalLocation: { artifactLocation: location(r.location.uri), region: region(r.location.range) } }));
      }
      return result;
    }),
  );
  const rules = RULE_CODES.map((id) => {
    const r = RULES[id];
    return {
      id,
      shortDescription: { text: r.short },
      fullDescription: { text: r.full },
      help: { text: r.help },
      // A style rule is off unless a config file turns it on: not enabled by default.
      defaultConfiguration: r.level === 'off' ? { enabled: false, level: 'warning' } : { level: LEVEL[r.level] },
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Planwright', informationUri: 'https://github.com/planwright/planwright', version, semanticVersion: version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: base } },
        artifacts,
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
