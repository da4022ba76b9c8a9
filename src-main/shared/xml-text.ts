// Characters an .xlsx or .docx cannot hold. Both are XML 1.0, whose Char excludes the C0 controls other than tab,
// line feed and carriage return, the noncharacters U+FFFE and U+FFFF, and surrogate halves standing alone: one such
// character in a cell and Excel or WPS refuses the whole workbook ("文件已损坏"). They arrive invisibly — pasted from
// Word (a Shift+Enter line break is U+000B, a page break U+000C), from mis-decoded files, or a split emoji — so they
// are cleaned where text comes in (the record schema) and again where a workbook is written (the safety net).

/* eslint-disable no-control-regex -- these patterns exist to find control characters */
const LINE_BREAKS = /[\u000b\u000c]/g;
const NOT_XML =
  /[\u0000-\u0008\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ANY_BAD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;
/* eslint-enable no-control-regex */

/** True when `text` holds a character XML cannot (a well-formed surrogate pair counts as bad here: check with clean). */
function mayNeedCleaning(text: string): boolean {
  return ANY_BAD.test(text);
}

/**
 * `text` with Word's line and page breaks (U+000B, U+000C) turned into line feeds and every other character XML
 * cannot hold removed. Visible text is never changed; the same string comes back when there is nothing to clean.
 */
export function cleanXmlText(text: string): string {
  if (!mayNeedCleaning(text)) return text;
  return text.replace(LINE_BREAKS, '\n').replace(NOT_XML, '');
}

/** True when `text` holds a character XML cannot. */
export function hasXmlInvalidChars(text: string): boolean {
  return mayNeedCleaning(text) && cleanXmlText(text) !== text;
}
