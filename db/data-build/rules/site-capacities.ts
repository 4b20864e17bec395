// Site capacities (MW existing / planned) from operator announcements and market reports in
// data/sources. "Planned" is capacity beyond what exists (the app adds the two). A single announced
// figure keeps its table's method; a sum or difference of several figures is `derived` and lists
// them; a bound ("nearly 500"), an approximation or a proxy (energy ÷ hours) is an `estimate` with
// its reasoning. A site no source sizes has no rule here and keeps "unknown":
// sg-tai-seng (Equinix SG4 is given in cabinets only), cn-beijing-yizhuang (only Beijing-wide
// figures), cn-ulanqab (GDS's plan is "GW-scale", Kuaishou's centre 300,000 servers: no MW),
// cn-qingpu and cn-wujiang (no campus figure for the demonstration-zone cluster; China Telecom's
// 290 MW Lin-gang campus is in Pudong, not Qingpu), my-pulai (a land bank: C&W's Pulai cluster
// share — 44 % of Johor's operating MW, 53 % of its pipeline — is carried by the Iskandar Puteri
// campuses seeded on their own, AirTrunk JHB1-4, DayOne NTP, STT Johor, TM-Nxera and Logos, so
// repeating it here would count them twice).
import type { SiteCapacityRule } from './site-capacity-rule';
import type { Picked } from '../figures';
import { singleCapacity, siteCapacity } from './market-helpers';

const v = (p: Picked): string => p.figure.value;

export const siteCapacityRules: Readonly<Record<string, SiteCapacityRule>> = {
  // Singapore
  'sg-tuas': (f) =>
    singleCapacity(
      f,
      'sg-tuas',
      'existing',
      ['straitstimes-nxera-dc-tuas', 'sg-tuas', 'nxera_dc_tuas_capacity'],
      'Nxera (Singtel) DC Tuas, 58 MW AI-ready, opened 9 Feb (2026 inferred by the source table)',
    ),
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
    const jh1 = f.get('mingtiandi-pdg-sg3-2023', 'my-pdg-jh1', 'initial_phase_completed');
    return siteCapacity(
      'my-sedenak',
      { existing: (share.number / 100) * op.number - jh1.number, planned: null },
      'derived',
      `existing = ${v(share)}% (Sedenak Tech Park's share of Johor's operational capacity, C&W) × ${v(op)} MW − PDG JH1's ${v(jh1)} MW built (seeded as its own site)`,
      [op, share, jh1],
      "The park less the campus seeded on its own that is sized (PDG JH1's built 52 MW); the built phases of Bridge MY06 and Vantage JHB1 are not sized by their sources, so they stay inside this figure. The campuses carry their planned MW, so the park has none planned",
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
  // Hong Kong
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
    singleCapacity(
      f,
      'th-bang-na',
      'planned',
      ['empyrion-th1-bangna', 'th-bang-na', 'empyrion_th1_min_it_capacity'],
      'Empyrion TH1, at least 12 MW of IT capacity, completion by 2027',
    ),
  // Jakarta
  'id-cikarang': (f) =>
    singleCapacity(
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
    singleCapacity(
      f,
      'jp-koto',
      'planned',
      ['cw-apac-dc-update-h1-2024-tokyo', 'jp-koto', 'esr_koto_planned_capacity'],
      "ESR's Koto City data centre, 60 MW planned (construction from Q2 2025, C&W H1 2024)",
    ),
  // Mumbai
  'in-navi-mumbai': (f) =>
    singleCapacity(
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
