// The markets Landfall compares: Singapore, the places Chinese and other operators weigh against it,
// the mainland Chinese compute hubs, and reference markets elsewhere. Metric values attach to a
// market and its sites inherit them. Ids of the first starter markets are kept so nothing breaks.
import type { Market } from '../../shared/model/jurisdictions';

export const seedMarkets: readonly Market[] = [
  {
    id: 'sg',
    name: 'Singapore',
    country: 'SG',
    jurisdictionCode: 'SG',
    description:
      'The regional hub: dense subsea connectivity, tight power and land, new capacity by call for application.',
  },
  {
    id: 'my-johor',
    name: 'Johor',
    country: 'MY',
    jurisdictionCode: 'MY-01',
    description:
      'Across the causeway from Singapore (Sedenak, Kulai, Nusajaya/Iskandar Puteri, Pulai); a pipeline larger than its built capacity, now limited by water.',
  },
  {
    id: 'id-batam',
    name: 'Batam',
    country: 'ID',
    jurisdictionCode: 'ID-RI',
    description:
      'Indonesian island about 20 km from Singapore; free-trade zone, Nongsa Digital Park special economic zone.',
  },
  {
    id: 'cn-jjj',
    name: 'Greater Beijing / Hebei',
    country: 'CN',
    jurisdictionCode: 'CN-BJ',
    description:
      'Beijing-Tianjin-Hebei national compute hub: Beijing itself and the Zhangjiakou cluster in Hebei (CN-HE).',
  },
  {
    id: 'cn-nmg',
    name: 'Inner Mongolia (Ulanqab)',
    country: 'CN',
    jurisdictionCode: 'CN-NM',
    description: 'Inner Mongolia national compute hub (Ulanqab, Horinger/Hohhot): cold, cheap and largely green power.',
  },
  {
    id: 'cn-gz',
    name: 'Guizhou',
    country: 'CN',
    jurisdictionCode: 'CN-GZ',
    description: "Guizhou national compute hub (Gui'an cluster): mild climate.",
  },
  {
    id: 'cn-nx',
    name: 'Ningxia',
    country: 'CN',
    jurisdictionCode: 'CN-NX',
    description: 'Ningxia national compute hub (Zhongwei cluster): cheap power, low claimed PUE.',
  },
  {
    id: 'cn-yrd',
    name: 'Shanghai / Yangtze delta',
    country: 'CN',
    jurisdictionCode: 'CN-SH',
    description:
      'Yangtze River Delta national compute hub: the Shanghai (CN-SH) and Jiangsu (CN-JS) demonstration-zone cluster.',
  },
  {
    id: 'cn-gba',
    name: 'Guangdong / Greater Bay Area',
    country: 'CN',
    jurisdictionCode: 'CN-GD',
    description: 'Greater Bay Area national compute hub; its designated cluster is Shaoguan in northern Guangdong.',
  },
  {
    id: 'hk',
    name: 'Hong Kong',
    country: 'HK',
    jurisdictionCode: 'HK',
    description: 'Treated like mainland China by US chip rules; low tax and high vacancy compared with Singapore.',
  },
  {
    id: 'th-eec',
    name: 'Bangkok / Eastern Seaboard',
    country: 'TH',
    jurisdictionCode: 'TH-20',
    description: 'Bangkok (TH-10) and the Eastern Economic Corridor in Chonburi (TH-20); BOI-incentivised new builds.',
  },
  {
    id: 'id-jakarta',
    name: 'Jakarta',
    country: 'ID',
    jurisdictionCode: 'ID-JK',
    description: 'Greater Jakarta, including the Cikarang industrial estates east of the city in West Java.',
  },
  {
    id: 'jp-tokyo',
    name: 'Tokyo',
    country: 'JP',
    jurisdictionCode: 'JP-13',
    description: 'Tokyo and the Inzai campus cluster in Chiba (JP-12); a reference market in a US-allied jurisdiction.',
  },
  {
    id: 'in-mumbai',
    name: 'Mumbai',
    country: 'IN',
    jurisdictionCode: 'IN-MH',
    description: "India's cable-landing and data-centre centre (Maharashtra), with Navi Mumbai campuses.",
  },
  {
    id: 'au-sydney',
    name: 'Sydney',
    country: 'AU',
    jurisdictionCode: 'AU-NSW',
    description: 'Reference market in New South Wales, in a US-allied jurisdiction.',
  },
  {
    id: 'us-nova',
    name: 'Northern Virginia',
    country: 'US',
    jurisdictionCode: 'US-VA',
    description: 'Reference market: the largest cluster in the reference data (Ashburn, Loudoun County, Virginia).',
  },
];
