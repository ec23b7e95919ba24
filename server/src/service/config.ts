// A Planwright config file (`.planwright.yaml` or `.planwright.json`, see docs/plan-format.md):
// its text read into rule settings, and its mistakes reported in plain words on the file itself.
// No I/O: the server and the CLI find and read the file (server/src/ruleConfig.ts) and hand the
// text in. A mistake costs only its own entry: the rest of the file still applies.
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { DiagnosticCode, PlanDiagnostic } from './model';
import { isRuleCode, LEVELS, RULE_CODES, RULES, type Level, type RuleSetting, type RuleSettings } from './rules';
import { closest, span, type Span } from './text';
import { isTooDeep, parseYaml } from './yamlText';

/** The config file names, nearest folder first (as markdownlint's `.markdownlint.yaml`). */
export const CONFIG_FILE_NAMES = ['.planwright.yaml', '.planwright.yml', '.planwright.json'] as const;

export interface RuleConfig {
  settings: RuleSettings;
  /** Mistakes in the file (code config-invalid), with spans into its text. */
  problems: PlanDiagnostic[];
}

const TOP_KEYS = ['rules', '$schema'];

function rangeOf(node: Node | Pair | null | undefined, fallback: Span): Span {
  const r = (node as Node | null | undefined)?.range;
  return r ? span(r[0], r[1]) : fallback;
}

function levelWords(): string {
  return `${LEVELS.slice(0, -1).join(', ')} or ${LEVELS[LEVELS.length - 1]}`;
}

/** Reads a config file's text; `name` is its file name, for messages. */
export function readRuleConfig(text: string, name = '.planwright.yaml'): RuleConfig {
  const problems: PlanDiagnostic[] = [];
  const settings = new Map<DiagnosticCode, RuleSetting>();
  const whole = span(0, text.length);
  const problem = (s: Span, message: string) => problems.push({ span: s, severity: 'error', code: 'config-invalid', message });
  const doc = parseYaml(text);
  if (isTooDeep(doc)) {
    problem(span(doc.tooDeep, doc.tooDeep), `${name} nests lists or mappings too deeply to be a Planwright config file; it is ignored.`);
    return { settings, problems };
  }
  if (doc.errors.length) {
    for (const e of doc.errors.slice(0, 1)) {
      const [a, b] = e.pos;
      const format = name.endsWith('.json') ? 'JSON' : 'YAML';
      problem(span(a, Math.max(a, b)), `${name} is not valid ${format} here (${e.message.split('\n')[0].replace(/\s*at line \d+, column \d+:?$/, '')}); the file is ignored until it is fixed.`);
    }
    return { settings, problems };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { settings, problems };
  if (!isMap(root)) {
    problem(rangeOf(root, whole), `${name} should hold \`rules:\` followed by rule names and levels, e.g. \`rules: { title-too-long: warning }\`; it is ignored.`);
    return { settings, problems };
  }
  for (const pair of root.items) {
    const key = keyText(pair);
    const keySpan = rangeOf(pair.key as Node, whole);
    if (key === undefined || !TOP_KEYS.includes(key)) {
      const guess = key === undefined ? undefined : closest(key, ['rules']);
      problem(keySpan, `${key === undefined ? 'This key' : `\`${key}\``} is not a setting of ${name}${guess ? `. Did you mean \`${guess}\`?` : ''} The file holds \`rules:\`.`);
      continue;
    }
    if (key !== 'rules') continue;
    const rules = pair.value as Node | null;
    if (rules === null || (isScalar(rules) && rules.value === null)) continue;
    if (!isMap(rules)) {
      problem(rangeOf(rules, keySpan), '`rules` should list rule names with their levels, one a line (`title-too-long: warning`).');
      continue;
    }
    readRules(rules, settings, problem, keySpan);
  }
  return { settings, problems };
}

function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) && (typeof pair.key.value === 'string' || typeof pair.key.value === 'number') ? String(pair.key.value) : undefined;
}

function readRules(rules: YAMLMap, settings: Map<DiagnosticCode, RuleSetting>, problem: (s: Span, m: string) => void, fallback: Span): void {
  for (const pair of rules.items) {
    const code = keyText(pair);
    const keySpan = rangeOf(pair.key as Node, fallback);
    if (code === undefined || !isRuleCode(code)) {
      const guess = code === undefined ? undefined : closest(code, RULE_CODES);
      problem(keySpan, `${code === undefined ? 'This key' : `\`${code}\``} is not a Planwright rule.${guess ? ` Did you mean \`${guess}\`?` : ''} The rules are listed in the README.`);
      continue;
    }
    const value = pair.value as Node | null;
    const valueSpan = rangeOf(value, span(keySpan.end, keySpan.end));
    const level = (v: Scalar | Node | null, where: Span): Level | undefined => {
      const word = isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
      if (word !== undefined && (LEVELS as string[]).includes(word)) return word as Level;
      const said = isScalar(v) ? `"${String(v.value)}"` : 'this';
      const guess = word ? closest(word, LEVELS) : undefined;
      problem(where, `${said} is not a level for ${code}: use ${levelWords()}.${guess ? ` Did you mean ${guess}?` : ''}`);
      return undefined;
    };
    if (isMap(value)) {
      const setting: RuleSetting = {};
      const options = RULES[code].options ?? {};
      for (const p of value.items) {
        const k = keyText(p);
        const kSpan = rangeOf(p.key as Node, valueSpan);
        const v = p.value as Node | null;
        const vSpan = rangeOf(v, span(kSpan.end, kSpan.end));
        if (k === 'level') {
          const l = level(v, vSpan);
          if (l) setting.level = l;
        } else if (k !== undefined && Object.prototype.hasOwnProperty.call(options, k)) {
          const o = options[k];
          const n = isScalar(v) && typeof v.value === 'number' ? v.value : NaN;
          if (!Number.isInteger(n) || n < o.minimum) problem(vSpan, `\`${k}\` of ${code} should be a whole number of at least ${o.minimum} (${o.description.replace(/\.$/, '').toLowerCase()}).`);
          else (setting.options ??= {})[k] = n;
        } else {
          const names = ['level', ...Object.keys(options)];
          const guess = k === undefined ? undefined : closest(k, names);
          const has = names.map((n) => `\`${n}\``).join(names.length > 2 ? ', ' : ' and ');
          problem(kSpan, `${k === undefined ? 'This key' : `\`${k}\``} is not a setting of ${code}${guess ? `. Did you mean \`${guess}\`? It has ${has}.` : `: it has ${has}.`}`);
        }
      }
      settings.set(code, setting);
    } else if (isSeq(value) || value === null || !isScalar(value)) {
      const options = Object.entries(RULES[code].options ?? {}).map(([n, o]) => `, ${n}: ${o.default}`).join('');
      problem(valueSpan, `${code} needs a level: ${levelWords()}.${options ? ` Or its level and options: \`{ level: warning${options} }\`.` : ''}`);
    } else {
      const l = level(value, valueSpan);
      if (l) settings.set(code, { level: l });
    }
  }
}
