import { z } from 'zod';
import { AppInfo } from '../schemas';
import type { CallSpecs } from './call-spec';

export const appCalls = {
  'app.info': {
    summary: 'Version, database path, schema version and size of the store.',
    input: z.strictObject({}),
    output: AppInfo,
  },
} as const satisfies CallSpecs;
