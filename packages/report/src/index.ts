/**
 * @polev/report: a policy review and its assessment as Markdown, a self-contained HTML page and
 * a Word document, in the shape of the reference review, with the policy tree, expenditure and
 * gap-map figures. Pure: no file or clock access.
 */
import type { Review } from '@polev/core';
import type { Assessment } from './assessment.js';
import { buildReport, type ReportOptions } from './model/build.js';
import { documentToDocx, type DocxRenderOptions } from './render/docx.js';
import { documentToHtml } from './render/html.js';
import { documentToMarkdown } from './render/markdown.js';
import type { PdfRenderOptions } from './render/pdf.js';

export { buildReport, resolveOptions, TREE_PAGE_HEIGHT, GAP_PAGE_HEIGHT, type ReportOptions, type ResolvedReportOptions } from './model/build.js';
export { filterReviewForAudience, scrubValue, REDACTION, type AudienceFilterResult, type DroppedItem, type DroppedKind } from './model/audience.js';
export type * from './model/document.js';
export { documentTexts, walkSections } from './model/document.js';
export { documentToMarkdown, escapeInline as escapeMarkdown } from './render/markdown.js';
export { documentToHtml, esc as escapeHtml } from './render/html.js';
export { documentToDocx, type DocxRenderOptions } from './render/docx.js';
export { BrowserUnavailableError } from './render/pdf-errors.js';
export type { PdfRenderOptions } from './render/pdf.js';
export {
  layoutPolicyTree,
  paginatePolicyTree,
  renderTreeSvg,
  DEFAULT_TREE_OPTIONS,
  type PolicyTreeNode,
  type TreeNodeKind,
  type TreeLayout,
  type TreeLayoutOptions,
  type LaidOutNode,
  type TreeEdge,
} from './figures/tree.js';
export { renderExpenditureChart, niceScale, type ExpenditureChart, type ExpenditureChartInput, type ExpenditureSeries, type ChartBar } from './figures/expenditure.js';
export { renderGapMap, paginateGapRows, STRENGTH_COLOURS, type GapMapInput, type GapMapRowInput } from './figures/gapmap.js';
export { textWidth, wrapText } from './figures/text.js';
export { svgToPng, RasterizerUnavailableError } from './figures/png.js';
export { labelsFor, type Labels, type Lang } from './labels/index.js';

export type ReportFormat = 'markdown' | 'html' | 'docx' | 'pdf';

/** The review as Markdown (diff-friendly, for review files kept in git). */
export function renderMarkdown(review: Review, assessment?: Assessment | null, options: ReportOptions = {}): string {
  return documentToMarkdown(buildReport(review, assessment, options));
}

/** The review as one self-contained HTML file (no scripts, no network requests, A4 print stylesheet). */
export function renderHtml(review: Review, assessment?: Assessment | null, options: ReportOptions = {}): string {
  return documentToHtml(buildReport(review, assessment, options));
}

/** The review as a Word document (.docx bytes). */
export async function renderDocx(review: Review, assessment?: Assessment | null, options: ReportOptions & DocxRenderOptions = {}): Promise<Uint8Array> {
  return documentToDocx(buildReport(review, assessment, options), options);
}

/**
 * The review as an A4 PDF, printed from the HTML by a locally installed Chromium (page numbers,
 * a contents list with page numbers, the print stylesheet). Throws BrowserUnavailableError,
 * naming what to install, where there is none. The renderer is loaded only when called.
 */
export async function renderPdf(review: Review, assessment?: Assessment | null, options: ReportOptions & PdfRenderOptions = {}): Promise<Uint8Array> {
  const { documentToPdf } = await import('./render/pdf.js');
  return documentToPdf(buildReport(review, assessment, options), options);
}

/** One of the formats: a string for Markdown and HTML, bytes for .docx and PDF. */
export function renderReport(format: 'markdown' | 'md', review: Review, assessment?: Assessment | null, options?: ReportOptions): Promise<string>;
export function renderReport(format: 'html', review: Review, assessment?: Assessment | null, options?: ReportOptions): Promise<string>;
export function renderReport(format: 'docx', review: Review, assessment?: Assessment | null, options?: ReportOptions & DocxRenderOptions): Promise<Uint8Array>;
export function renderReport(format: 'pdf', review: Review, assessment?: Assessment | null, options?: ReportOptions & PdfRenderOptions): Promise<Uint8Array>;
export function renderReport(format: ReportFormat | 'md', review: Review, assessment?: Assessment | null, options?: ReportOptions & DocxRenderOptions & PdfRenderOptions): Promise<string | Uint8Array>;
export async function renderReport(
  format: ReportFormat | 'md',
  review: Review,
  assessment?: Assessment | null,
  options: ReportOptions & DocxRenderOptions & PdfRenderOptions = {},
): Promise<string | Uint8Array> {
  switch (format) {
    case 'markdown':
    case 'md':
      return renderMarkdown(review, assessment, options);
    case 'html':
      return renderHtml(review, assessment, options);
    case 'docx':
      return renderDocx(review, assessment, options);
    case 'pdf':
      return renderPdf(review, assessment, options);
    default:
      throw new TypeError(`unknown report format ${JSON.stringify(format)}: use "markdown", "html", "docx" or "pdf"`);
  }
}

/** File extension and media type per format, for the CLI and the API. */
export const REPORT_FORMATS: Record<ReportFormat, { extension: string; mediaType: string }> = {
  markdown: { extension: '.md', mediaType: 'text/markdown; charset=utf-8' },
  html: { extension: '.html', mediaType: 'text/html; charset=utf-8' },
  docx: { extension: '.docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { extension: '.pdf', mediaType: 'application/pdf' },
};
