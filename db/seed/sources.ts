// The sources the seed cites more than once, each as it appears in docs/reference/domain-facts.md,
// so a site and the metric values of its market point at the very same title, URL and date.
// asOf is the end of the period a figure describes (H2 2024 → 2024-12-31, FY2023 → 2024-03-31, a
// month → its last day); for a dated document (a press release, a dated doc page) it is that date.
import type { Source } from '../../shared/schemas';

/**
 * Some sources are live pages with no date (cloudping) or give no year (a climate figure). Their
 * as-of is the date of the latest dated item in the reference compilation: the day the page was
 * read cannot be later than that compilation, and the note on each value says the page is undated.
 */
export const REFERENCE_COMPILED = '2026-01-24';

/** The last policy event in the reference: chip statuses in the catalogue hold as of this day. */
export const LAST_POLICY_EVENT = '2025-12-08';

export const CW_H2_2022: Source = {
  title: 'Cushman & Wakefield, APAC Data Centre Update H2 2022 (p.4)',
  url: 'https://cushwake.cld.bz/apac-dc-h2-2022-update/4/',
  asOf: '2022-12-31',
};
export const CW_H2_2023: Source = {
  title: 'Cushman & Wakefield, APAC Data Centre Update H2 2023',
  url: 'https://cushwake.cld.bz/apac-dc-h2-2023-update/5',
  asOf: '2023-12-31',
};
export const CW_H2_2023_HK: Source = {
  title: 'Cushman & Wakefield, APAC Data Centre Update H2 2023 (p.20, Hong Kong)',
  url: 'https://cushwake.cld.bz/apac-dc-h2-2023-update/20/',
  asOf: '2023-12-31',
};
export const CW_H1_2024: Source = {
  title: 'Cushman & Wakefield, APAC Data Centre Update H1 2024',
  url: 'https://cushwake.cld.bz/apac-dc-h1-2024-update/6',
  asOf: '2024-06-30',
};
export const CW_H1_2024_SYDNEY: Source = {
  title: 'Cushman & Wakefield, APAC Data Centre Update H1 2024 (p.10, Sydney)',
  url: 'https://cushwake.cld.bz/apac-dc-h1-2024-update/10',
  asOf: '2024-06-30',
};
export const CW_H1_2024_MUMBAI: Source = {
  title: 'Cushman & Wakefield, APAC Data Centre Update H1 2024 (p.14, Mumbai)',
  url: 'https://cushwake.cld.bz/apac-dc-h1-2024-update/14',
  asOf: '2024-06-30',
};
export const CW_H2_2024: Source = {
  title: 'Cushman & Wakefield, Asia Pacific Data Centre Update H2 2024',
  url: 'https://cushwake.cld.bz/asiapacificdatacentreupdateh22024-02-2025-apac-regional-en-content-datacentres/18',
  asOf: '2024-12-31',
};
export const CW_H2_2024_HK: Source = {
  title: 'Cushman & Wakefield, Asia Pacific Data Centre Update H2 2024 (p.12, Hong Kong)',
  url: 'https://cushwake.cld.bz/asiapacificdatacentreupdateh22024-02-2025-apac-regional-en-content-datacentres/12',
  asOf: '2024-12-31',
};
export const CW_COST_GUIDE_TARIFFS: Source = {
  title: 'Cushman & Wakefield, Asia Pacific Data Centre Construction Cost Guide 2025 (p.6, power tariffs)',
  url: 'https://cushwake.cld.bz/asiapacificdatacentreconstructioncostguide-01-2025-apac-regional-en-content-datacentres/6',
  asOf: '2024-11-30',
};
export const CW_COST_GUIDE_CHINA: Source = {
  title: 'Cushman & Wakefield, Asia Pacific Data Centre Construction Cost Guide 2025 (p.12, Mainland China)',
  url: 'https://cushwake.cld.bz/asiapacificdatacentreconstructioncostguide-01-2025-apac-regional-en-content-datacentres/12',
  asOf: '2025-01-31',
};
export const CW_COST_GUIDE_JOHOR_LAND: Source = {
  title: 'Cushman & Wakefield, Asia Pacific Data Centre Construction Cost Guide 2025 (p.22, Johor land)',
  url: 'https://cushwake.cld.bz/asiapacificdatacentreconstructioncostguide-01-2025-apac-regional-en-content-datacentres/22',
  asOf: '2025-01-31',
};
export const GITEX_APAC_2024: Source = {
  title: 'GITEX Asia: Asia Pacific data centre 2024 market report released (C&W, H1 2024)',
  url: 'https://gitexasia.com/newsroom/asia-pacific-data-centre-2024-market-report-released',
  asOf: '2024-06-30',
};
export const IMDA_2024: Source = {
  title: 'IMDA factsheet: Charting green growth for data centres in Singapore',
  url: 'https://www.imda.gov.sg/resources/press-releases-factsheets-and-speeches/factsheets/2024/charting-green-growth-for-data-centres-in-sg',
  asOf: '2024-05-30',
};
export const EAST_DATA_WEST: Source = {
  title: 'Science and Technology Daily: "East Data West Computing" national hubs',
  url: 'https://digitalpaper.stdaily.com/http_www.kjrb.com/ywtk/html/2022-02/24/content_531141.htm?div=-1',
  asOf: '2022-02-24',
};
export const BATAM_LOAN: Source = {
  title: 'TechStories: DBS and UOB approve US$411M loan for Batam data centre',
  url: 'https://www.techstories.co/dbs-and-uob-approves-us-411m-loan-for-batam-data-centre',
  asOf: '2025-01-01',
};
export const HORINGER_LATENCY: Source = {
  title: 'Khabar Asia: Prairie winds power China’s green computing revolution',
  url: 'https://khabarasia.com/china/20260124-prairie-winds-power-chinas-green-computing-revolution',
  asOf: '2026-01-24',
};
export const THAILAND_PIPELINE: Source = {
  title: 'W.Media: Thailand surged 200%, Malaysia 70% in planned capacity in H1 2025 (C&W report)',
  url: 'https://w.media/thailand-surged-200-malaysia-70-in-planned-capacity-in-h1-2025-cw-report',
  asOf: '2025-06-30',
};
export const CLOUDPING: Source = {
  title: 'CloudPing: AWS inter-region latency matrix (live page, snapshot date unknown)',
  url: 'https://cloudping.co/',
  asOf: REFERENCE_COMPILED,
};
export const AZURE_LATENCY: Source = {
  title: 'Microsoft Azure docs: Azure network round-trip latency statistics (P50)',
  url: 'https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/networking/azure-network-latencyv2.md',
  asOf: '2023-07-21',
};
export const OWID_CARBON: Source = {
  title: 'Our World in Data: Carbon intensity of electricity generation',
  url: 'https://ourworldindata.org/grapher/carbon-intensity-electricity?tab=table',
  asOf: '2023-12-31',
};
export const WPR_WATER_STRESS: Source = {
  title: 'World Population Review: Water stress by country (WRI Aqueduct 2023 scores)',
  url: 'https://worldpopulationreview.com/country-rankings/water-stress-by-country',
  asOf: '2023-12-31',
};
export const CHINA_POWER_PRICE: Source = {
  title: 'China Briefing: China electricity prices for industrial consumers',
  url: 'https://china-briefing.com/news/china-electricity-prices-industrial-consumers',
  asOf: '2024-12-31',
};
export const THAILAND_BOI: Source = {
  title: 'W.Media: Thailand BOI approves four data-centre projects (US$3.1B) and new data-centre conditions',
  url: 'https://w.media/?p=186245',
  asOf: '2025-11-10',
};
