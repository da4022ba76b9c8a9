// Settings: read, and replace as a whole after validation. A unit or working group that records still name
// cannot be removed (it would orphan them); rename instead, names are resolved through ids. A choice option
// edited in place is a rename: its meaning (and its 四种形态 form) moves to the new label.
import { followFourForms, followRenames } from '../shared/choice-meanings';
import { SettingsSchema } from '../shared/settings';
import type { Settings } from '../shared/settings';
import type { CallContext } from '../shared/context';
import { AppFailure } from '../shared/result';
import { zodIssues, validationError } from '../router/router';
import type { ServiceContext } from './service-context';
import type { LedgerService } from './ledger-service';

export const SETTINGS_COLLECTION = 'settings';

export function createSettingsService(sc: ServiceContext, ledgers: LedgerService) {
  return {
    get: (): Settings => sc.settings(),

    async update(input: Record<string, unknown>, ctx: CallContext): Promise<Settings> {
      const parsed = SettingsSchema.safeParse(input);
      if (!parsed.success) {
        const e = validationError(zodIssues(parsed.error, ['settings']), '设置');
        throw new AppFailure('validation', e.message, e.details);
      }
      const before = sc.settings();
      const next = followChoiceEdits(before, parsed.data);
      const dupUnit = next.units.find((u, i) => next.units.findIndex((x) => x.name === u.name) !== i);
      if (dupUnit)
        throw new AppFailure('validation', `单位“${dupUnit.name}”重复`, {
          issues: [{ path: ['settings', 'units'], message: '单位名称重复' }],
        });
      for (const [kind, oldKeys, newKeys, label] of [
        ['unit', before.units.map((u) => u.id), next.units.map((u) => u.id), '单位'],
        ['group', before.groups.map((g) => g.key), next.groups.map((g) => g.key), '工作组'],
      ] as const) {
        for (const key of oldKeys.filter((k) => !newKeys.includes(k))) {
          const n = ledgers.countReferences(kind, key);
          if (n > 0) {
            const name =
              kind === 'unit'
                ? before.units.find((u) => u.id === key)?.name
                : before.groups.find((g) => g.key === key)?.name;
            throw new AppFailure(
              'conflict',
              `${label}“${name}”仍有${n}条记录在使用，不能删除；可以改名或停用`,
            );
          }
        }
      }
      await sc.store.update<Settings>(SETTINGS_COLLECTION, () => next);
      await sc.audit.record({ action: '修改设置', target: 'settings', before, after: next }, ctx);
      return next;
    },
  };
}

/**
 * The choice meanings kept by the service, never taken from the caller (a form holds a stale copy): the stored
 * meanings plus the options edited in place in this save; the four-forms mapping follows renamed outcomes.
 */
function followChoiceEdits(before: Settings, input: Settings): Settings {
  const { choiceMeanings: _ignored, ...next } = input;
  const { map } = followRenames(before.choiceMeanings ?? {}, before.choiceLists, next.choiceLists);
  return {
    ...next,
    fourForms: followFourForms(next.fourForms, map, next.choiceLists),
    ...(Object.keys(map).length ? { choiceMeanings: map } : {}),
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
