// User templates: find every {{占位符}} (even split across runs, even typed full-width as ｛｛占位符｝｝), pinpoint
// broken ones and unknown names, and fill a template with docx's patchDocument — per-unit table rows repeated once
// per unit — or fail whole, never half.
import { PatchType, TextRun, patchDocument } from 'docx';
import type { IPatch, TableRowsPatch } from 'docx';
import type { Placeholder, PlaceholderProblem } from '../shared/placeholders';
import {
  DOUBLE_BRACE_RE,
  PER_UNIT_PREFIX,
  PLACEHOLDER_RE,
  canonicalPieces,
  checkNames,
  hasBraces,
  isProblem,
  parsePlaceholder,
  scanText,
  writtenForm,
} from '../shared/placeholders';
import { AppFailure } from '../shared/result';
import type { DocxPart, PartPlace } from './docx-parts';
import {
  decodeXml,
  escapeXml,
  openDocx,
  paragraphTexts,
  rewriteParagraphRuns,
  textParts,
} from './docx-parts';

export type TemplateProblemKind = PlaceholderProblem['kind'] | 'per_unit_outside_row';

export interface TemplateProblem extends Omit<PlaceholderProblem, 'kind'> {
  kind: TemplateProblemKind;
  /** 正文 · 页眉 · 页脚 · 脚注 · 尾注: where to look in Word. */
  place: PartPlace;
}

export interface TemplateInspection {
  /** Each distinct placeholder once, in document order. */
  placeholders: Placeholder[];
  problems: TemplateProblem[];
}

/** A unit's row of a per-unit table: placeholder → text for that unit. */
export type RowLookup = (p: Placeholder) => string;

/** The key docx's TABLE_ROWS patch uses for {{单位.字段}}: everything before the dot. */
const ROWS_KEY = PER_UNIT_PREFIX.slice(0, -1);

interface Scan extends TemplateInspection {
  places: Map<string, PartPlace>;
}

async function scan(buf: Uint8Array, fileLabel?: string): Promise<Scan> {
  return scanParts(await textParts(await openDocx(buf, fileLabel)));
}

function scanParts(parts: DocxPart[]): Scan {
  const seen = new Map<string, Placeholder>();
  const places = new Map<string, PartPlace>();
  const problems: TemplateProblem[] = [];
  for (const part of parts) {
    for (const para of paragraphTexts(part.xml)) {
      if (!hasBraces(para.text)) continue;
      const found = scanText(para.text);
      problems.push(...found.problems.map((p) => ({ ...p, place: part.place })));
      for (const p of found.placeholders) {
        if (p.perUnit && !para.inTableRow) {
          problems.push({
            kind: 'per_unit_outside_row',
            message: `“${writtenForm(p)}”是按单位逐行填写的占位符，只能放在表格的一行中`,
            context: writtenForm(p),
            place: part.place,
          });
        }
        if (!seen.has(p.key)) {
          seen.set(p.key, p);
          places.set(p.key, part.place);
        }
      }
    }
  }
  return { placeholders: [...seen.values()], problems, places };
}

/**
 * Lists a template's placeholders and what is wrong with it: broken braces (with the text around them), per-unit
 * placeholders outside a table row, and names the catalog does not know (with the nearest known names).
 * A file that is not a .docx fails with a message saying what it is.
 */
export async function inspectTemplate(
  buf: Uint8Array,
  knownNames: readonly string[],
  fileLabel?: string,
): Promise<TemplateInspection> {
  const { placeholders, problems, places } = await scan(buf, fileLabel);
  const unknown = checkNames(placeholders, knownNames).map((pr) => {
    // checkNames gives the placeholder itself, as written, as context.
    const at = placeholders.find((p) => writtenForm(p) === pr.context);
    return { ...pr, place: (at && places.get(at.key)) ?? ('正文' as const) };
  });
  return { placeholders, problems: [...problems, ...unknown] };
}

function problemSummary(problems: TemplateProblem[]): string {
  const first = problems[0];
  const more = problems.length > 1 ? `等${problems.length}处问题` : '';
  return `${first.place}中“${first.context}”：${first.message}${more}`;
}

/** A patch that writes text; an empty value writes no run at all (an empty TextRun is docx #2855's trap). */
function textPatch(value: string): IPatch {
  return { type: PatchType.PARAGRAPH, children: value === '' ? [] : [new TextRun(value)] };
}

/** docx's split token: if it shows up, a patch went wrong (docx #2855) and the output must not be used. */
const SPLIT_TOKEN = '\u0275';

