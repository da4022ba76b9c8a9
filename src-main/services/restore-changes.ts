// What a restore changes, told in Chinese: per ledger (and the settings, templates, report texts, accounts) how many
// records there are now and after, which come back, which go away and which return to the backup's content.
import type { DataChange } from '../shared/contract/core';
import { ledgerList } from '../shared/ledgers';
import { NOTES_COLLECTION } from './report-notes-service';
import { ledgerCollection } from './ledger-service';
import { SETTINGS_COLLECTION } from './settings-service';

interface Kind {
  label: string;
  /** Ledgers count records not in the recycle bin; other lists count every entry. */
  ledger: boolean;
  unit: string;
}

/**
 * The kinds of data a person recognises, in menu order. The rest (wrapped keys, the sealed clue contents, the account
 * list's sealed copy) follows these and is not listed on its own: the clue ledger's count already speaks for it.
 */
function kinds(): Map<string, Kind> {
  const out = new Map<string, Kind>();
  for (const def of ledgerList())
    out.set(ledgerCollection(def.key), { label: def.label, ledger: true, unit: '条' });
  out.set(SETTINGS_COLLECTION, { label: '设置', ledger: false, unit: '' });
  out.set('templates', { label: '模板', ledger: false, unit: '个' });
  out.set(NOTES_COLLECTION, { label: '报告文字', ledger: false, unit: '份' });
  out.set('users', { label: '账户', ledger: false, unit: '个' });
  return out;
}

type Row = { id?: unknown; rev?: unknown; updatedAt?: unknown; deletedAt?: unknown };

function rows(value: unknown): Row[] | null {
  return Array.isArray(value) ? (value as Row[]) : null;
}

/** Same record? Stored values are frozen and shared, so an unchanged record is usually the very same object. */
function same(a: Row, b: Row): boolean {
  if (a === b) return true;
  if (a.rev !== undefined && b.rev !== undefined) {
    return a.rev === b.rev && a.updatedAt === b.updatedAt && (a.deletedAt ?? null) === (b.deletedAt ?? null);
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

function listChange(key: string, kind: Kind, now: Row[], then: Row[]): DataChange | null {
  const byId = new Map(now.map((r) => [String(r.id), r]));
  const thenIds = new Set(then.map((r) => String(r.id)));
  let added = 0;
  let changed = 0;
  for (const r of then) {
    const current = byId.get(String(r.id));
    if (!current) added++;
    else if (!same(current, r)) changed++;
  }
  const removed = now.filter((r) => !thenIds.has(String(r.id))).length;
  if (!added && !removed && !changed) return null;
  const live = (list: Row[]) => (kind.ledger ? list.filter((r) => !r.deletedAt).length : list.length);
  const current = live(now);
  const incoming = live(then);
  const parts = [
    added ? `找回 ${added} ${kind.unit}` : '',
    removed ? `去掉 ${removed} ${kind.unit}备份中没有的` : '',
    changed ? `${changed} ${kind.unit}回到备份时的内容` : '',
  ].filter(Boolean);
  const text = `${kind.label}：现有 ${current} ${kind.unit}，恢复后 ${incoming} ${kind.unit}（${parts.join('，')}）`;
  return { key, label: kind.label, current, incoming, added, removed, changed, text };
}

/** The differences between the data now and the data a restore brings, in menu order; unchanged kinds left out. */
export function dataChanges(now: Record<string, unknown>, then: Record<string, unknown>): DataChange[] {
  const out: DataChange[] = [];
  for (const [key, kind] of kinds()) {
    if (!(key in now) && !(key in then)) continue;
    const a = rows(now[key]);
    const b = rows(then[key]);
    if (a && b) {
      const change = listChange(key, kind, a, b);
      if (change) out.push(change);
    } else if (JSON.stringify(now[key]) !== JSON.stringify(then[key])) {
      const text = `${kind.label}：恢复为备份时的${kind.label}`;
      out.push({
        key,
        label: kind.label,
        current: null,
        incoming: null,
        added: 0,
        removed: 0,
        changed: 1,
        text,
      });
    }
  }
  return out;
}

/** One line for notices and the 操作日志: every change, or that nothing a person sees changes. */
export function summarizeChanges(changes: DataChange[]): string {
  return changes.length ? changes.map((c) => c.text).join('；') : '台账、设置和账户与现在相同';
}

/** Kinds that hold data now and that a bundle lacks: a restore would leave them empty. */
export function emptiedKinds(now: Record<string, unknown>, missing: string[]): string[] {
  const all = kinds();
  return missing
    .filter((key) => all.has(key) && (rows(now[key])?.length ?? 0) > 0)
    .map((key) => all.get(key)!.label);
}
