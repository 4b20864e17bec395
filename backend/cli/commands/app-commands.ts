import { json, type Command } from '../command';

export const appCommands: Record<string, Command> = {
  info: {
    summary: 'Show the app version, database path and schema version',
    formats: ['json', 'text'],
    options: {},
    call: 'app.info',
    input: () => ({}),
    render: (value, format) =>
      format === 'text'
        ? Object.entries(value as Record<string, unknown>)
            .map(([k, v]) => `${k}: ${String(v)}`)
            .join('\n') + '\n'
        : json(value),
  },
};
