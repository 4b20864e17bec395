// `data.refreshPreview`, `data.refreshAccept`, `data.refreshDismiss`: the pending data refresh a
// newer seed version brought (db/seed-refresh.ts). Accepting writes one change-log batch, so the
// workbench's history lists it as "Data refresh vN" and history.undo takes it back.
import {
  acceptDataRefresh,
  dismissDataRefresh,
  previewDataRefresh,
  UnknownRefreshKeys,
} from '../../../db/seed-refresh';
import type { dataRefreshCalls } from '../../../shared/calls/data-refresh-calls';
import { ServiceError } from '../../../shared/errors';
import type { DomainHandlers, ServiceContext } from '../context';
import { storeRefused } from '../edit/edit-service';

export function dataRefreshHandlers(ctx: ServiceContext): DomainHandlers<keyof typeof dataRefreshCalls> {
  // ctx.db is read on every call: restoring a backup swaps the connection.
  return {
    'data.refreshPreview': () => previewDataRefresh(ctx.db),
    'data.refreshAccept': (input) => {
      try {
        const result = acceptDataRefresh(ctx.db, input.keys);
        if (result.applied > 0) ctx.events.emit('data.changed', { tables: ['metric_values'] });
        return result;
      } catch (error) {
        if (error instanceof UnknownRefreshKeys) {
          throw new ServiceError(
            'invalid_input',
            `data.refreshAccept refused: ${error.keys.length === 1 ? 'a key is' : `${error.keys.length} keys are`} not in the pending data refresh; nothing was written`,
            error.keys.map((key) => ({ path: 'keys', message: `${key} is not pending` })),
          );
        }
        return storeRefused('data.refreshAccept', error);
      }
    },
    'data.refreshDismiss': () => dismissDataRefresh(ctx.db),
  };
}
