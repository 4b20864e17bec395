// Every text format of the report from one model; the PDF is the HTML printed (backend/ and electron/
// hold the printers, since printing needs a browser).
import type { ReportFormat, ReportModel } from './model';
import { renderCsv } from './render-csv';
import { renderHtml, type ReportAssets } from './render-html';
import { renderMarkdown } from './render-markdown';
import { reportFileStem } from './words';

export interface RenderedReport {
  filename: string;
  mimeType: string;
  content: string;
}

export const MIME_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  html: 'text/html;charset=utf-8',
  md: 'text/markdown;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
};

export function reportFilename(model: Pick<ReportModel, 'title' | 'asOf'>, format: ReportFormat): string {
  return `${reportFileStem(model)}.${format}`;
}

export function renderReportText(
  model: ReportModel,
  format: Exclude<ReportFormat, 'pdf'>,
  assets: ReportAssets,
): RenderedReport {
  const content =
    format === 'html'
      ? renderHtml(model, assets)
      : format === 'md'
        ? renderMarkdown(model)
        : format === 'csv'
          ? renderCsv(model)
          : `${JSON.stringify(model, null, 2)}\n`;
  return { filename: reportFilename(model, format), mimeType: MIME_TYPES[format], content };
}
