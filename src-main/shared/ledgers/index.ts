// The registry of every ledger definition. Adding a ledger is one file plus one line here.
import type { LedgerDef, LedgerKey } from './types';
import { meetings } from './meetings';
import { tasks } from './tasks';
import { inspections } from './inspections';
import { studies } from './studies';
import { writings } from './writings';
import { materials } from './materials';
import { rules } from './rules';
import { clues } from './clues';
import { rectifications } from './rectifications';
import { publicity } from './publicity';
import { opinions } from './opinions';
import { bulletins } from './bulletins';

export * from './types';

/** Every ledger, in LEDGER_KEYS order: a missing one is a type error. */
export const LEDGERS: Record<LedgerKey, LedgerDef> = {
  meetings,
  tasks,
  inspections,
  studies,
  writings,
  materials,
  rules,
  clues,
  rectifications,
  publicity,
  opinions,
  bulletins,
};

export function ledgerDef(key: LedgerKey): LedgerDef {
  const def = LEDGERS[key] as LedgerDef | undefined;
  if (!def) throw new Error(`未定义的台账：${key}`);
  return def;
}

export function ledgerList(): LedgerDef[] {
  return Object.values(LEDGERS);
}
