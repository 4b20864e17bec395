// Campus capacities (MW existing / planned) for the named campuses of db/seed/campuses.ts, from
// operator announcements, news reports of them and market reports in data/sources. As in
// site-capacities.ts: "planned" is capacity beyond what exists (the app adds the two); a single
// announced figure keeps its table's method; a sum or difference is `derived` with its formula; a
// bound ("over 270", "150+"), an approximation or a proxy (cabinets × kW, grid supply) is an
// `estimate` with its reasoning. A campus no source sizes still cites the row that names it, with
// both figures null. A campus that is a district site's whole capacity is seeded under the district's
// id (CAMPUS_OF_DISTRICT in db/seed/sites.ts).
import type { SiteCapacity } from '../site-capacity';
import type { SiteCapacityRule } from './site-capacity-rule';
import type { Figures, Picked } from '../figures';
import { qualified, singleCapacity, siteCapacity, type Qualified } from './market-helpers';

const v = (p: Picked): string => p.figure.value;

/**
 * A bound or approximation: "over 270", "more than 300", "up to 60" (via `qualified`), "150+" (a
 * lower bound) or "约2050" (Chinese "about"); taken at its number, as an estimate.
 */
function bound(f: Figures, sourceId: string, subject: string, quantity: string): Qualified {
  const rows = f.all(sourceId, (x) => x.subject === subject && x.quantity === quantity);
  const figure = rows[0];
  if (figure === undefined || rows.length > 1)
    throw new Error(`${sourceId}: ${rows.length} figures for ${quantity} of ${subject}; expected one`);
  const plus = /^(\d+(?:\.\d+)?)\+$/.exec(figure.value.trim());
  if (plus) return { figure, table: f.table(sourceId), number: Number(plus[1]), qualifier: 'at least' };
  const about = /^约(\d+(?:\.\d+)?)$/.exec(figure.value.trim());
  if (about) return { figure, table: f.table(sourceId), number: Number(about[1]), qualifier: 'about' };
  return qualified(f, sourceId, subject, quantity);
}

/** A Chinese count written with 万 (ten thousand): "1万" → 10,000. */
function wan(f: Figures, sourceId: string, subject: string, quantity: string): Picked {
  const rows = f.all(sourceId, (x) => x.subject === subject && x.quantity === quantity);
  const figure = rows[0];
  const m = figure === undefined || rows.length > 1 ? null : /^(\d+(?:\.\d+)?)万$/.exec(figure.value.trim());
  if (figure === undefined || m === null)
    throw new Error(`${sourceId}: ${quantity} of ${subject} is not one count in 万`);
  return { figure, table: f.table(sourceId), number: Number(m[1]) * 10_000 };
}

/** A figure read as a bound, as an estimate of existing or planned MW. */
function estimatedBound(
  f: Figures,
  id: string,
  which: 'existing' | 'planned',
  [sourceId, subject, quantity]: readonly [string, string, string],
  reasoning: string,
  note: string,
): SiteCapacity {
  const p = bound(f, sourceId, subject, quantity);
  const mw = which === 'existing' ? { existing: p.number, planned: null } : { existing: null, planned: p.number };
  return siteCapacity(
    id,
    mw,
    'estimate',
    `"${v(p)}" MW taken as ${p.number} MW (${p.qualifier}): ${reasoning}`,
    [p],
    note,
  );
}

/** A campus no source sizes: it cites the row that names it, and its MW stay unknown. */
function unsized(
  f: Figures,
  id: string,
  [sourceId, subject, quantity]: readonly [string, string, string],
  note: string,
): SiteCapacity {
  const row = f.all(sourceId, (x) => x.subject === subject && x.quantity === quantity)[0];
  if (row === undefined) throw new Error(`${sourceId}: no ${quantity} for ${subject}`);
  const p: Picked = { figure: row, table: f.table(sourceId), number: Number.NaN };
  return siteCapacity(id, { existing: null, planned: null }, p.table.meta.method, null, [p], note);
}

