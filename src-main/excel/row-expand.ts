// Repeats one template row N times in an exceljs worksheet by rebuilding its model: rows below move down,
// merges, data validations, conditional formats, print area, images and every formula (on every sheet) are
// shifted, and a range over the repeated row (a SUM total below it) grows to cover all copies.
import type ExcelJS from 'exceljs';
import { decodeRange, encodeRange, shiftFormula, shiftRef } from './refs';
import type { RowShift } from './refs';

/** The parts of exceljs's (untyped) worksheet model this module rewrites; everything else passes through. */
type Loose = Record<string, unknown>;
type CellModel = Loose & { address: string; type: number; master?: string; formula?: unknown; ref?: unknown };
type RowModel = Loose & { number: number; cells: CellModel[] };
type Validation = Loose & { formulae?: unknown[] };
type CondFormat = Loose & { ref?: unknown; rules?: (Loose & { formulae?: unknown[] })[] };
type Anchor = Loose & { nativeRow?: number };
type Medium = Loose & { range?: Loose & { tl?: Anchor; br?: Anchor } };
interface SheetModel extends Loose {
  rows: RowModel[];
  merges?: string[];
  dataValidations?: Record<string, Validation>;
  conditionalFormattings?: CondFormat[];
  pageSetup?: Loose & { printArea?: unknown };
  autoFilter?: unknown;
  rowBreaks?: (Loose & { id: number })[];
  media?: Medium[];
}

const MERGE = 1;
const NULL = 0;
const shiftAll = (fs: unknown[] | undefined, sheet: string, s: RowShift) =>
  fs?.map((f) => (typeof f === 'string' ? shiftFormula(f, sheet, s) : f));

function moveCell(cell: CellModel, row: number, s: RowShift, sheet: string, copy?: number): CellModel {
  const col = /^[A-Z]+/.exec(cell.address)?.[0] ?? 'A';
  const out: CellModel = { ...cell, address: `${col}${row}` };
  // A merged slave cell carries borders of the merged block; as a Null cell it keeps them when re-merged.
  if (out.type === MERGE) {
    delete out.master;
    out.type = NULL;
  }
  if (typeof out.formula === 'string') out.formula = shiftFormula(out.formula, sheet, { ...s, copy });
  if (typeof out.ref === 'string') out.ref = shiftRef(out.ref, { ...s, copy });
  return out;
}

function moveRow(row: RowModel, number: number, s: RowShift, sheet: string, copy?: number): RowModel {
  return { ...row, number, cells: row.cells.map((c) => moveCell(c, number, s, sheet, copy)) };
}

function shiftMerges(merges: string[], s: RowShift): string[] {
  const out: string[] = [];
  for (const m of merges) {
    const r = decodeRange(m);
    if (!r) continue;
    if (r.bottom < s.at) out.push(m);
    else if (r.top > s.at) out.push(encodeRange({ ...r, top: r.top + s.by, bottom: r.bottom + s.by }));
    else if (r.top === s.at && r.bottom === s.at) {
      for (let k = 0; k <= s.by; k++) out.push(encodeRange({ ...r, top: r.top + k, bottom: r.bottom + k }));
    } else out.push(encodeRange({ ...r, bottom: r.bottom + s.by })); // a taller merge containing the row grows
  }
  return out;
}

function shiftValidations(
  dv: Record<string, Validation> | undefined,
  s: RowShift,
  sheet: string,
): Record<string, Validation> {
  const out: Record<string, Validation> = {};
  // exceljs keeps one object per validation for all its cells; its writer merges equal ones back into ranges.
  const moved = new Map<Validation, Validation>();
  const shifted = (v: Validation) => {
    let m = moved.get(v);
    if (!m) moved.set(v, (m = { ...v, formulae: shiftAll(v.formulae, sheet, s) }));
    return m;
  };
  for (const [addr, v] of Object.entries(dv ?? {})) {
    const m = /^([A-Z]+)(\d+)$/.exec(addr);
    if (!m) {
      out[addr] = shifted(v);
      continue;
    }
    const row = Number(m[2]);
    if (row < s.at) out[addr] = shifted(v);
    else if (row > s.at) out[`${m[1]}${row + s.by}`] = shifted(v);
    else for (let k = 0; k <= s.by; k++) out[`${m[1]}${row + k}`] = shifted(v);
  }
  return out;
}

