import { command, json, type Command } from '../command';

export const appCommands: Record<string, Command> = {
  info: command({
    summary: 'Show the app version, database path and schema version',
    formats: ['json', 'text'],
    options: {},
    call: 'app.info',
    input: () => ({}),
    render: (value, format) =>
      format === 'text'
        ? Object.entries(value)
            .map(([k, v]) => `${k}: ${String(v)}`)
            .join('\n') + '\n'
        : json(value),
  }),
};