export const campusCapacityRules: Readonly<Record<string, SiteCapacityRule>> = {
  // Singapore
  'sg-equinix-sg6': (f) =>
    singleCapacity(
      f,
      'sg-equinix-sg6',
      'planned',
      ['wmedia-equinix-sg6-2024', 'sg-equinix-sg6', 'planned_power'],
      'Equinix SG6, 20 MW on completion (opening Q1 2027), its DC-CFA pilot award',
    ),
  'sg-stt-loyang': (f) =>
    singleCapacity(
      f,
      'sg-stt-loyang',
      'existing',
      ['datacentremagazine-stt-loyang-2021', 'sg-stt-loyang', 'it_capacity'],
      'STT Loyang, 40 MW hyperscale facility opened 2021 (announced at 30 MW in 2018)',
    ),
  'sg-stt-defu': (f) => {
    const campus = f.get('channelasia-stt-defu3', 'sg-stt-defu', 'campus_total_it_load_with_defu3');
    const defu3 = f.get('channelasia-stt-defu3', 'sg-stt-defu', 'defu3_it_load');
    return siteCapacity(
      'sg-stt-defu',
      { existing: campus.number - defu3.number, planned: defu3.number },
      'derived',
      `existing = campus total ${v(campus)} MW with Defu 3 − Defu 3's ${v(defu3)} MW (Defu 1 and 2); planned = Defu 3 ${v(defu3)} MW, under construction when announced`,
      [campus, defu3],
      'STT Defu campus: Defu 1 and 2 (25 MW) and Defu 3 (15 MW, under construction c. 2021, probably in service since)',
    );
  },
  'sg-pdg-sg1': (f) =>
    singleCapacity(
      f,
      'sg-pdg-sg1',
      'existing',
      ['mingtiandi-pdg-sg3-2023', 'sg-pdg-sg1', 'it_capacity'],
      'PDG SG1, 14 MW existing (2023)',
    ),
  'sg-pdg-sg3': (f) =>
    singleCapacity(
      f,
      'sg-pdg-sg3',
      'existing',
      ['mingtiandi-pdg-sg3-2023', 'sg-pdg-sg3', 'it_capacity'],
      'PDG SG3 at 46 Penjuru Lane, 5 MW (acquired from Yahoo, 2023)',
    ),
  'sg-digital-loyang-ii': (f) =>
    singleCapacity(
      f,
      'sg-digital-loyang-ii',
      'existing',
      ['straitstimes-digital-loyang-ii-2021', 'sg-loyang', 'digital_loyang_ii_it_load'],
      'Digital Loyang II (SIN12), 50 MW IT load, opened 2021-04-06',
    ),
  'sg-airtrunk-sgp1': (f) =>
    singleCapacity(
      f,
      'sg-airtrunk-sgp1',
      'existing',
      ['capacity-airtrunk-sg-loan-2025', 'sg-loyang', 'airtrunk_sgp1_capacity'],
      'AirTrunk SGP1, 78 MW (2025)',
    ),
  'sg-meta-tanjong-kling': (f) =>
    unsized(
      f,
      'sg-meta-tanjong-kling',
      ['bt-meta-singapore-2018', 'sg-meta-tanjong-kling', 'floor_area'],
      "Meta's Tanjong Kling data centre, 170,000 m², operations targeted for 2022; no MW published",
    ),
  'sg-google-jurong-west': (f) =>
    unsized(
      f,
      'sg-google-jurong-west',
      ['bt-google-singapore-2024', 'sg-google-jurong-west', 'data_centres_in_operation'],
      "Google's four Jurong West data centres (the fourth completed June 2024); specifications not published",
    ),
  // Johor
  'my-airtrunk-jhb1': (f) => {
    const src = 'dcd-airtrunk-jhb1-mel1-expansion-2024';
    const jhb1 = 'AirTrunk JHB1 (Iskandar Puteri, Johor)';
    const live = f.get(src, jhb1, 'capacity_at_launch');
    const total = f.get(src, jhb1, 'total_capacity_after_remaining_phases');
    return siteCapacity(
      'my-airtrunk-jhb1',
      { existing: live.number, planned: total.number - live.number },
      'derived',
      `planned = ${v(total)} MW total once the remaining phases are delivered − ${v(live)} MW launched (end of July 2024) = ${total.number - live.number} MW`,
      [live, total],
      'AirTrunk JHB1: launched with 50 MW at the end of July 2024; the remaining phases, to 150 MW in total, over the following 18 months (first tranche by mid-2025), as DCD reported in Aug 2024. AirTrunk’s 2025 JHB2 announcement gives JHB1 as "150+" MW live: the full campus, not what was built by then.',
    );
  },
  'my-airtrunk-jhb2': (f) =>
    estimatedBound(
      f,
      'my-airtrunk-jhb2',
      'planned',
      ['airtrunk-jhb2-2025', 'AirTrunk JHB2 (Iskandar Puteri, Johor)', 'planned_capacity'],
      'announced capacity of the second Johor campus, a lower bound',
      'AirTrunk JHB2, over 270 MW planned (2025)',
    ),
  'my-airtrunk-jhb3-4': (f) =>
    estimatedBound(
      f,
      'my-airtrunk-jhb3-4',
      'planned',
      ['shiftfocus-airtrunk-jhb3-4-2026', 'AirTrunk JHB3+JHB4 (Iskandar Puteri, Johor)', 'planned_it_capacity'],
      'announced IT capacity of JHB3 and JHB4 together, a lower bound',
      'AirTrunk JHB3 and JHB4, over 280 MW of IT capacity planned (May 2026)',
    ),
  'my-stt-johor': (f) =>
    singleCapacity(
      f,
      'my-stt-johor',
      'planned',
      [
        'edgeprop-stt-johor-2023',
        'STT Johor campus (Nusa Cemerlang Industrial Park, Iskandar Puteri)',
        'planned_it_power',
      ],
      'STT Johor campus, 120 MW of IT power planned (2023); its first building STT Johor 1 (16 MW) is due by end-2026',
    ),
  'my-tm-nxera-johor': (f) =>
    singleCapacity(
      f,
      'my-tm-nxera-johor',
      'planned',
      ['thesun-tm-nxera-johor-2024', 'TM-Nxera campus (Iskandar Puteri, Johor)', 'planned_capacity'],
      'TM-Nxera AI-ready campus, 64 MW planned (groundbreaking 2024)',
    ),
  'my-bdc-my07': (f) => {
    const p = f.get('tdreport-bdc-my07-2024', 'my-bdc-my07', 'electricity_supply_agreement');
    return siteCapacity(
      'my-bdc-my07',
      { existing: null, planned: p.number },
      'estimate',
      `Proxy: the ${v(p)} MW electricity supply agreement with TNB is grid power for the facility (cooling included), taken as its planned capacity; the IT load will be lower`,
      [p],
      'Bridge Data Centres MY07 in Ulu Tiram, 400 MW electricity supply agreement with TNB (2024)',
    );
  },
  'my-bdc-my06': (f) =>
    singleCapacity(
      f,
      'my-bdc-my06',
      'planned',
      ['einpresswire-bdc-my06-2022', 'my-bdc-my06', 'campus_planned_capacity'],
      'Bridge Data Centres MY06, 110 MW three-building campus (phase 1 opened October 2022; its MW is not given, so the whole is counted as planned). What is built is also inside the Sedenak Tech Park total (site my-sedenak)',
    ),
  'my-vantage-jhb1': (f) =>
    estimatedBound(
      f,
      'my-vantage-jhb1',
      'planned',
      ['capacity-vantage-jhb1-2025', 'my-vantage-jhb1', 'planned_it_capacity'],
      'campus IT capacity when fully developed, a lower bound; the first phase delivered in 2025 is not sized by this source, so all is counted as planned',
      "Vantage JHB1 (ex-Yondr), over 300 MW IT across three data centres (2025); Yondr's earlier 200 MW plan for the same campus is superseded",
    ),
  'my-pdg-jh1': (f) => {
    const done = f.get('mingtiandi-pdg-sg3-2023', 'my-pdg-jh1', 'initial_phase_completed');
    const campus = f.get('jland-pdg-jh1-2023', 'my-sedenak', 'pdg_jh1_planned_capacity');
    return siteCapacity(
      'my-pdg-jh1',
      { existing: done.number, planned: campus.number - done.number },
      'derived',
      `existing = ${v(done)} MW initial phase completed July 2023; planned = ${v(campus)} MW campus − ${v(done)} MW`,
      [done, campus],
      'PDG JH1, 52 MW completed July 2023 of a 150 MW campus',
    );
  },
  'my-ytl-green-dc-park': (f) =>
    singleCapacity(
      f,
      'my-ytl-green-dc-park',
      'planned',
      ['nst-ytl-gds-kulai-2022', 'my-kulai', 'ytl_green_dc_park_planned_capacity'],
      'YTL Green Data Centre Park, 500 MW planned (2022)',
    ),
  'my-gds-ntp': (f) =>
    singleCapacity(
      f,
      'my-gds-ntp',
      'existing',
      ['sureanot-gds-ntp-2024', 'my-nusajaya', 'gds_ntp_phase1_it_capacity'],
      'GDS (now DayOne) Nusajaya Tech Park phase 1 (NTP1-3), 69.5 MW (2024)',
    ),
  'my-equinix-jh1': (f) =>
    unsized(
      f,
      'my-equinix-jh1',
      ['techstories-equinix-jh1-2024', 'my-equinix-jh1', 'cabinets'],
      'Equinix JH1, up to 500 cabinets (2024); no MW published',
    ),
  // Mainland China
  'cn-chayora-tj1': (f) =>
    singleCapacity(
      f,
      'cn-chayora-tj1',
      'planned',
      ['idcnova-chayora-tj1-2019', 'cn-chayora-tj1', 'campus_planned_capacity'],
      "Chayora's Tianjin campus, 300 MW for nine facilities (c. 2019); the MW of the first facility is not given, so all is counted as planned",
    ),
  'cn-chindata-zhangjiakou': (f) =>
    estimatedBound(
      f,
      'cn-chindata-zhangjiakou',
      'existing',
      ['zhangjiakou-computing-capital-2025', 'cn-zhangjiakou', 'qinhuai_data_it_capacity'],
      "Qinhuai Data's IT capacity across its Zhangjiakou campuses in 2024, an upper bound",
      'Chindata (Qinhuai Data) Zhangjiakou, nearly 500 MW IT (2024)',
    ),
  'cn-gds-ulanqab': (f) =>
    unsized(
      f,
      'cn-gds-ulanqab',
      ['gds-ulanqab-2023', 'cn-gds-ulanqab', 'phase1_buildings'],
      'GDS Ulanqab phase 1, four buildings of about 110,000 m², delivery by 2025; GDS plans "GW-scale" clusters (2026) but gives no MW',
    ),
  'cn-china-telecom-inner-mongolia': (f) =>
    estimatedBound(
      f,
      'cn-china-telecom-inner-mongolia',
      'existing',
      ['innovando-china-telecom-hohhot', 'cn-horinger', 'china_telecom_inner_mongolia_information_park_power_capacity'],
      'power capacity of the information park as an undated feature article gives it',
      'China Telecom Inner Mongolia Information Park, about 150 MW power capacity',
    ),
  'cn-cidc-zhongwei': (f) =>
    estimatedBound(
      f,
      'cn-cidc-zhongwei',
      'planned',
      ['nxdaily-cidc-zhongwei-2025', 'cn-cidc-zhongwei', 'planned_it_load'],
      "the project's planned IT load as an operator engineer gave it to Ningxia Daily",
      'CIDC Zhongwei project, about 2,050 MW IT load planned on 2,266 mu (started May 2025); part of the West Cloud Base whose projected consumption sizes site cn-zhongwei. Caution: one source, and about 8 times the projected average draw (about 261 MW); a plan of this size wants a second source before it is relied on',
    ),
  'cn-apple-guian': (f) =>
    singleCapacity(
      f,
      'cn-apple-guian',
      'existing',
      ['scmp-apple-guizhou-2017', 'cn-guian', 'apple_dc_critical_load_estimate'],
      "Apple's Gui'an data centre, about 150 MW critical load (analyst estimate at its announcement, 2017); the centre is in operation (its status), so the estimate counts as existing",
    ),
  'cn-tencent-qixing': (f) =>
    unsized(
      f,
      'cn-tencent-qixing',
      ['techerati-tencent-qixing-2018', 'cn-tencent-qixing', 'site_area'],
      "Tencent Gui'an Seven Stars, 51 ha with 30,000 m² of tunnels; no MW published",
    ),
  'cn-china-telecom-lingang': (f) =>
    singleCapacity(
      f,
      'cn-china-telecom-lingang',
      'planned',
      [
        'blackridge-china-telecom-lingang-2025',
        'China Telecom Lin-gang Data Center Phase II (Shanghai)',
        'planned_capacity',
      ],
      'China Telecom Lin-gang data centre phase II, 290 MW planned (December 2025)',
    ),
  'cn-pdg-shanghai': (f) =>
    singleCapacity(
      f,
      'cn-pdg-shanghai',
      'existing',
      ['mingtiandi-pdg-shanghai-2021', 'cn-pdg-shanghai', 'campus_it_capacity'],
      'PDG Shanghai (Fengxian), 42 MW campus online since 30 December 2020, fully contracted',
    ),
  'cn-huawei-cloud-wuhu': (f) => {
    const src = 'kjcyd-huawei-cloud-wuhu';
    const cabinets = wan(f, src, 'cn-huawei-cloud-wuhu', 'phase1_planned_cabinets');
    const low = f.get(src, 'cn-huawei-cloud-wuhu', 'cabinet_power_min');
    const high = f.get(src, 'cn-huawei-cloud-wuhu', 'cabinet_power_max');
    return siteCapacity(
      'cn-huawei-cloud-wuhu',
      { existing: null, planned: (cabinets.number * low.number) / 1000 },
      'estimate',
      `Proxy: ${cabinets.number} cabinets ("${v(cabinets)}") × ${v(low)} kW (the low end of the ${v(low)}–${v(high)} kW range) ÷ 1,000 = IT MW, a lower bound (at ${v(high)} kW it would be ${(cabinets.number * high.number) / 1000} MW); counted as planned because the source describes phase 1 under construction`,
      [cabinets, low, high],
      'Huawei Cloud East China (Wuhu), Jiangbei phase 1: 10,000 cabinets of 8–22 kW, at least 80 MW IT',
    );
  },
  'cn-zdata-wuhu': (f) => {
    const racks = f.get('zdata-wuhu-2024', 'cn-zdata-wuhu', 'phase1_racks');
    const kw = f.get('zdata-wuhu-2024', 'cn-zdata-wuhu', 'rack_power');
    return siteCapacity(
      'cn-zdata-wuhu',
      { existing: null, planned: (racks.number * kw.number) / 1000 },
      'estimate',
      `Proxy: ${v(racks)} racks × ${v(kw)} kW per rack ÷ 1,000 = IT MW of phase 1 at full rack load (the racks' rating, not a stated IT load)`,
      [racks, kw],
      'ZData Wuhu computing park phase 1: 8,500 racks of 18 kW, about 153 MW IT (groundbreaking October 2024)',
    );
  },
  'cn-chindata-shaoguan': (f) =>
    singleCapacity(
      f,
      'cn-chindata-shaoguan',
      'planned',
      ['stockstoday-chindata-shaoguan', 'cn-chindata-shaoguan', 'phase1_it_capacity'],
      "Chindata's Qujiang (Shaoguan) campus, 150 MW IT in its first phase (2025)",
    ),
  'cn-china-unicom-shaoguan': (f) =>
    singleCapacity(
      f,
      'cn-china-unicom-shaoguan',
      'planned',
      ['reportify-shaoguan-operators-2025', 'cn-shaoguan', 'china_unicom_dc_total_power'],
      "China Unicom's Shaoguan data centre, 120 MW total power (facility, not IT) planned (2025)",
    ),
  'cn-tencent-qingyuan': (f) =>
    unsized(
      f,
      'cn-tencent-qingyuan',
      ['thepaper-tencent-qingyuan-2020', 'cn-tencent-qingyuan', 'planned_servers'],
      'Tencent Qingyuan, more than 1 million servers when its eight halls are complete (opened July 2020); no MW published',
    ),
  // Elsewhere
  'hk-global-switch-tko': (f) =>
    singleCapacity(
      f,
      'hk-global-switch-tko',
      'existing',
      ['mingtiandi-digital-loyang-gs-tko-2021', 'hk-tseung-kwan-o', 'global_switch_tko_total_power_capacity'],
      'Global Switch Hong Kong, 100 MW total power capacity on completion (2021)',
    ),
  'hk-airtrunk-hkg1': (f) =>
    singleCapacity(
      f,
      'hk-airtrunk-hkg1',
      'existing',
      ['airtrunk-sgp1-hkg1-2020', 'hk-tsuen-wan', 'airtrunk_hkg1_initial_capacity'],
      'AirTrunk HKG1, 20 MW initial capacity (2020)',
    ),
  'in-ntt-chandivali': (f) =>
    singleCapacity(
      f,
      'in-ntt-chandivali',
      'existing',
      ['telenet-ntt-chandivali-2021', 'in-ntt-chandivali', 'campus_it_load'],
      "NTT's Chandivali campus, 85 MW IT load with Mumbai 8 live (2021)",
    ),
  // added by the second campus round
  // Singapore
  'sg-keppel-dc-sgp7': (f) =>
    singleCapacity(
      f,
      'sg-keppel-dc-sgp7',
      'planned',
      ['mingtiandi-cw-sg-pipeline-2022', 'sg-keppel-dc-sgp7', 'planned_capacity'],
      'Keppel DC Singapore 7 in the Kallang Way cluster, 40 MW planned or under construction (C&W, 2022)',
    ),
  'sg-aws-loyang': (f) =>
    singleCapacity(
      f,
      'sg-aws-loyang',
      'planned',
      ['mingtiandi-cw-sg-pipeline-2022', 'sg-aws-loyang', 'planned_capacity'],
      'Amazon Web Services in Loyang, 24 MW planned or under construction (C&W, 2022)',
    ),
  'sg-aws-jurong': (f) =>
    singleCapacity(
      f,
      'sg-aws-jurong',
      'planned',
      ['mingtiandi-cw-sg-pipeline-2022', 'sg-aws-jurong', 'planned_capacity'],
      'Amazon Web Services in Jurong, 20 MW planned or under construction (C&W, 2022)',
    ),
  'sg-bdx-sin1': (f) =>
    estimatedBound(
      f,
      'sg-bdx-sin1',
      'planned',
      ['mingtiandi-cw-sg-pipeline-2022', 'sg-bdx-sin1', 'planned_capacity'],
      'C&W gives BDx SIN1 in Geylang as "more than 5" MW planned or under construction, a lower bound',
      'BDx SIN1 (Geylang), more than 5 MW planned or under construction (C&W, 2022)',
    ),
  'sg-singtel-dc-west': (f) =>
    estimatedBound(
      f,
      'sg-singtel-dc-west',
      'existing',
      ['straitstimes-singtel-dc-west', 'sg-singtel-dc-west', 'power_capacity'],
      'an upper bound on power capacity when the facility was announced (c. 2015), not a stated IT load; counted as existing because the building was due complete the following year',
      "Singtel's DC West in Jurong, power capacity of up to 36 MW (announced c. 2015)",
    ),
  // Johor
  'my-stack-johor-bahru': (f) =>
    singleCapacity(
      f,
      'my-stack-johor-bahru',
      'planned',
      ['aiobserver-stack-johor', 'my-stack-johor-bahru', 'campus_capacity'],
      "Stack's Johor Bahru campus, 220 MW planned (a 120 MW and a 100 MW building), first phase due Q4 2026",
    ),
  'my-logos-gerbang-nusajaya': (f) =>
    estimatedBound(
      f,
      'my-logos-gerbang-nusajaya',
      'planned',
      ['mingtiandi-logos-uem-johor-2024', 'my-logos-gerbang-nusajaya', 'planned_capacity'],
      'the MoU gives the campus as "up to 360" MW, an upper bound with no timeline',
      'Logos and UEM Sunrise, up to 360 MW planned on 30 ha in Gerbang Nusajaya (May 2024 MoU)',
    ),
  'my-microsoft-ebp6-kulai': (f) =>
    unsized(
      f,
      'my-microsoft-ebp6-kulai',
      ['mingtiandi-microsoft-ebp6-kulai-2024', 'my-microsoft-ebp6-kulai', 'site_area'],
      "Microsoft's 123.1-acre data-centre site at Eco Business Park VI, Kulai (bought 2024); no MW published",
    ),
  // Mainland China
  'cn-range-langfang': (f) =>
    singleCapacity(
      f,
      'cn-range-langfang',
      'existing',
      ['nfinit-range-langfang', 'cn-range-langfang', 'power'],
      'Range International Information Hub in Langfang, 150 MW of power (2021 update of a vendor blog)',
    ),
  'cn-china-mobile-hohhot': (f) =>
    unsized(
      f,
      'cn-china-mobile-hohhot',
      ['chinadaily-china-mobile-hohhot-2016', 'cn-china-mobile-hohhot', 'phase1_racks_installed'],
      'China Mobile Hohhot data centre, 6,000 racks installed in phase 1 (December 2016); no MW published',
    ),
  'cn-chayora-shanghai': (f) =>
    singleCapacity(
      f,
      'cn-chayora-shanghai',
      'planned',
      ['baxtel-chayora-shanghai-2021', 'cn-chayora-shanghai', 'campus_capacity'],
      "Chayora's Shanghai campus, 54 MW for three buildings (announced November 2021); the first building's MW is not given, so all is counted as planned",
    ),
  'cn-capitaland-shanghai': (f) =>
    singleCapacity(
      f,
      'cn-capitaland-shanghai',
      'existing',
      ['datacentremagazine-capitaland-shanghai-2021', 'cn-capitaland-shanghai', 'it_capacity'],
      "CapitaLand's Shanghai hyperscale campus, 55 MW in four existing buildings (bought April 2021)",
    ),
  // Elsewhere
  'th-haoyang-wha-rayong': (f) =>
    singleCapacity(
      f,
      'th-haoyang-wha-rayong',
      'planned',
      ['wha-haoyang-rayong-2025', 'Beijing Haoyang DC, WHA estate Rayong', 'planned_capacity'],
      "Beijing Haoyang's data centre on a WHA estate in Rayong, 300 MW planned, operation targeted 2026",
    ),
  'id-digital-edge-bekasi': (f) =>
    singleCapacity(
      f,
      'id-digital-edge-bekasi',
      'planned',
      ['bt-digital-edge-bekasi-2026', 'Digital Edge CGK Campus (Bekasi)', 'planned_it_capacity'],
      "Digital Edge's CGK campus in Bekasi, 500 MW IT at full development (January 2026; potential 1 GW)",
    ),
  'id-pdg-cibitung': (f) => {
    const src = 'channelasia-pdg-jc2-cibitung';
    const subject = 'PDG JC1/JC2 campus, Cibitung (Bekasi)';
    const campus = f.get(src, subject, 'campus_total_power_capacity');
    const jc2 = f.get(src, subject, 'jc2_planned_capacity');
    return siteCapacity(
      'id-pdg-cibitung',
      { existing: campus.number - jc2.number, planned: jc2.number },
      'derived',
      `existing = ${v(campus)} MW campus power after JC2 − JC2's ${v(jc2)} MW (JC1); planned = JC2 ${v(jc2)} MW, announced 2021`,
      [campus, jc2],
      'PDG Cibitung campus: JC1 (13 MW) and JC2 (22 MW, announced 2021), 35 MW in all',
    );
  },
  'jp-mc-digital-realty-inzai': (f) =>
    estimatedBound(
      f,
      'jp-mc-digital-realty-inzai',
      'planned',
      ['dcd-mc-digital-realty-inzai', 'jp-inzai', 'mc_digital_realty_inzai_total_power_capacity'],
      'total power capacity announced as "up to 35.6" MW, an upper bound; construction was to start in 2020',
      "MC Digital Realty's Inzai hyperscale data centre, up to 35.6 MW planned (2019); not counted in site jp-inzai",
    ),
  'id-bw-digital-batam': (f) =>
    singleCapacity(
      f,
      'id-bw-digital-batam',
      'planned',
      ['techstories-batam-loan-2025', 'BW (Batam)', 'campus_build_out'],
      "BW Digital's Batam campus build-out, 120 MW (2024-25; some possibly live, so all counted as planned)",
    ),
  'id-neutradc-batam': (f) =>
    singleCapacity(
      f,
      'id-neutradc-batam',
      'planned',
      ['techstories-batam-loan-2025', 'NeutraDC (Batam)', 'campus_build_out'],
      "NeutraDC's Batam campus build-out, 51 MW (2024-25; some possibly live, so all counted as planned)",
    ),
};
