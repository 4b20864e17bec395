// Power price (US¢/kWh): each market's published tariff in its own currency, converted with a dated
// exchange rate (Federal Reserve annual averages, foreign currency per USD, in data/sources/fx-rates
// and fx-rates-2015-2020; Bank Indonesia's JISDOR fix for the rupiah): US¢/kWh = tariff ÷ rate × 100.
// A mainland Chinese hub takes its own province's figure; the national average only where no
// provincial figure was found, and its note says so.
import type { Market } from '../../../shared/model/jurisdictions';
import { asPublished, derived, gap, type Fact, type Figures, type Picked } from '../figures';
import { dottedThousands, estimated } from './market-helpers';

const ID = 'power_price_usc_kwh';

/** Fed annual average for a year: 2023–2025 in fx-rates, earlier years in fx-rates-2015-2020. */
function fxRate(f: Figures, country: string, year: string): Picked {
  const q = 'exchange_rate_annual_average';
  return f.find('fx-rates', country, q, year) ?? f.get('fx-rates-2015-2020', country, q, year);
}

const usc = (perUnit: number, rate: number): number => (perUnit / rate) * 100;

/** A tariff in yuan/kWh at the year's CNY rate. */
function yuan(f: Figures, market: Market, tariff: Picked, year: string, note: string): Fact {
  const rate = fxRate(f, 'China', year);
  return derived(
    ID,
    { marketId: market.id },
    usc(tariff.number, rate.number),
    `${tariff.figure.value} yuan/kWh ÷ ${rate.figure.value} CNY per USD (${year} annual average) × 100 = US¢/kWh`,
    [tariff, rate],
    note,
  );
}

/**
 * China's national average industrial rate, already in US$/kWh (× 100 for US¢), standing in for a
 * province whose own tariff was not found: a proxy, so an `estimate` (its table's method too), with
 * the reasoning written down.
 */
function chinaNational(f: Figures, market: Market, province: string): Fact {
  const p = f.get('china-briefing-industrial-power-2024', 'China', 'average_industrial_power_rate', '2024');
  const usc = p.number * 100;
  return estimated(
    ID,
    { marketId: market.id },
    usc,
    `${p.figure.value} US$/kWh × 100 = ${Number(usc.toPrecision(6))} US¢/kWh (already in US dollars; no conversion), ` +
      `taken for ${province} although it is China's national average industrial rate for 2024: no provincial ` +
      `industrial tariff for ${province} was found in the sources read (China Briefing's provincial tables and the ` +
      `provincial NDRC / grid agency-purchase price notices were not in the stored copies), and provincial rates ` +
      `differ from the national mean by the province's coal benchmark, transmission charge and time-of-use bands`,
    [p],
    `Mainland China's national average industrial rate, 2024, standing in for ${province}: it may overstate or understate the local price.`,
  );
}

type PowerRule = (f: Figures, market: Market) => Fact;

