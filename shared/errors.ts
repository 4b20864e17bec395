// Errors travel as values across every boundary (IPC, HTTP, CLI): one shape, one set of codes.
import { z } from 'zod';

export const ErrorCode = z.enum([
  'invalid_input',
  'unknown_call',
  'not_found',
  'forbidden',
  'read_only',
  /** The caller stopped a long call (report.cancel) before it finished; nothing came of it. */
  'cancelled',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorIssue = z.object({ path: z.string(), message: z.string() });
export type ErrorIssue = z.infer<typeof ErrorIssue>;

export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.array(ErrorIssue),
});
export type ApiError = z.infer<typeof ApiError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ResultEnvelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiError }),
]);

export function failure(code: ErrorCode, message: string, issues: ErrorIssue[] = []): Result<never> {
  return { ok: false, error: { code, message, issues } };
}

/** Thrown by services for expected failures; the dispatcher turns it into a `Result`. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** Thrown by clients when a call comes back `{ ok: false }`, so callers can `try/catch`. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[];
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.issues = error.issues;
  }
}

/** Turns zod issues into the flat `{ path, message }` list the UI and CLI print. */
export function issuesFromZod(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}

export function describeIssues(issues: ErrorIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}
