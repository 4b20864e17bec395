// `import.*` and `export.*` calls: decode the file (bytes are checked for their encoding here, so a
// UTF-16 or Latin-1 file is named rather than misread), then preview, commit or export.
import { commitImport, ImportFailed, ImportRefused, previewImport } from '../../../db/transfer/import';
import { exportTable } from '../../../db/transfer/export';
import { checkText, decodeText, type TextCheck } from '../../../shared/csv-parse';
import { ServiceError, type ErrorIssue } from '../../../shared/errors';
import type { ImportError, ImportInput, ImportPreview } from '../../../shared/model/transfer';
import type { DomainHandlers, ServiceContext } from '../context';

type TransferCalls = 'import.preview' | 'import.commit' | 'export.table';

function fileText(input: ImportInput): TextCheck {
  if (input.contentBase64 !== undefined) {
    return decodeText(new Uint8Array(Buffer.from(input.contentBase64, 'base64')));
  }
  return checkText(input.content ?? '');
}

/** "row 5 (line 7), column lat" — how the CLI and UI name a bad cell. */
export function errorPath(e: ImportError): string {
  const parts: string[] = [];
  if (e.table !== null) parts.push(e.table);
  if (e.row !== null)
    parts.push(e.line !== null && e.line !== e.row ? `row ${e.row} (line ${e.line})` : `row ${e.row}`);
  if (e.column !== null) parts.push(`column ${e.column}`);
  return parts.length > 0 ? parts.join(', ') : 'file';
}

function issues(preview: ImportPreview): ErrorIssue[] {
  return preview.errors.map((e) => ({ path: errorPath(e), message: e.message }));
}

export function transferHandlers(ctx: ServiceContext): DomainHandlers<TransferCalls> {
  return {
    'import.preview': (input) => {
      const text = fileText(input);
      if (!text.ok) {
        const error = { table: null, row: null, line: null, column: null, message: text.message };
        return { kind: input.kind, added: [], changed: [], unchanged: [], errors: [error], notes: [] };
      }
      return previewImport(ctx.db, input.kind, text.text);
    },
    'import.commit': (input) => {
      const text = fileText(input);
      if (!text.ok) throw new ServiceError('invalid_input', `import refused: ${text.message}; nothing was changed`);
      try {
        const { result, tables } = commitImport(ctx.db, input.kind, text.text);
        if (tables.length > 0) ctx.events.emit('data.changed', { tables });
        return result;
      } catch (error) {
        if (error instanceof ImportRefused)
          throw new ServiceError('invalid_input', error.message, issues(error.preview));
        if (error instanceof ImportFailed) throw new ServiceError('internal', error.message);
        throw error;
      }
    },
    'export.table': (input) => exportTable(ctx.db, input.table, input.format),
  };
}
