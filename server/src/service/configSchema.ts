// The JSON Schema of the config file (schemas/planwright-config.schema.json), made from the rule
// list (rules.ts) so that the two cannot drift: config.test.ts compares the file with this.
// Regenerate: node scripts/build.mjs && npx tsc -p . && node -e "require('fs').writeFileSync('schemas/planwright-config.schema.json', JSON.stringify(require('./out/server/src/service/configSchema').configSchema(), null, 2) + '\n')"
import { LEVELS, RULE_CODES, RULES } from './rules';

export function configSchema(): Record<string, unknown> {
  const level = { enum: [...LEVELS], description: 'off: not reported; hint, information, warning or error: reported at that level.' };
  const rules: Record<string, unknown> = {};
  for (const code of RULE_CODES) {
    const r = RULES[code];
    const description = `${r.short} ${r.full} Default: ${r.level}.`;
    const options: Record<string, unknown> = {};
    for (const [name, o] of Object.entries(r.options ?? {})) options[name] = { type: o.type, minimum: o.minimum, default: o.default, description: o.description };
    rules[code] = {
      description,
      markdownDescription: `${r.short}\n\n${r.full}\n\n**Fix:** ${r.help}\n\nDefault: \`${r.level}\`.`,
      anyOf: [
        { $ref: '#/$defs/level' },
        { type: 'object', properties: { level: { $ref: '#/$defs/level' }, ...options }, additionalProperties: false },
      ],
    };
    if (Object.keys(options).length) {
      (rules[code] as Record<string, unknown>).defaultSnippets = [{ label: 'level and options', body: { level: 'warning', ...Object.fromEntries(Object.entries(r.options ?? {}).map(([n, o]) => [n, o.default])) } }];
    }
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://planwright.dev/schemas/planwright-config.schema.json',
    title: 'Planwright config file (.planwright.yaml, .planwright.json)',
    description: 'Which checks Planwright reports, and at which level, for the plans in this folder and the folders below it (the nearest config file applies).',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      rules: {
        description: 'Rule names with their levels (off, hint, information, warning, error), or { level, option: value } for rules with options. Style rules are off unless turned on here.',
        type: 'object',
        properties: rules,
        additionalProperties: false,
      },
    },
    additionalProperties: false,
    $defs: { level },
  };
}
