// Builders for the cross-field rules ledgers share (date order, "a ≤ b", "required when"), so every ledger
// phrases the same check the same way and an empty field never trips a rule meant for filled ones.
import type { ChoiceListKey, DefaultChoice } from '../choices';
import type { CrossFieldRule } from './types';

/** Options of a choice list named by their meaning tags: the rule holds whatever the office calls them today. */
export interface ChoiceCondition<K extends ChoiceListKey = ChoiceListKey> {
  list: K;
  tags: readonly DefaultChoice<K>[];
}

function filled(v: unknown): boolean {
  return !(v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0));
}

/** `later` (a date) must not be before `earlier`; checked only when both are filled. */
export function notBefore(later: string, earlier: string, message: string): CrossFieldRule {
  return {
    paths: [later],
    message,
    test: (r) => {
      const a = r[later];
      const b = r[earlier];
      return typeof a !== 'string' || typeof b !== 'string' || !a || !b || a >= b;
    },
  };
}

/** Number `small` must not exceed number `big`; checked only when both are filled. `at` is where it shows. */
export function notMore(small: string, big: string, message: string, at = small): CrossFieldRule {
  return {
    paths: [at, at === small ? big : small],
    message,
    test: (r) => typeof r[small] !== 'number' || typeof r[big] !== 'number' || r[small] <= r[big],
  };
}

/** `field` must be filled when `when` holds one of the options (e.g. 完成日期 when 状态 means done). */
export function requiredWhen<K extends ChoiceListKey>(
  field: string,
  when: string,
  options: ChoiceCondition<K>,
  message: string,
): CrossFieldRule {
  return {
    paths: [field],
    message,
    test: (r, m) => !m.isAny(options.list, r[when], options.tags) || filled(r[field]),
  };
}

/** `field` must be filled whenever `other` is filled (e.g. 处置日期 with 处置方式). */
export function requiredWith(field: string, other: string, message: string): CrossFieldRule {
  return { paths: [field], message, test: (r) => !filled(r[other]) || filled(r[field]) };
}

/** `field` may be filled only when `when` holds one of the options. */
export function onlyWhen<K extends ChoiceListKey>(
  field: string,
  when: string,
  options: ChoiceCondition<K>,
  message: string,
): CrossFieldRule {
  return {
    paths: [field],
    message,
    test: (r, m) => !filled(r[field]) || m.isAny(options.list, r[when], options.tags),
  };
}
