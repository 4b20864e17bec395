// `npm run data:build`: derive every seeded metric value from data/sources and write
// db/seed/derived-metrics.json (run from the repository root).
import { writeFileSync } from 'node:fs';
import { seedMarkets } from '../seed/markets';
import { seedSites } from '../seed/sites';
import { deriveAll, serialiseBuild } from './derive';
import { loadSourceTables } from './source-tables';

const build = deriveAll(loadSourceTables('data/sources'), seedMarkets, seedSites);
writeFileSync('db/seed/derived-metrics.json', serialiseBuild(build));
const known = build.facts.filter((x) => x.kind === 'known').length;
process.stdout.write(
  `derived ${build.facts.length} facts (${known} known) and ${build.sites.length} site capacities into db/seed/derived-metrics.json\n`,
);
