// Every diagnostic code Planwright reports, with its default level and the words that describe it
// (SARIF's rule list, the config file's schema and README's rule list say the same), and the one
// place where a plan's rule settings (its config file, see config.ts) are applied: after every
// check, before anything is published or printed, so every code is configurable, future ones too.
import type { DiagnosticCode, PlanDiagnostic, Severity } from './model';

export type Level = 'off' | Severity;
export const LEVELS: readonly Level[] = ['off', 'hint', 'information', 'warning', 'error'];

export interface RuleOption {
  type: 'integer';
  minimum: number;
  default: number;
  description: string;
}

export interface RuleInfo {
  /** The level it is reported at when no config file says otherwise ('off': a style rule). */
  level: Level;
  /** One line: what it finds. */
  short: string;
  /** What it finds and why it matters. */
  full: string;
  /** How to fix it. */
  help: string;
  /** Options a config file may set (`title-too-long: { level: warning, max: 80 }`). */
  options?: Record<string, RuleOption>;
}

/** Every code, exactly (the type makes a new code add its entry). */
export const RULES: Record<DiagnosticCode, RuleInfo> = {
  'yaml-syntax': {
    level: 'error',
    short: 'The text is not valid YAML.',
    full: 'A line the YAML reader cannot read: a tab used for indentation, a quote or bracket left open, a missing colon, a line indented off its neighbours.',
    help: 'Repair the line named in the message; most mistakes have a quick fix.',
  },
  schema: {
    level: 'error',
    short: 'A field is missing, misspelt or holds the wrong kind of value.',
    full: 'The plan does not follow the plan format: a required field is missing, a field name is misspelt, or a value is of the wrong kind (a list where text is expected, ...).',
    help: 'Add, rename or correct the field as the message says (see docs/plan-format.md).',
  },
  'numbering-sequence': {
    level: 'error',
    short: 'Items are not numbered in order.',
    full: 'Goals, objectives and sub-objectives are numbered 1, 2, 3 in the order they are written; a number is skipped or out of order.',
    help: 'Change the number as the message says, or run "Renumber the whole plan".',
  },
  'numbering-parent': {
    level: 'error',
    short: "An item's number does not start with its parent's number.",
    full: 'Objective 2.3 belongs under goal 2, sub-objective 2.3.1 under objective 2.3.',
    help: "Give the item its parent's number followed by its own, or move it under the right parent.",
  },
  'numbering-duplicate': {
    level: 'error',
    short: 'Two items have the same number.',
    full: 'Each goal, objective and sub-objective needs a number of its own, so that links and reports name one item.',
    help: 'Renumber one of them (the message names the other).',
  },
  'numbering-format': {
    level: 'error',
    short: 'A number is not written as the format wants.',
    full: 'Numbers are whole numbers joined by dots, as deep as the item (error); a dotted number such as 1.10 written without quotes is read as a decimal, 1.1 (warning).',
    help: 'Put dotted numbers in double quotes ("1.10").',
  },
  'reference-unresolved': {
    level: 'error',
    short: 'A link names something that does not exist.',
    full: '`related` names an item number of this plan; `lead` and `support` name a unit id of this plan or another plan of the workspace.',
    help: 'Correct the number or id (the message suggests the closest), or create the unit.',
  },
  'measure-year': {
    level: 'warning',
    short: 'A measure year is outside the plan period or badly written.',
    full: "A measure's baseline, target or result year is not a four-digit year within the plan's period.",
    help: 'Write the fiscal year as four digits within `period`.',
  },
  'measure-value': {
    level: 'error',
    short: 'A measure value is not a number.',
    full: "A measure's baseline, target or result value must be a number (a percentage without the % sign).",
    help: 'Write the value as a number.',
  },
  'measure-duplicate': {
    level: 'error',
    short: 'Two measures have the same id.',
    full: 'Each measure needs an id of its own.',
    help: 'Rename one of them.',
  },
  'measure-direction': {
    level: 'warning',
    short: "Targets move the other way from the measure's direction.",
    full: 'A measure meant to increase has targets that fall (or the reverse).',
    help: 'Correct the targets or the `direction`.',
  },
  'measure-target-missing': {
    level: 'information',
    short: 'A year has a result but no target.',
    full: 'A measure reports a result for a fiscal year that has no target, so the result cannot be judged met or not met.',
    help: 'Add that year\'s target under `targets`, or correct the year of the result.',
  },
  'alignment-unresolved': {
    level: 'error',
    short: 'An `aligns` entry names a plan or item that does not exist.',
    full: 'An `aligns` entry names an acronym no other plan of the workspace has, a number that plan does not have, or a `parents:` file where no plan is or that cannot be read (the message says why).',
    help: 'Correct the acronym or the number (the message suggests the closest), or fix the path under `parents:`.',
  },
  'alignment-ambiguous': {
    level: 'error',
    short: 'Several plans have the acronym an `aligns` entry names.',
    full: 'More than one plan of the workspace has the acronym, and `parents:` does not say which one is meant.',
    help: "Name the parent plan's file under `parents:`, e.g. `parents: { DHS: ../dhs/dhs-strategic-plan-2020-2024.plan.yaml }`.",
  },
  'alignment-format': {
    level: 'error',
    short: 'An `aligns` entry is not an acronym and a number.',
    full: 'An `aligns` entry is written as the other plan\'s acronym, a space and the number of one of its goals, objectives or sub-objectives.',
    help: 'Write the entry as ACRONYM NUMBER, e.g. `DHS 2.3`.',
  },
  'objective-lead-missing': {
    level: 'off',
    short: 'An objective names no lead unit.',
    full: 'Every objective should say which unit is accountable for it (`lead`).',
    help: 'Add `lead:` with the id of the unit that leads the objective.',
  },
  'title-too-long': {
    level: 'off',
    short: 'A title is longer than the configured limit.',
    full: 'Long titles are hard to read in tables of contents and reports; the limit is `max` characters (100 unless the config file says otherwise).',
    help: 'Shorten the title and move the detail into `description`.',
    options: { max: { type: 'integer', minimum: 1, default: 100, description: 'The longest title allowed, in characters.' } },
  },
  'description-missing': {
    level: 'off',
    short: 'A goal, objective or sub-objective has no description.',
    full: 'A description says what an item means and how it will be reached.',
    help: 'Add `description:` with a sentence or two.',
  },
  'title-duplicate': {
    level: 'off',
    short: 'Two items have the same title.',
    full: 'Items with the same title are hard to tell apart in reports and links.',
    help: 'Give each item a title of its own (the message names the other).',
  },
  'goal-single-objective': {
    level: 'off',
    short: 'A goal has a single objective.',
    full: 'A goal with one objective usually says the same thing twice.',
    help: 'Split the objective in two, or merge it into its goal.',
  },
  'placeholder-text': {
    level: 'off',
    short: 'Placeholder text is left in the plan.',
    full: 'TBD, TODO, XXX or "lorem ipsum" in a title, description or other text: the plan is not finished.',
    help: 'Write the text the placeholder stands for.',
  },
  'title-capitalization': {
    level: 'off',
    short: "A title is not capitalized as most of the plan's titles are.",
    full: 'Most titles are in Title Case ("Improve Access to Care") or in Sentence case ("Improve access to care"); a title written the other way stands out.',
    help: 'Rewrite the title in the prevailing style (the quick fix does it).',
  },
  'unused-disable': {
    level: 'information',
    short: 'A planwright-disable comment turns off nothing.',
    full: 'A `# planwright-disable...` comment names a rule that reports nothing where the comment applies, or a rule that does not exist.',
    help: 'Remove the comment, or correct the rule name.',
  },
  'config-invalid': {
    level: 'error',
    short: 'The Planwright config file has a mistake.',
    full: 'A `.planwright.yaml` or `.planwright.json` file that is not valid, names a rule that does not exist, or gives a level or option that is not allowed. The rest of the file still applies.',
    help: 'Correct the line named in the message (editing the file offers completion).',
  },
};

