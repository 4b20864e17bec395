// `report.*` calls: build the report model (report-builder.ts) and render it to a file. The PDF is
// the HTML printed by the printer the backend was given: Electron's printToPDF in the desktop app,
// a local Chromium in browser mode and the CLI (report-pdf.ts). A build runs under a run id on the
// sensitivity runner it shares with sensitivity.run, so report.cancel can stop its SMAA.
import type { reportCalls } from '../../../shared/calls/report-calls';
import { renderHtml } from '../../../shared/report/render-html';
import { MIME_TYPES, renderReportText, reportFilename } from '../../../shared/report/render';
import type { DomainHandlers, ServiceContext } from '../context';
import { reportCountries } from './report-basemap';
import { buildReport } from './report-builder';
import type { PdfPrinter } from './report-pdf';
import type { SensitivityRunner } from '../sensitivity/sensitivity-runner';
import { withRunId } from '../sensitivity/sensitivity-service';

export function reportHandlers(
  ctx: ServiceContext,
  printPdf: PdfPrinter,
  runner: SensitivityRunner,
): DomainHandlers<keyof typeof reportCalls> {
  return {
    'report.build': (input) => withRunId(runner, input.runId, (runId) => buildReport(ctx, input, { runner, runId })),
    'report.render': ({ format, ...request }) =>
      withRunId(runner, request.runId, async (runId) => {
        const model = await buildReport(ctx, request, { runner, runId });
        if (format === 'pdf') {
          const pdf = await printPdf(renderHtml(model, { countries: reportCountries() }));
          return {
            filename: reportFilename(model, 'pdf'),
            mimeType: MIME_TYPES.pdf,
            encoding: 'base64' as const,
            content: Buffer.from(pdf).toString('base64'),
          };
        }
        return { ...renderReportText(model, format, { countries: reportCountries() }), encoding: 'utf8' as const };
      }),
    'report.cancel': ({ runId }) => ({ runId, found: runner.cancel(runId) }),
  };
}
