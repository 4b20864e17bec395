// Every CLI command, one group per domain; a name used twice is refused at load.
import type { Command } from '../command';
import { appCommands } from './app-commands';
import { dataCommands } from './data-commands';
import { editCommands } from './edit-commands';
import { legalityCommands } from './legality-commands';
import { presetsCommands } from './presets-commands';
import { reportCommands } from './report-commands';
import { scoreCommands } from './score-commands';
import { sensitivityCommands } from './sensitivity-commands';
import { siteCommands } from './site-commands';
import { storeCommands } from './store-commands';
import { transferCommands } from './transfer-commands';

function merge(...groups: Record<string, Command>[]): Record<string, Command> {
  const all: Record<string, Command> = {};
  for (const group of groups) {
    for (const [name, command] of Object.entries(group)) {
      if (Object.hasOwn(all, name)) throw new Error(`CLI command "${name}" is declared twice`);
      all[name] = command;
    }
  }
  return all;
}

export const commands = merge(
  appCommands,
  siteCommands,
  transferCommands,
  storeCommands,
  dataCommands,
  legalityCommands,
  sensitivityCommands,
  scoreCommands,
  reportCommands,
  editCommands,
  presetsCommands,
);