export const RULE_CODES = Object.keys(RULES) as DiagnosticCode[];

export function isRuleCode(code: string): code is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(RULES, code);
}

export interface RuleSetting {
  level?: Level;
  /** Option values, validated (config.ts). */
  options?: Record<string, number>;
}

/** A plan's rule settings (from the config file that applies to it); empty: the defaults. */
export type RuleSettings = ReadonlyMap<DiagnosticCode, RuleSetting>;

export const NO_SETTINGS: RuleSettings = new Map();

/** The level a code is reported at under `settings`: the config file's, else the rule's default. */
export function levelOf(code: DiagnosticCode, settings: RuleSettings): Level {
  return settings.get(code)?.level ?? RULES[code].level;
}

/** An option's value under `settings`, else its default. */
export function optionOf(code: DiagnosticCode, option: string, settings: RuleSettings): number {
  const v = settings.get(code)?.options?.[option];
  return v ?? RULES[code].options?.[option]?.default ?? 0;
}

/**
 * The findings with the levels of `settings`: a code set to `off` is dropped; a code the settings
 * do not name keeps the level its check gave (a few codes give two, e.g. yaml-syntax). When that
 * changes none of them, `diagnostics` itself is returned (not a copy: with every style rule on,
 * the 63k plan has 29,000 findings per keystroke, each already at its level).
 */
export function applyLevels<T extends readonly PlanDiagnostic[]>(diagnostics: T, settings: RuleSettings): T | PlanDiagnostic[] {
  if (!settings.size) return diagnostics.filter((d) => RULES[d.code]?.level !== 'off');
  let out: PlanDiagnostic[] | undefined;
  for (let i = 0; i < diagnostics.length; i++) {
    const d = diagnostics[i];
    const level = settings.get(d.code)?.level;
    const e = level === undefined ? (RULES[d.code]?.level !== 'off' ? d : undefined) : level === 'off' ? undefined : level === d.severity ? d : { ...d, severity: level };
    if (e === d && !out) continue;
    out ??= diagnostics.slice(0, i);
    if (e) out.push(e);
  }
  return out ?? diagnostics;
}
