// Loads the records that a ledger's link fields point to, so links show as names and can be chosen by name.
import { useEffect, useState } from 'react';
import { LEDGERS } from '../../../src-main/shared/ledgers';
import type { LedgerDef, LedgerKey } from '../../../src-main/shared/ledgers/types';
import { call } from '../api/client';
import { recordTitle } from '../lib/ledgerView';

/** ledger → (record id → title). Empty until loaded; a ledger the user may not read stays absent. */
export type LinkTitles = Map<string, Map<string, string>>;

const NONE: LinkTitles = new Map();

export function useLinkTargets(def: LedgerDef): LinkTitles {
  const targets = [...new Set(def.fields.flatMap((f) => (f.linkTo ? [f.linkTo] : [])))].sort().join(',');
  const [state, setState] = useState<{ key: string; titles: LinkTitles }>({ key: '', titles: new Map() });

  useEffect(() => {
    if (!targets) return;
    let live = true;
    const keys = targets.split(',') as LedgerKey[];
    void Promise.all(keys.map((ledger) => call('ledgers:list', { ledger }))).then((results) => {
      if (!live) return;
      const titles: LinkTitles = new Map();
      results.forEach((r, i) => {
        const target = LEDGERS[keys[i]];
        if (!r.ok || !target) return;
        titles.set(
          keys[i],
          new Map(r.data.records.map((rec) => [rec.id, `${recordTitle(target, rec)}（${rec.date}）`])),
        );
      });
      setState({ key: targets, titles });
    });
    return () => {
      live = false;
    };
  }, [targets]);

  return state.key === targets ? state.titles : NONE;
}
