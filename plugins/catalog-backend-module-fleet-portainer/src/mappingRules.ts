import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

const TARGETS = ['environment', 'region', 'owner'] as const;
export type MappedField = (typeof TARGETS)[number];

/** A compiled `mapping` rule: a pattern over tags or the group name, and what it sets. */
export type MappingRule = {
  on: 'tag' | 'group';
  pattern: RegExp;
  set: Partial<Record<MappedField, string>>;
};

/** Reads and compiles the `mapping` rules, naming the field of any mistake. */
export function compileMappingRules(
  rules: Config[],
  field: string,
): MappingRule[] {
  return rules.map((rule, index) => {
    const at = `${field}[${index}]`;
    const tag = rule.getOptionalString('tag');
    const group = rule.getOptionalString('group');
    if ((tag === undefined) === (group === undefined)) {
      throw new InputError(`${at}: give exactly one of tag or group`);
    }
    const source = (tag ?? group)!;
    let pattern: RegExp;
    try {
      pattern = new RegExp(`^(?:${source})$`);
    } catch (error) {
      throw new InputError(
        `${at}.${tag !== undefined ? 'tag' : 'group'}: ${
          (error as Error).message
        }`,
      );
    }
    const set: MappingRule['set'] = {};
    for (const target of TARGETS) {
      const value = rule.getOptionalString(target);
      if (value !== undefined) {
        set[target] = value;
      }
    }
    if (Object.keys(set).length === 0) {
      throw new InputError(
        `${at}: sets nothing; give environment, region or owner`,
      );
    }
    return { on: tag !== undefined ? 'tag' : 'group', pattern, set };
  });
}

/**
 * Applies the rules to an environment's tag names and group name: for each field the
 * first rule that matches and sets it wins; `$1`, `$2`... stand for the match's groups.
 */
export function applyMappingRules(
  rules: MappingRule[],
  subject: { tags: string[]; group?: string },
): Partial<Record<MappedField, string>> {
  const result: Partial<Record<MappedField, string>> = {};
  for (const rule of rules) {
    const group = subject.group ? [subject.group] : [];
    const candidates = rule.on === 'tag' ? subject.tags : group;
    for (const candidate of candidates) {
      const match = rule.pattern.exec(candidate);
      if (!match) {
        continue;
      }
      for (const [field, template] of Object.entries(rule.set) as Array<
        [MappedField, string]
      >) {
        if (result[field] === undefined) {
          result[field] = template.replace(
            /\$(\d)/g,
            (_, n: string) => match[Number(n)] ?? '',
          );
        }
      }
      break;
    }
  }
  return result;
}
