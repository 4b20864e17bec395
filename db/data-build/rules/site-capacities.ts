// Site capacities (MW existing / planned) from operator announcements and market reports in
// data/sources. "Planned" is capacity beyond what exists (the app adds the two). A single announced
// figure keeps its table's method; a sum or difference of several figures is `derived` and lists
// them; a bound ("nearly 500"), an approximation or a proxy (energy ÷ hours) is an `estimate` with
// its reasoning. A site no source sizes has no rule here and keeps "unknown":
// sg-tai-seng (Equinix SG4 is given in cabinets only), cn-beijing-yizhuang (only Beijing-wide
// figures), cn-ulanqab (GDS's plan is "GW-scale", Kuaishou's centre 300,000 servers: no MW),
// cn-qingpu and cn-wujiang (no campus figure for the demonstration-zone cluster; China Telecom's
// 290 MW Lin-gang campus is in Pudong, not Qingpu).
import type { SiteCapacity, SiteCapacityRule } from '../derive';
import type { Figures, Picked } from '../figures';
import { qualified, siteCapacity } from './market-helpers';

/** One announced figure, taken as published (its table's method). */
function single(
  f: Figures,
  siteId: string,
  which: 'existing' | 'planned',
  [sourceId, subject, quantity]: readonly [string, string, string],
  note: string,
): SiteCapacity {
  const p = f.get(sourceId, subject, quantity);
  const mw = which === 'existing' ? { existing: p.number, planned: null } : { existing: null, planned: p.number };
  return siteCapacity(siteId, mw, p.table.meta.method, null, [p], note);
}

const v = (p: Picked): string => p.figure.value;