function shiftSqref(ref: string, s: RowShift): string {
  return ref
    .split(/\s+/)
    .map((r) => {
      const d = decodeRange(r);
      if (!d) return r;
      const grow = d.top <= s.at && d.bottom >= s.at;
      return encodeRange({
        ...d,
        top: d.top > s.at ? d.top + s.by : d.top,
        bottom: d.bottom > s.at || grow ? d.bottom + s.by : d.bottom,
      });
    })
    .join(' ');
}

/** Rewrites formulas on the other sheets that point into the expanded sheet (defined names are the filler's). */
function shiftOtherSheets(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, s: RowShift) {
  for (const other of wb.worksheets) {
    if (other === ws) continue;
    other.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (v && typeof v === 'object' && 'formula' in v && typeof v.formula === 'string') {
          const f = shiftFormula(v.formula, other.name, s);
          if (f !== v.formula) cell.value = { ...v, formula: f };
        }
      });
    });
  }
}

/** Turns shared formulas into plain ones first: their master/slave links would break when rows move. */
export function unshareFormulas(wb: ExcelJS.Workbook) {
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as (Loose & { result?: ExcelJS.CellFormulaValue['result'] }) | null;
        if (v && typeof v === 'object' && (v.sharedFormula || v.shareType === 'shared')) {
          cell.value = { formula: cell.formula, result: v.result };
        }
      });
    });
  }
}

/** Expands row `at` of `ws` into `count` rows (count ≥ 1). */
export function expandRow(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, at: number, count: number) {
  const by = count - 1;
  const s: RowShift = { sheet: ws.name, at, by };
  const model = ws.model as unknown as SheetModel;
  const rows: RowModel[] = [];
  for (const row of model.rows) {
    if (row.number < at) rows.push(moveRow(row, row.number, s, ws.name));
    else if (row.number > at) rows.push(moveRow(row, row.number + by, s, ws.name));
    else for (let k = 0; k <= by; k++) rows.push(moveRow(row, at + k, s, ws.name, k));
  }
  const pageSetup = { ...model.pageSetup };
  if (typeof pageSetup.printArea === 'string') {
    pageSetup.printArea = pageSetup.printArea
      .split('&&')
      .map((a) => shiftSqref(a, s))
      .join('&&');
  }
  const next: SheetModel = {
    ...model,
    rows,
    mergeCells: shiftMerges(model.merges ?? [], s),
    dataValidations: shiftValidations(model.dataValidations, s, ws.name),
    conditionalFormattings: (model.conditionalFormattings ?? []).map((cf) => ({
      ...cf,
      ref: typeof cf.ref === 'string' ? shiftSqref(cf.ref, s) : cf.ref,
      rules: (cf.rules ?? []).map((r) => ({ ...r, formulae: shiftAll(r.formulae, ws.name, s) })),
    })),
    pageSetup,
    autoFilter: typeof model.autoFilter === 'string' ? shiftSqref(model.autoFilter, s) : model.autoFilter,
    rowBreaks: (model.rowBreaks ?? []).map((b) => (b.id > at ? { ...b, id: b.id + by } : b)),
    media: (model.media ?? []).map((m) => {
      const tl = m.range?.tl;
      if (!m.range || !tl || typeof tl.nativeRow !== 'number' || tl.nativeRow < at) return m;
      const br = m.range.br;
      return {
        ...m,
        range: {
          ...m.range,
          tl: { ...tl, nativeRow: tl.nativeRow + by },
          br: br && typeof br.nativeRow === 'number' ? { ...br, nativeRow: br.nativeRow + by } : br,
        },
      };
    }),
  };
  // exceljs's model setter re-merges on top of the existing merges and would refuse the overlaps.
  (ws as unknown as { _merges: Record<string, unknown> })._merges = {};
  ws.model = next as unknown as ExcelJS.WorksheetModel;
  shiftOtherSheets(wb, ws, s);
}
