// `npm run data:build`: derive every seeded metric value from data/sources and write
// db/seed/derived-metrics.json (run from the repository root).
import { writeFileSync } from 'node:fs';
import { seedMarkets } from '../seed/markets';
import { deriveFacts, serialiseFacts } from './derive';
import { loadSourceTables } from './source-tables';

const facts = deriveFacts(loadSourceTables('data/sources'), seedMarkets);
writeFileSync('db/seed/derived-metrics.json', serialiseFacts(facts));
process.stdout.write(
  `derived ${facts.length} facts (${facts.filter((x) => x.kind === 'known').length} known) into db/seed/derived-metrics.json\n`,
);