async function assertFilled(out: Uint8Array): Promise<void> {
  const zip = await openDocx(out);
  for (const part of await textParts(zip)) {
    if (part.xml.includes(SPLIT_TOKEN)) {
      throw new AppFailure(
        'internal',
        `填写${part.place}时出现异常字符，未生成文件。请把模板交给管理员检查。`,
      );
    }
    for (const para of paragraphTexts(part.xml)) {
      const found = new RegExp(DOUBLE_BRACE_RE.source).exec(para.text);
      if (!found) continue;
      const at = found.index;
      const placeholder = new RegExp(PLACEHOLDER_RE.source).exec(para.text.slice(at));
      const what = placeholder?.index === 0 ? placeholder[0] : para.text.slice(at, at + 20);
      throw new AppFailure(
        'bad_file',
        `模板${part.place}中的占位符“${what}”未能填写，未生成文件。占位符不能跨段落，也不能放在域代码或文本框中；请在 Word 或 WPS 中重新输入该占位符。`,
        { placeholder: what, place: part.place },
      );
    }
  }
}

/**
 * Fills, in place, every placeholder that lies whole inside one <w:t> (all of them in a template this app made,
 * most in one typed in Word). patchDocument re-walks the document for each patch — about 8 ms a placeholder,
 * 2 s for the 230 of the built-in report template — so it is left only what this cannot do: placeholders split
 * across runs, and the per-unit rows to repeat.
 */
function fillWholeRuns(xml: string, lookup: RowLookup): string {
  const inner = new RegExp(PLACEHOLDER_RE.source, 'g');
  return xml.replace(/<w:t(\s[^>]*)?>([^<]*)<\/w:t>/g, (whole, _attrs, text: string) => {
    if (!text.includes('{{')) return whole;
    let changed = false;
    const filled = decodeXml(text).replace(inner, (m, key: string) => {
      const p = parsePlaceholder(key);
      if (isProblem(p) || p.perUnit) return m;
      changed = true;
      return lookup(p);
    });
    return changed ? `<w:t xml:space="preserve">${escapeXml(filled)}</w:t>` : whole;
  });
}

/**
 * Fills a template: each {{名称}} with lookup(p), and each table row holding {{单位.…}} repeated once per entry of
 * perUnitRows (docx's TABLE_ROWS patch; no rows removes the row). Formatting of the placeholder's run is kept.
 * Placeholders typed full-width (｛｛名称｜累计｝｝, 单位．名称) or with spaces inside are first rewritten, run by run,
 * to their canonical half-width form, so everything below sees only {{key}}.
 * Fails, returning nothing, when the template has broken placeholders or any placeholder survives the fill.
 */
export async function fillTemplate(
  buf: Uint8Array,
  lookup: RowLookup,
  perUnitRows: readonly RowLookup[],
): Promise<Buffer> {
  const zip = await openDocx(buf);
  const parts = await textParts(zip);
  const { problems } = scanParts(parts);
  if (problems.length) {
    throw new AppFailure('validation', `模板中的占位符有误，未生成文件：${problemSummary(problems)}`, {
      problems,
    });
  }
  let touched = false;
  for (const part of parts) {
    const xml = fillWholeRuns(rewriteParagraphRuns(part.xml, canonicalPieces), lookup);
    if (xml === part.xml) continue;
    zip.file(part.path, xml);
    part.xml = xml;
    touched = true;
  }
  const pack = () => zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const remaining = scanParts(parts).placeholders;
  let out: Buffer;
  if (!remaining.length) {
    out = touched ? await pack() : Buffer.from(buf);
  } else {
    const patches: Record<string, IPatch | TableRowsPatch> = {};
    const unitFields = remaining.filter((p) => p.perUnit);
    for (const p of remaining) if (!p.perUnit) patches[p.key] = textPatch(lookup(p));
    if (unitFields.length) {
      patches[ROWS_KEY] = {
        type: PatchType.TABLE_ROWS,
        rows: perUnitRows.map((row) =>
          Object.fromEntries(unitFields.map((p) => [p.key.slice(PER_UNIT_PREFIX.length), textPatch(row(p))])),
        ),
      };
    }
    out = await patchDocument({
      outputType: 'nodebuffer',
      data: touched ? await pack() : buf,
      patches,
      keepOriginalStyles: true,
      trimPlaceholders: true,
      recursive: true,
    });
  }
  await assertFilled(out);
  return out;
}