export const siteCapacityRules: Readonly<Record<string, SiteCapacityRule>> = {
  // Singapore
  'sg-tuas': (f) =>
    single(
      f,
      'sg-tuas',
      'existing',
      ['straitstimes-nxera-dc-tuas', 'sg-tuas', 'nxera_dc_tuas_capacity'],
      'Nxera (Singtel) DC Tuas, 58 MW AI-ready, opened 9 Feb (2026 inferred by the source table)',
    ),
  'sg-loyang': (f) => {
    const sgp1 = f.get('capacity-airtrunk-sg-loan-2025', 'sg-loyang', 'airtrunk_sgp1_capacity');
    const dl2 = f.get('straitstimes-digital-loyang-ii-2021', 'sg-loyang', 'digital_loyang_ii_it_load');
    return siteCapacity(
      'sg-loyang',
      { existing: sgp1.number + dl2.number, planned: null },
      'derived',
      `AirTrunk SGP1 ${v(sgp1)} MW + Digital Realty Digital Loyang II ${v(dl2)} MW = existing MW`,
      [sgp1, dl2],
      'AirTrunk SGP1 (78 MW, 2025) and Digital Loyang II (50 MW, 2021); Digital Loyang I is reported only together with Digital Jurong (about 40 MW), so it is not added',
    );
  },
  'sg-jurong-west': (f) => {
    const p = f.get('dcd-st-engineering-boon-lay', 'sg-jurong-west', 'st_engineering_boon_lay_capacity');
    return siteCapacity(
      'sg-jurong-west',
      { existing: null, planned: p.number },
      'estimate',
      `DCD relays "local reports" that ST Engineering's Jalan Boon Lay data centre (launch 2026) will offer ${v(p)} MW, taken as its planned IT capacity; Equinix SG5 in the same area is given in cabinets only, so it is not added`,
      [p],
      'ST Engineering Jalan Boon Lay data centre, 7.5 MW planned (reported, launch 2026)',
    );
  },
  // Johor
  'my-sedenak': (f) => {
    const op = f.get('cw-apac-dc-update-h2-2024-johor', 'my-johor', 'operational_capacity', 'H2 2024');
    const share = f.get('cw-apac-dc-update-h2-2024-johor', 'my-sedenak', 'share_of_johor_operational_capacity');
    const yondr = f.get('capacity-yondr-sedenak-2022', 'my-sedenak', 'yondr_campus_planned_capacity');
    const pdg = f.get('jland-pdg-jh1-2023', 'my-sedenak', 'pdg_jh1_planned_capacity');
    return siteCapacity(
      'my-sedenak',
      { existing: (share.number / 100) * op.number, planned: yondr.number + pdg.number },
      'derived',
      `existing = ${v(share)}% (Sedenak Tech Park's share of Johor's operational capacity, C&W) × ${v(op)} MW; planned = Yondr ${v(yondr)} MW + PDG JH1 ${v(pdg)} MW (announced campus totals)`,
      [op, share, yondr, pdg],
      "Existing from C&W's cluster share (H2 2024); planned from Yondr's and PDG's announced campuses, some phases of which (PDG JH1's first 60 MW) may already be in the existing figure",
    );
  },
  'my-kulai': (f) =>
    single(
      f,
      'my-kulai',
      'planned',
      ['nst-ytl-gds-kulai-2022', 'my-kulai', 'ytl_green_dc_park_planned_capacity'],
      "YTL Green Data Centre Park, 500 MW planned (2022), including Sea's 72 MW first phase and a 168 MW GDS co-development; C&W's Sedenak share may count campuses here too",
    ),
  'my-nusajaya': (f) =>
    single(
      f,
      'my-nusajaya',
      'existing',
      ['sureanot-gds-ntp-2024', 'my-nusajaya', 'gds_ntp_phase1_it_capacity'],
      'GDS Nusajaya Tech Park phase 1 (NTP1-3), 69.5 MW in operation (2024); AirTrunk, STT and TM-Nxera campuses elsewhere in Iskandar Puteri are not placed in this district by their sources',
    ),
  'my-pulai': (f) => {
    const src = 'cw-apac-dc-update-h2-2024-johor';
    const op = f.get(src, 'my-johor', 'operational_capacity', 'H2 2024');
    const opShare = f.get(src, 'my-pulai', 'share_of_johor_operational_capacity');
    const uc = f.get(src, 'my-johor', 'under_construction_capacity', 'H2 2024');
    const pl = f.get(src, 'my-johor', 'planned_capacity', 'H2 2024');
    const pipeShare = f.get(src, 'my-pulai', 'share_of_johor_development_pipeline');
    return siteCapacity(
      'my-pulai',
      {
        existing: (opShare.number / 100) * op.number,
        planned: (pipeShare.number / 100) * (uc.number + pl.number),
      },
      'derived',
      `existing = ${v(opShare)}% × ${v(op)} MW (Pulai's share of Johor's operational capacity); planned = ${v(pipeShare)}% × (${v(uc)} + ${v(pl)}) MW (its share of Johor's pipeline)`,
      [op, opShare, uc, pl, pipeShare],
      'C&W Pulai cluster shares, H2 2024; C&W expects the cluster to exceed 750 MW when developed. Its Pulai region may include Nusajaya campuses',
    );
  },
  // Batam
  'id-nongsa': (f) => {
    const pdg = f.get('pdg-batam-ndp-2022', 'id-nongsa', 'pdg_batam_campus_planned_capacity');
    const dayone = f.get('wmedia-batam-zone-full-2025', 'id-nongsa', 'dayone_ina_campus_capacity');
    return siteCapacity(
      'id-nongsa',
      { existing: null, planned: pdg.number + dayone.number },
      'derived',
      `PDG Batam campus ${v(pdg)} MW + DayOne/INA campus ${v(dayone)} MW = planned MW`,
      [pdg, dayone],
      'The two campuses in Nongsa Digital Park with an announced MW (PDG 2022; DayOne/INA due end-2025); other Batam build-outs are not placed in the park by their source',
    );
  },
  // Mainland China
  'cn-zhangjiakou': (f) => {
    const qh = qualified(f, 'zhangjiakou-computing-capital-2025', 'cn-zhangjiakou', 'qinhuai_data_it_capacity', '2024');
    const kwh = qualified(f, 'lavx-zhangjiakou-dc-power-2025', 'cn-zhangjiakou', 'dc_electricity_consumption', '2024');
    const draw = kwh.number / 8784 / 1000;
    return siteCapacity(
      'cn-zhangjiakou',
      { existing: qh.number, planned: null },
      'estimate',
      `Qinhuai Data (Chindata) alone has "${v(qh)}" MW of IT capacity in Zhangjiakou (2024), taken as ${qh.number} MW: an upper bound for that operator and a lower bound for the city's 37 projects. Cross-check: all Zhangjiakou data centres used ${v(kwh)} kWh in 2024, ÷ 8,784 h = ${draw.toFixed(0)} MW average draw, so much of the capacity ran below full load`,
      [qh, kwh],
      'Qinhuai Data (Chindata) IT capacity in Zhangjiakou, nearly 500 MW (2024); the city runs 460,000 racks',
    );
  },
  'cn-horinger': (f) => {
    const p = qualified(
      f,
      'innovando-china-telecom-hohhot',
      'cn-horinger',
      'china_telecom_inner_mongolia_information_park_power_capacity',
    );
    return siteCapacity(
      'cn-horinger',
      { existing: p.number, planned: null },
      'estimate',
      `China Telecom's Inner Mongolia Information Park in Horinger is given as "${v(p)}" MW of power capacity, taken as ${p.number} MW: one campus of several (China Mobile's Hohhot data centre is another), so the district holds more`,
      [p],
      'China Telecom Cloud Computing Inner Mongolia Information Park, about 150 MW; the Horinger cluster accommodates about 950,000 servers (Xinhua, 2023)',
    );
  },
  'cn-guian': (f) => {
    const p = f.get('scmp-apple-guizhou-2017', 'cn-guian', 'apple_dc_critical_load_estimate');
    return siteCapacity(
      'cn-guian',
      { existing: null, planned: p.number },
      'estimate',
      `An analyst (Structure Research) estimated Apple's Gui'an data centre at ${v(p)} MW of critical load when it was announced (2017); Huawei's and Tencent's centres in the same area are given in servers only, so they are not added`,
      [p],
      "Apple's Gui'an data centre, about 150 MW critical load (analyst estimate, 2017); fifteen large data centres were planned or building in Gui'an in 2022",
    );
  },
  'cn-zhongwei': (f) => {
    const p = f.get('pvmag-datang-zhongwei-2026', 'cn-zhongwei', 'cloud_base_projected_annual_consumption');
    const mw = (p.number * 1e9) / 8760 / 1000;
    return siteCapacity(
      'cn-zhongwei',
      { existing: null, planned: mw },
      'estimate',
      `Proxy from energy: the cloud base's projected consumption ${v(p)} TWh/yr × 10^9 kWh per TWh ÷ 8,760 h = average draw in kW, ÷ 1,000 = MW. Facility draw (cooling included), not installed IT capacity; projected, so counted as planned`,
      [p],
      'Zhongwei cloud base, projected 2.29 TWh a year (2026), about 261 MW average draw',
    );
  },
  'cn-shaoguan': (f) =>
    single(
      f,
      'cn-shaoguan',
      'planned',
      ['reportify-shaoguan-operators-2025', 'cn-shaoguan', 'china_unicom_dc_total_power'],
      "China Unicom's Shaoguan data centre, 120 MW total power planned (48,000 standard cabinets, 2025): facility power, not IT load; China Mobile's and China Telecom's Shaoguan centres are given in yuan and racks only",
    ),
  // Hong Kong
  'hk-tseung-kwan-o': (f) =>
    single(
      f,
      'hk-tseung-kwan-o',
      'existing',
      ['mingtiandi-digital-loyang-gs-tko-2021', 'hk-tseung-kwan-o', 'global_switch_tko_total_power_capacity'],
      "Global Switch Hong Kong at Tseung Kwan O Industrial Estate, 100 MW total power capacity on completion (2021); other operators' TKO centres are not sized in the sources read",
    ),
  'hk-tsuen-wan': (f) =>
    single(
      f,
      'hk-tsuen-wan',
      'existing',
      ['airtrunk-sgp1-hkg1-2020', 'hk-tsuen-wan', 'airtrunk_hkg1_initial_capacity'],
      'AirTrunk HKG1 near Tsuen Wan, 20 MW initial capacity (2020)',
    ),
  // Thailand
  'th-chonburi': (f) => {
    const dayone = f.get('marketplus-dayone-ctp-chonburi', 'th-chonburi', 'dayone_ctp_power_capacity');
    const zdata = f.get('developingtelecoms-boi-2025-11', 'th-chonburi', 'vistas_technology_zdata_planned_capacity');
    return siteCapacity(
      'th-chonburi',
      { existing: null, planned: dayone.number + zdata.number },
      'derived',
      `DayOne Chonburi Tech Park ${v(dayone)} MW + Vistas Technology (ZData) ${v(zdata)} MW = planned MW`,
      [dayone, zdata],
      'DayOne CTP (groundbreaking 2025) and the ZData project BOI-approved in Nov 2025, both in Amata City Chonburi',
    );
  },
  'th-bang-na': (f) =>
    single(
      f,
      'th-bang-na',
      'planned',
      ['empyrion-th1-bangna', 'th-bang-na', 'empyrion_th1_min_it_capacity'],
      'Empyrion TH1, at least 12 MW of IT capacity, completion by 2027',
    ),
  // Jakarta
  'id-cikarang': (f) =>
    single(
      f,
      'id-cikarang',
      'planned',
      ['dcd-pdg-jc3-2025', 'id-cikarang', 'pdg_jc3_planned_capacity'],
      'PDG JC3 at GIIC Kota Deltamas, Cikarang, 120 MW (first phase planned for Q4 2026); PDG JC1/JC2 in nearby Cibitung is another district',
    ),
  // Tokyo
  'jp-inzai': (f) => {
    const tok1 = f.get('mingtiandi-airtrunk-tok1-tok2', 'jp-inzai', 'airtrunk_tok1_initial_capacity');
    const colt = f.get('capacity-colt-inzai-2017', 'jp-inzai', 'colt_tdc2_new_building_critical_it_load');
    const campus = f.get('mingtiandi-airtrunk-tok1-tok2', 'jp-inzai', 'airtrunk_tok1_campus_capacity');
    return siteCapacity(
      'jp-inzai',
      { existing: tok1.number + colt.number, planned: campus.number - tok1.number },
      'derived',
      `existing = AirTrunk TOK1 ${v(tok1)} MW (opened Nov 2021) + Colt TDC2 ${v(colt)} MW (2017); planned = TOK1 campus ${v(campus)} MW − ${v(tok1)} MW already open`,
      [tok1, colt, campus],
      'AirTrunk TOK1 and Colt TDC2 in Inzai; MC Digital Realty\'s Inzai centre ("up to 35.6 MW") is a bound, so it is not added',
    );
  },
  'jp-koto': (f) =>
    single(
      f,
      'jp-koto',
      'planned',
      ['cw-apac-dc-update-h1-2024-tokyo', 'jp-koto', 'esr_koto_planned_capacity'],
      "ESR's Koto City data centre, 60 MW planned (construction from Q2 2025, C&W H1 2024)",
    ),
  // Mumbai
  'in-navi-mumbai': (f) =>
    single(
      f,
      'in-navi-mumbai',
      'planned',
      ['bs-lt-vyoma-mahape-2026', 'in-navi-mumbai', 'lt_vyoma_mahape_capacity'],
      "L&T Vyoma's 40 MW Mahape data centre (groundbreaking Jan 2026), part of a planned 100 MW Navi Mumbai campus",
    ),
  // Sydney
  'au-macquarie-park': (f) => {
    const campus2021 = f.get('scoop-macquarie-ic3-super-west-2021', 'au-macquarie-park', 'campus_total_it_load');
    const ic3 = f.get('scoop-macquarie-ic3-super-west-2021', 'au-macquarie-park', 'ic3_super_west_it_load');
    const potential = f.get(
      'scoop-macquarie-ic3-super-west-2024',
      'au-macquarie-park',
      'macquarie_park_campus_potential_it_load',
    );
    const existing = campus2021.number - ic3.number;
    return siteCapacity(
      'au-macquarie-park',
      { existing, planned: potential.number - existing },
      'derived',
      `existing = ${v(campus2021)} MW campus IT load once IC3 Super West is built − its ${v(ic3)} MW (2021 release) = the campus before it; planned = ${v(potential)} MW potential campus IT load (2024 approval) − existing`,
      [campus2021, ic3, potential],
      'Macquarie Data Centres, Macquarie Park campus (IC1-IC3), 63 MW potential IT load after the 2024 approval',
    );
  },
  // Northern Virginia: no source sizes Ashburn itself. The region's ~4,040 MW operating inventory
  // would put all of Loudoun and Prince William on one site, so Ashburn stays unknown.
};
