// The extension's static parts: the TextMate grammars and the package manifest's contributions.
// VS Code runs the grammars with Oniguruma; here every regex is compiled by JavaScript (after
// rewriting the few Oniguruma-only constructs) and the plan rules are run on real plan lines.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { templateSnippet, templateText } from '../client/src/snippet';
import { createLanguageService } from '../server/src/service';

const ROOT = path.resolve(__dirname, '../..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const json = (p: string) => JSON.parse(read(p));

const pkg = json('package.json');
const GRAMMAR = 'syntaxes/strategic-plan.tmLanguage.json';
const INJECTION = 'syntaxes/strategic-plan.injection.json';

interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  name?: string;
  captures?: Record<string, { name: string }>;
  patterns?: Rule[];
  include?: string;
  repository?: Record<string, Rule>;
}

/** Rewrites Oniguruma-only syntax to its JavaScript equivalent, for a compile check. */
export function toJsRegExp(src: string): RegExp {
  const js = src
    .replace(/\\G/g, '') // anchor at the previous match end: no JS equivalent, irrelevant to validity
    .replace(/\\x\{([0-9A-Fa-f]+)\}/g, '\\u{$1}')
    .replace(/\(\?>/g, '(?:') // atomic group
    .replace(/\(\?#[^)]*\)/g, '') // comment group
    .replace(/([*+?}])\+/g, '$1') // possessive quantifier
    .replace(/\\h/g, '[0-9A-Fa-f]')
    .replace(/\\A/g, '^')
    .replace(/\\[zZ]/g, '$');
  return new RegExp(js, 'u');
}

/** Every rule of a grammar, from its patterns and its repository. */
function rules(grammar: Rule): Rule[] {
  const out: Rule[] = [];
  const walk = (r: Rule) => {
    out.push(r);
    r.patterns?.forEach(walk);
  };
  grammar.patterns?.forEach(walk);
  Object.values(grammar.repository ?? {}).forEach(walk);
  return out;
}

/** Scoped pieces a `match` rule (or a `begin` rule's inner patterns) finds on a line: [scope, text]. */
function tokens(rule: Rule, line: string): [string, string][] {
  const found: [string, string][] = [];
  const scan = (r: Rule, text: string) => {
    if (!r.match) return;
    const re = new RegExp(toJsRegExp(r.match).source, 'gu');
    for (const m of text.matchAll(re)) {
      if (r.name) found.push([r.name, m[0]]);
      for (const [i, c] of Object.entries(r.captures ?? {})) if (m[+i]) found.push([c.name, m[+i]]);
    }
  };
  if (rule.match) scan(rule, line);
  else {
    const b = toJsRegExp(rule.begin!).exec(line);
    if (!b) return found;
    const rest = line.slice(b.index + b[0].length);
    const end = toJsRegExp(rule.end!).exec(rest);
    const inside = rest.slice(0, end ? end.index : rest.length);
    // Inner patterns take turns left to right, like the tokenizer: first match at each position wins.
    const inner = (rule.patterns ?? []).flatMap((p) => (p.include ? rules({ patterns: [injection.repository![p.include.slice(1)]] }) : [p])).filter((p) => p.match);
    let pos = 0;
    while (pos < inside.length) {
      let best: { m: RegExpExecArray; r: Rule } | undefined;
      for (const r of inner) {
        const re = new RegExp(toJsRegExp(r.match!).source, 'gu');
        re.lastIndex = pos;
        const m = re.exec(inside);
        if (m && m[0] && (!best || m.index < best.m.index)) best = { m, r };
      }
      if (!best) break;
      scan(best.r, best.m[0]);
      pos = best.m.index + best.m[0].length;
    }
  }
  return found;
}

const grammar: Rule & { scopeName: string } = json(GRAMMAR);
const injection: Rule & { scopeName: string; injectionSelector: string } = json(INJECTION);
const repo = (name: string) => injection.repository![name];
const only = (found: [string, string][], scopePrefix: string) => found.filter(([s]) => s.startsWith(scopePrefix)).map(([, t]) => t);

describe('Strategic plan grammars', () => {
  it('compile every match, begin, end and while regex of both grammars in JavaScript', () => {
    let count = 0;
    for (const g of [grammar, injection]) {
      for (const r of rules(g)) {
        for (const key of ['match', 'begin', 'end', 'while'] as const) {
          const src = r[key];
          if (src === undefined) continue;
          assert.doesNotThrow(() => toJsRegExp(src), `${key}: ${src}`);
          count++;
        }
      }
    }
    assert.ok(count >= 10, `only ${count} regexes found`);
  });

  it('translates Oniguruma-only syntax before compiling', () => {
    assert.strictEqual(toJsRegExp('\\G(?>a++|b*+)(?#note)\\x{FEFF}').source, '(?:a+|b*)\\u{FEFF}');
  });

  it('tokenizes plans with the built-in YAML grammar', () => {
    assert.deepStrictEqual(grammar.patterns, [{ include: 'source.yaml' }]);
    assert.strictEqual(grammar.scopeName, 'source.strategic-plan');
  });

  it('injects into plans only, outside comments and strings', () => {
    assert.strictEqual(injection.injectionSelector, 'L:source.strategic-plan -comment -string');
  });

  it('colors the number after id: as a plan id, quoted or not', () => {
    const id = repo('item-id');
    assert.deepStrictEqual(only(tokens(id, '  - id: "1"'), 'constant.numeric.plan-id'), ['1']);
    assert.deepStrictEqual(only(tokens(id, '      - id: "1.1"            # a comment'), 'constant.numeric.plan-id'), ['1.1']);
    assert.deepStrictEqual(only(tokens(id, "          - id: '1.1.3'"), 'constant.numeric.plan-id'), ['1.1.3']);
    assert.deepStrictEqual(only(tokens(id, '      - id: 1.2'), 'constant.numeric.plan-id'), ['1.2']);
    assert.deepStrictEqual(tokens(id, '      - id: "2.4.a"'), []);
    assert.deepStrictEqual(tokens(id, '    title: Keep Cargo Moving'), []);
  });

  it('colors unit ids after id:, in block and flow mappings', () => {
    const unit = repo('unit-id');
    assert.deepStrictEqual(only(tokens(unit, '  - id: M&A'), 'entity.name.type.unit'), ['M&A']);
    assert.deepStrictEqual(only(tokens(unit, '  - { id: OPS, name: Port Operations, kind: directorate }'), 'entity.name.type.unit'), ['OPS']);
    assert.deepStrictEqual(tokens(unit, '  - id: "1"'), []);
  });

  it('colors each unit named by lead and support, alone or in a list', () => {
    const refs = repo('unit-refs');
    assert.deepStrictEqual(only(tokens(refs, '        lead: M&A'), 'variable.other.reference'), ['M&A']);
    assert.deepStrictEqual(only(tokens(refs, '        support: [M&A, OPR]'), 'variable.other.reference'), ['M&A', 'OPR']);
    assert.deepStrictEqual(only(tokens(refs, '        lead: OPSS                         # no unit OPSS'), 'variable.other.reference'), ['OPSS']);
    assert.deepStrictEqual(only(tokens(refs, '        support: ["SEC"]'), 'variable.other.reference'), ['SEC']);
    assert.deepStrictEqual(tokens(refs, '    description: >-'), []);
  });

  it('colors each number named by related, alone or in a list', () => {
    const refs = repo('item-refs');
    assert.deepStrictEqual(only(tokens(refs, '        related: "1.4.4"'), 'variable.other.reference'), ['1.4.4']);
    assert.deepStrictEqual(only(tokens(refs, '        related: ["2.1", "2.9"]            # no 2.9'), 'variable.other.reference'), ['2.1', '2.9']);
    assert.deepStrictEqual(only(tokens(refs, '        related: [1.2, 3]'), 'variable.other.reference'), ['1.2', '3']);
  });

  it('colors the goals, objectives and subobjectives keys, not the words in prose', () => {
    const key = repo('section-key');
    assert.deepStrictEqual(only(tokens(key, 'goals:'), 'keyword.control.section'), ['goals']);
    assert.deepStrictEqual(only(tokens(key, '    objectives:'), 'keyword.control.section'), ['objectives']);
    assert.deepStrictEqual(only(tokens(key, '        subobjectives:   # steps'), 'keyword.control.section'), ['subobjectives']);
    assert.deepStrictEqual(tokens(key, '      the goals of the plan'), []);
    assert.deepStrictEqual(tokens(key, '    subgoals:'), []);
  });
});

describe('Package manifest', () => {
  const contributes = pkg.contributes;
  const exists = (p: string) => fs.existsSync(path.join(ROOT, p));

  it('points every contributed path at an existing file', () => {
    const paths = [
      pkg.icon,
      ...contributes.languages.map((l: { configuration: string }) => l.configuration),
      ...contributes.grammars.map((g: { path: string }) => g.path),
      'templates/new.plan.yaml',
    ];
    assert.deepStrictEqual(paths.filter((p) => !exists(p)), []);
  });

  it('builds the extension entry point that main names, without the server inside', function () {
    if (!exists(pkg.main)) this.skip(); // built by `node scripts/build.mjs`, which `npm test` runs first
    const bundle = read(pkg.main);
    assert.ok(!bundle.includes('PlanWorkspace'), 'dist/extension.js must not bundle the language service');
  });

  it('contributes the strategic-plan language for *.plan.yaml and *.plan.yml with both grammars', () => {
    const lang = contributes.languages.find((l: { id: string }) => l.id === 'strategic-plan');
    assert.deepStrictEqual(lang.filenamePatterns, ['*.plan.yaml', '*.plan.yml']);
    assert.ok(lang.aliases.includes('Strategic Plan'));
    const byScope = new Map(contributes.grammars.map((g: { scopeName: string }) => [g.scopeName, g]));
    assert.deepStrictEqual(byScope.get(grammar.scopeName), { language: 'strategic-plan', scopeName: grammar.scopeName, path: `./${GRAMMAR}` });
    assert.deepStrictEqual(byScope.get(injection.scopeName), { scopeName: injection.scopeName, path: `./${INJECTION}`, injectTo: [grammar.scopeName] });
  });

  it('registers a handler in client/src for every contributed command, and menus use only those', () => {
    const source = fs.readdirSync(path.join(ROOT, 'client/src')).map((f) => read(`client/src/${f}`)).join('\n');
    // planwright.showReferences and planwright.insertSnippet are internal (code lenses and code actions call them) and are not in the palette.
    const internal = ['planwright.showReferences', 'planwright.insertSnippet'];
    const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).filter((c) => !internal.includes(c)).sort();
    const contributed = contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepStrictEqual(registered, contributed);
    const inMenus = Object.values(contributes.menus).flatMap((items) => (items as { command: string }[]).map((i) => i.command));
    assert.deepStrictEqual(inMenus.filter((c) => !contributed.includes(c)), []);
  });

  it('activates on plan files and on a preview to restore, and declares the trace setting the client reads', () => {
    assert.deepStrictEqual(pkg.activationEvents, ['onLanguage:strategic-plan', 'workspaceContains:**/*.plan.{yaml,yml}', 'onWebviewPanel:planwright.preview']);
    const trace = contributes.configuration.properties['planwright.trace.server'];
    assert.deepStrictEqual([contributes.configuration.properties['planwright.codeLens.enabled'].type, contributes.configuration.properties['planwright.codeLens.enabled'].default], ['boolean', true]);
    assert.deepStrictEqual([trace.enum, trace.default], [['off', 'messages', 'verbose'], 'off']);
    assert.deepStrictEqual(contributes.views.explorer.map((v: { id: string; name: string }) => [v.id, v.name]), [['planwright.planView', 'Plan']]);
  });

  it('sets plan files so that typing prose is never replaced by a suggestion: no words from the text, none inside strings or comments, Enter always a new line', () => {
    const d = contributes.configurationDefaults['[strategic-plan]'];
    assert.strictEqual(d['editor.wordBasedSuggestions'], 'off');
    assert.strictEqual(d['editor.suggest.showWords'], false);
    assert.deepStrictEqual(d['editor.quickSuggestions'], { other: 'on', comments: 'off', strings: 'off' });
    assert.strictEqual(d['editor.acceptSuggestionOnEnter'], 'off');
  });

  it('ships a 128x128 PNG icon', () => {
    const png = fs.readFileSync(path.join(ROOT, pkg.icon));
    assert.strictEqual(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepStrictEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('opens New Plan on a template that is a plan without problems, as a file and as inserted', () => {
    const service = createLanguageService();
    const template = read('templates/new.plan.yaml');
    service.update('file:///work/templates/new.plan.yaml', template, 1);
    service.update('untitled:/work/new.plan.yaml', templateText(template), 1);
    assert.deepStrictEqual(service.getDiagnostics('file:///work/templates/new.plan.yaml'), []);
    assert.deepStrictEqual(service.getDiagnostics('untitled:/work/new.plan.yaml'), []);
    assert.ok(templateSnippet(template).includes('${1:Organization}'), 'the first blank is a tab stop');
  });
});
