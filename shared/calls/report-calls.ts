// Report calls: build the report model for a scenario, or render it to a file (PDF, HTML, Markdown,
// CSV or JSON) that the caller saves; see shared/report/.
import { z } from 'zod';
import { ReportFormat, ReportModel, ReportRequest } from '../report/model';
import type { CallSpecs } from './call-spec';
import { RunId } from './sensitivity-calls';

export const RenderedReportOut = z.object({
  filename: z.string(),
  mimeType: z.string(),
  /** utf8: `content` is the file's text; base64: its bytes (PDF). */
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});
export type RenderedReportOut = z.infer<typeof RenderedReportOut>;

export const reportCalls = {
  'report.build': {
    summary:
      'The report model for a preset (and profile, date, overrides, pinned sites): summary, ranking with every raw and normalised value and contribution, legality chains, sensitivity, sources and a reproducibility block.',
    input: ReportRequest,
    output: ReportModel,
  },
  'report.render': {
    summary:
      'The same report as a file: pdf (printed by Electron or a local Chromium), html (self-contained), md, csv (one row per site) or json.',
    input: ReportRequest.extend({ format: ReportFormat }),
    output: RenderedReportOut,
  },
  'report.cancel': {
    summary:
      'Stops a report.build or report.render named by its runId while its sensitivity section is computed; that call then fails with code "cancelled" and writes nothing.',
    input: z.strictObject({ runId: RunId }),
    output: z.object({ runId: z.string(), found: z.boolean() }),
  },
} as const satisfies CallSpecs;
