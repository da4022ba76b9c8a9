// The Word module's public face: the GB/T kit, the progress report (finished or as a template), template
// inspection and filling, and the bulletin.
export { GbtKit, PT, balanceTitle, fontSlots, textWidthChars } from './gbt-kit';
export type { Block, RunStyle, TableColumn, TableSpec } from './gbt-kit';
export { colophon } from './colophon';
export type { ColophonInput, ColophonLine } from './colophon';
export { addresseeOf, buildReport, buildReportTemplate } from './report';
export type { ReportInput, ReportTemplateInput, UnitValues } from './report';
export { periodLabel, templateFacts, valueFacts } from './report-facts';
export type { ReportFacts } from './report-facts';
export { reportSections } from './report-text-more';
export type { ReportContext } from './report-text';
export type { ProseSection } from './report-prose';
export { fillTemplate, inspectTemplate } from './template';
export type { RowLookup, TemplateInspection, TemplateProblem, TemplateProblemKind } from './template';
export { buildBulletin, bodyParagraphs, issueLabel, DEFAULT_BULLETIN_NAME } from './bulletin';
export type { BulletinInput } from './bulletin';
export { describeNonDocx, documentFonts, openDocx, paragraphTexts, textParts } from './docx-parts';
export type { DocxPart, ParagraphText, PartPlace } from './docx-parts';
export { ValueBook, formatRaw, lookupFor, unitLookupFor } from './values';
export type { Variant } from './values';