const RULES: Record<string, PowerRule> = {
  sg: (f, m) =>
    asPublished(
      ID,
      { marketId: m.id },
      f.get('cw-apac-dc-cost-guide-2025-power', 'sg', 'dc_power_tariff', '2024-11'),
      'Data-centre power tariff surveyed by C&W, Nov 2024, already in US¢/kWh (APAC average 11.5 US¢/kWh in the same guide).',
    ),
  'my-johor': (f, m) => {
    const tariff = f.get('st-rp4-base-tariff-2025', 'my-johor', 'average_base_tariff');
    const rate = fxRate(f, 'Malaysia', '2025');
    return derived(
      ID,
      { marketId: m.id },
      usc(tariff.number / 100, rate.number),
      `${tariff.figure.value} sen/kWh ÷ 100 sen per ringgit = ${(tariff.number / 100).toFixed(4)} MYR/kWh; ÷ ${rate.figure.value} MYR per USD (2025 annual average, the tariff's first year) × 100 = US¢/kWh`,
      [tariff, rate],
      "The Energy Commission's RP4 average base tariff for Peninsular Malaysia (Johor included), 1 Jul 2025 to end-2027: an average over all customer classes, not a data-centre or industrial rate (45.62 sen/kWh as approved in Dec 2024, since set at 45.40).",
    );
  },
  'cn-jjj': (f, m) => chinaNational(f, m, 'Beijing or Hebei'),
  'cn-nmg': (f, m) =>
    yuan(
      f,
      m,
      f.get('chinadaily-hohhot-2015', 'cn-nmg', 'standard_electricity_charge', '2015'),
      '2015',
      'Hohhot\'s "standard charge of electricity of the region" (western Inner Mongolia grid), 2015: stale, converted at the 2015 rate. Ulanqab offered cloud users 0.26 yuan/kWh (2018, pandaily-apple-ulanqab) and subsidised data-centre power is about 0.4 yuan/kWh (2025, FT report); neither is used.',
    ),
  'cn-gz': (f, m) =>
    yuan(
      f,
      m,
      f.get('chinatoday-guian-electricity', 'cn-gz', 'discounted_dc_electricity_rate'),
      '2020',
      "Discounted data-centre electricity rate in Gui'an New Area quoted by a Gui'an official (c. 2020; other areas about 0.5 yuan/kWh); converted at the 2020 rate.",
    ),
  'cn-nx': (f, m) =>
    yuan(
      f,
      m,
      f.get('cccweb-zhongwei-2020', 'cn-nx', 'electricity_price', '2020'),
      '2020',
      'Electricity price at the Zhongwei cloud base, 2020; converted at the 2020 rate.',
    ),
  'cn-yrd': (f, m) => chinaNational(f, m, 'Shanghai or Jiangsu'),
  'cn-gba': (f, m) => chinaNational(f, m, 'Guangdong'),
  hk: (f, m) => {
    const basic = f.get('scmp-clp-tariff-2025', 'hk', 'clp_average_basic_tariff', '2025');
    const fuel = f.get('scmp-clp-tariff-2025', 'hk', 'clp_fuel_charge');
    const rate = fxRate(f, 'Hong Kong', '2025');
    const hkd = (basic.number + fuel.number) / 100;
    return derived(
      ID,
      { marketId: m.id },
      usc(hkd, rate.number),
      `(${basic.figure.value} + ${fuel.figure.value}) HK¢/kWh = ${(basic.number + fuel.number).toFixed(1)} HK¢ = ${hkd.toFixed(3)} HKD/kWh; ÷ ${rate.figure.value} HKD per USD (2025 annual average) × 100 = US¢/kWh`,
      [basic, fuel, rate],
      "CLP Power's 2025 average basic tariff plus fuel charge, averaged over all its customers (not a large-power tariff); CLP supplies Kowloon and the New Territories, where the Tseung Kwan O and Tsuen Wan sites are.",
    );
  },
  'th-eec': (f, m) => {
    const tariff = f.get('mea-large-general-service-tariff', 'th-eec', 'tariff_4_1_1_69kv_energy_charge');
    const rate = fxRate(f, 'Thailand', '2025');
    return derived(
      ID,
      { marketId: m.id },
      usc(tariff.number, rate.number),
      `${tariff.figure.value} Baht/kWh ÷ ${rate.figure.value} THB per USD (2025 annual average: the schedule, in force from Nov 2015, is the one MEA listed when read) × 100 = US¢/kWh`,
      [tariff, rate],
      "MEA large general service (schedule 4.1.1, 69 kV and over) energy charge only: excludes the demand charge (224.30 Baht/kW on-peak), the Ft fuel adjustment and VAT, so the bill per kWh is higher. MEA serves Bangkok (Bang Na); PEA's schedule for Chonburi has the same structure.",
    );
  },
  'id-jakarta': (f, m) => {
    const tariff = f.get('suara-pln-tariff-2025q4', 'id-jakarta', 'tariff_i4_tt_above_30mva');
    const rate = dottedThousands(f.get('jisdor-idr-2025', 'Indonesia', 'jisdor_reference_rate', '2025-09-25'));
    return derived(
      ID,
      { marketId: m.id },
      usc(tariff.number, rate.number),
      `${tariff.figure.value} Rp/kWh ÷ ${rate.number} Rp per USD (Bank Indonesia JISDOR fix of 2025-09-25, written "${rate.figure.value}" with the dot separating thousands; the latest dated rate before the Nov–Dec 2025 tariff period) × 100 = US¢/kWh`,
      [tariff, rate],
      'PLN industrial tariff I-4 (high voltage, above 30,000 kVA), Nov–Dec 2025 (Permen ESDM 7/2024): the class a large campus takes; medium-voltage I-3 is 1,114.74 Rp/kWh.',
    );
  },
  'jp-tokyo': (f, m) => {
    const tariff = f.get('tepco-overall-rates-fy2015', 'jp-tokyo', 'overall_rate_power_services', 'FY2015');
    const rate = fxRate(f, 'Japan', '2015');
    return derived(
      ID,
      { marketId: m.id },
      usc(tariff.number, rate.number),
      `${tariff.figure.value} yen/kWh ÷ ${rate.figure.value} JPY per USD (2015 annual average; FY2015 runs Apr 2015–Mar 2016) × 100 = US¢/kWh`,
      [tariff, rate],
      "TEPCO's average revenue per kWh from power (commercial and industrial) customers, FY2015: stale (no newer official figure was found), and it excludes liberalised large-scale demand, so it is not a data-centre contract price.",
    );
  },
  'in-mumbai': (f, m) =>
    asPublished(
      ID,
      { marketId: m.id },
      f.get('newsdrum-tt-mumbai-power-2025', 'in-mumbai', 'electricity_tariff', '2025'),
      "Electricity tariff for Mumbai in Turner & Townsend's 2025 data-centre cost index, already in US¢/kWh; the report does not name the customer class.",
    ),
  'us-nova': (f, m) =>
    asPublished(
      ID,
      { marketId: m.id },
      f.get('eia-electric-power-annual-2023', 'us-nova', 'average_price_industrial', '2023'),
      "Virginia's statewide average industrial price, 2023, already in US¢/kWh; Dominion Energy's data-centre tariff rows were not found.",
    ),
};

const GAPS: Record<string, string> = {
  'id-batam':
    'Batam is supplied by PT PLN Batam under its own tariff schedule, which is in none of the sources read; the PLN tariff (suara-pln-tariff-2025q4) is Jakarta’s, not Batam’s',
  'au-sydney':
    'No industrial or data-centre tariff for New South Wales in the sources read; C&W’s 20 MW Sydney example (US$86/kW a month) is a cost per kW, not a price per kWh',
};

export function powerPrice(f: Figures, market: Market): Fact {
  const rule = RULES[market.id];
  if (rule !== undefined) return rule(f, market);
  return gap(
    ID,
    { marketId: market.id },
    GAPS[market.id] ?? `No published tariff for ${market.name} in the sources read`,
  );
}
