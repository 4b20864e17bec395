import { ExportInput, ExportOutput, ImportInput, ImportPreview, ImportResult } from '../model/transfer';
import type { CallSpecs } from './call-spec';

export const transferCalls = {
  'import.preview': {
    summary:
      'Checks a file (sites CSV or JSON) against the store and lists, per row, what would be added, changed or ' +
      'left unchanged, and every error. Writes nothing.',
    input: ImportInput,
    output: ImportPreview,
  },
  'import.commit': {
    summary:
      'Checks the file again and writes all of it in one transaction, logged in change_log as one batch, or ' +
      'nothing if any row is bad.',
    input: ImportInput,
    output: ImportResult,
    writes: true,
  },
  'export.table': {
    summary: 'One table as CSV or JSON, or the whole store ("all") as JSON, with a suggested file name.',
    input: ExportInput,
    output: ExportOutput,
  },
} as const satisfies CallSpecs;
