// The single list of backend calls and events. IPC, HTTP, CLI and the renderer's client derive
// their types from this file; adding a call means adding it here and nowhere else by hand.
import { z } from 'zod';
import { AppInfo, BBox, IsoCountry, Site, SiteStatus } from './schemas';

interface CallSpec {
  summary: string;
  input: z.ZodType;
  output: z.ZodType;
}

export const contract = {
  'app.info': {
    summary: 'Version, database path, schema version and size of the store.',
    input: z.strictObject({}),
    output: AppInfo,
  },
  'sites.list': {
    summary: 'Candidate sites, optionally filtered by country, status or a map bounding box.',
    input: z.strictObject({
      country: IsoCountry.optional(),
      status: SiteStatus.optional(),
      bbox: BBox.optional(),
    }),
    output: z.array(Site),
  },
} as const satisfies Record<string, CallSpec>;

export type CallName = keyof typeof contract;
/** What a caller may send (defaults not yet applied). */
export type CallInput<N extends CallName> = z.input<(typeof contract)[N]['input']>;
/** What a handler receives (validated, defaults applied). */
export type ParsedInput<N extends CallName> = z.output<(typeof contract)[N]['input']>;
export type CallOutput<N extends CallName> = z.output<(typeof contract)[N]['output']>;

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** Push notifications from the backend; a transport forwards them unchanged. */
export const events = {
  'data.changed': z.object({ tables: z.array(z.string()) }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export const eventNames = Object.keys(events) as EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** The typed API every transport offers the renderer. */
export type Api = { [N in CallName]: (input: CallInput<N>) => Promise<CallOutput<N>> };
