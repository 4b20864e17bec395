// The accelerator catalogue of reference section C. TPP is "derived" there: dense TFLOPS × bit
// length (BIS's 2 × MacTOPS × bit length); the working is in each chip's notes, and null means the
// reference gives no spec to derive it from. Statuses in the notes hold as of the last policy event.
import type { Chip } from '../../shared/model/chips';
import { LAST_POLICY_EVENT } from './sources';

const src = (title: string, url: string): Chip['source'] => ({ title, url, asOf: LAST_POLICY_EVENT });

const HMC_TECH = src(
  'HMC Tech: Nvidia A100 SXM vs Nvidia B200',
  'https://hmc-tech.com/gpus/nvidia-a100-sxm-vs-nvidia-b200',
);
const AIWIKI_A800 = src('AI Wiki: Nvidia A800', 'https://aiwiki.ai/wiki/nvidia_a800');
const TOMS_H20 = src(
  "Tom's Hardware: Nvidia writes off US$5.5 billion in GPUs as US government chokes off supply of H20s to China",
  'https://www.tomshardware.com/tech-industry/artificial-intelligence/nvidia-writes-off-usd5-5-billion-in-gpus-as-us-govt-chokes-off-supply-of-h20s-to-china',
);
const ASCEND = src(
  'Freshfields: BIS guidance targets PRC advanced-computing integrated circuits',
  'https://blog.freshfields.us/post/102ksla/bis-guidance-targets-prc-advanced-computing-integrated-circuits-in-high-probabil',
);
const ASCEND_NOTE =
  'PRC-made. Huawei is Entity-Listed since 2019; BIS guidance of 2025-05-13 says using Ascend chips risks US enforcement (GP10), its "anywhere" wording later softened (exportcompliancedaily.com, 2025-05-20). Promoted in China as the domestic option.';
const DOMESTIC_SOURCE = src(
  'MailerLite newsletter preview: Biren and Moore Threads on the Entity List; domestic AI-chip makers',
  'https://preview.mailerlite.com/q6w1g7t4r9/2327817720277505132/c1k6/',
);
const DOMESTIC_NOTE =
  'PRC-made; named beneficiary of the 2025-11 rule that new state-funded Chinese data centres use domestic chips (stratnewsglobal.com).';

/**
 * Huawei publishes no TPP. The FP16 figures below come from secondary write-ups (not vendor data,
 * dense vs sparse not stated), so TPP ≈ FP16 TFLOPS × 16 is an estimate, flagged in each note.
 */
const ASCEND_TPP: Record<'910B' | '910C' | '910D', { tpp: number | null; note: string; source?: Chip['source'] }> = {
  '910B': {
    tpp: 5120,
    note: 'Estimate: ≈320 TFLOPS FP16 (secondary blog figure, dense/sparse not stated) × 16 ≈ 5,120 TPP.',
    source: src(
      'Boardor: Huawei Ascend 910B outperforms H20, 910C approaches H100',
      'https://boardor.com/blog/huawei-ascend-910b-outperforms-h20-910c-approaches-h100',
    ),
  },
  '910C': {
    tpp: 12800,
    note: 'Estimate: ≈800 TFLOPS FP16 (speculated, secondary source, dense/sparse not stated) × 16 ≈ 12,800 TPP.',
    source: src(
      'NoGameOver: Huawei’s Ascend 910C poised to challenge Nvidia’s H100s (speculated features)',
      'https://nogameover.net/huaweis-ascend-910c-poised-to-challenge-nvidias-h100s-in-chinas-ai-chip-market-a-detailed-look-at-the-speculated-features',
    ),
  },
  '910D': { tpp: null, note: 'No performance figure found.' },
};

export const seedChips: readonly Chip[] = [
  {
    id: 'nvidia-a100',
    vendor: 'Nvidia',
    name: 'A100',
    chipClass: 'frontier_controlled',
    tpp: 4990,
    memoryGb: null,
    notes: 'TPP ≈ 311.9 TFLOPS FP16 dense × 16 = 4,990. US: controlled for China/HK/Macau since 2022-10.',
    source: HMC_TECH,
  },
  {
    id: 'nvidia-a800',
    vendor: 'Nvidia',
    name: 'A800',
    chipClass: 'china_export_variant',
    tpp: 4990,
    memoryGb: null,
    notes:
      'A100 compute with NVLink cut to 400 GB/s, under the 2022 600 GB/s interconnect test. TPP ≈ 4,990 as A100. Legal from 2022-11 until the 2023-10 rule (effective 2023-11-17); controlled since.',
    source: AIWIKI_A800,
  },
  {
    id: 'nvidia-h100',
    vendor: 'Nvidia',
    name: 'H100',
    chipClass: 'frontier_controlled',
    tpp: 15832,
    memoryGb: null,
    notes: 'TPP ≈ 1,979 TFLOPS FP8 dense × 8 = 15,832. US: controlled since 2022.',
    source: src('lzwjava: Nvidia H200 GPU specs', 'https://lzwjava.github.io/nvidia-h200-gpu-specs-en'),
  },
  {
    id: 'nvidia-h800',
    vendor: 'Nvidia',
    name: 'H800',
    chipClass: 'china_export_variant',
    tpp: 15832,
    memoryGb: null,
    notes:
      'H100 with NVLink cut to ~300–400 GB/s; TPP ≈ 15,832 as H100. Legal under the 2022 test; controlled by the 2023-10 rule.',
    source: src(
      'Fudzilla: Nvidia modifies H100 to sell it to China',
      'https://fudzilla.net/news/ai/56578-nvidia-modifies-h100-to-sell-it-to-china',
    ),
  },
  {
    id: 'nvidia-h20',
    vendor: 'Nvidia',
    name: 'H20',
    chipClass: 'china_export_variant',
    tpp: 2368,
    memoryGb: 96,
    notes:
      'FP16 148 TFLOPS, 96 GB HBM3, 4.0 TB/s, NVLink 900 GB/s; TPP ≈ 148 × 16 = 2,368. US: licence required from 2025-04, licences again from 2025-08 with a 15% fee. China: CAC summons 2025-07, buyers told to avoid it, banned in state-funded DCs.',
    source: src('Will It Run AI: Nvidia H20 96 GB', 'https://willitrunai.com/es/gpus/h20-96gb'),
  },
  {
    id: 'nvidia-h200',
    vendor: 'Nvidia',
    name: 'H200',
    chipClass: 'frontier_controlled',
    tpp: 15832,
    memoryGb: 141,
    notes:
      '141 GB HBM3e, 4.8 TB/s; same compute as H100, TPP ≈ 15,832. US: controlled; from 2025-12-08 approved for vetted Chinese buyers with a 25% fee. China-side uptake uncertain.',
    source: src(
      'Introl: Trump, Nvidia and the China export-control reversal (December 2025)',
      'https://introl.com/blog/trump-nvidia-china-export-control-reversal-december-2025',
    ),
  },
  {
    id: 'nvidia-b200',
    vendor: 'Nvidia',
    name: 'B200',
    chipClass: 'frontier_controlled',
    tpp: 36000,
    memoryGb: null,
    notes:
      'FP16 dense 2.25 PFLOPS (× 16) or FP8 4.5 PFLOPS (× 8): TPP ≈ 36,000. US: barred for China; excluded from the Dec 2025 H200 deal.',
    source: HMC_TECH,
  },
  {
    id: 'nvidia-b30a',
    vendor: 'Nvidia',
    name: 'B30A (reported)',
    // A China-market design, but at about half a B300 it is far above TPP 4,800 (3A090.a): the US
    // rules reach it as a frontier chip, and the December 2025 H200 decision excluded Blackwell.
    chipClass: 'frontier_controlled',
    tpp: null,
    memoryGb: null,
    notes:
      'Reported single-die Blackwell at ~½ B300 compute with HBM and NVLink; no spec to derive TPP. Not approved for China as of the reports.',
    source: src(
      'BNN Bloomberg: Nvidia working on new AI chip for China that outperforms the H20, sources say',
      'https://www.bnnbloomberg.ca/business/2025/08/19/nvidia-working-on-new-ai-chip-for-china-that-outperforms-the-h20-sources-say/',
    ),
  },
  {
    id: 'nvidia-rtx-pro-6000d',
    vendor: 'Nvidia',
    name: 'RTX Pro 6000D',
    chipClass: 'china_export_variant',
    tpp: null,
    memoryGb: null,
    notes:
      'GDDR7, 1,398 GB/s (just under the reported 1.4 TB/s line), no NVLink. Sold without a US licence (reported); China’s CAC ordered orders cancelled 2025-09 (reported).',
    source: src('Volk News: Nvidia RTX Pro 6000D', 'https://volknews.com/?p=11602'),
  },
  {
    id: 'amd-mi308',
    vendor: 'AMD',
    name: 'Instinct MI308',
    chipClass: 'china_export_variant',
    tpp: null,
    memoryGb: null,
    notes:
      'China variant; no specs found. US: licence required from 2025-04; 15% fee deal 2025-08 (brecorder.com). China: same pressure as H20.',
    source: TOMS_H20,
  },
  {
    id: 'amd-mi325x',
    vendor: 'AMD',
    name: 'Instinct MI325X',
    chipClass: 'frontier_controlled',
    tpp: 20918,
    memoryGb: null,
    notes:
      'TPP ≈ 1,307.4 TFLOPS FP16/BF16 dense × 16 = 20,918 (derived; a secondary spec page, Vultr docs give 1,307). Named alongside H200 in the Commerce rule of 2026-01-15 (reported, gmt8press.com/content/detail/352159).',
    source: src('Awesome Agents: AMD Instinct MI325X specifications', 'https://awesomeagents.ai/hardware/amd-mi325x'),
  },
  ...(['910B', '910C', '910D'] as const).map((model): Chip => ({
    id: `huawei-ascend-${model.toLowerCase()}`,
    vendor: 'Huawei',
    name: `Ascend ${model}`,
    chipClass: 'domestic_chinese',
    tpp: ASCEND_TPP[model].tpp,
    memoryGb: null,
    notes: `${ASCEND_TPP[model].note} ${model === '910C' ? 'Dual-die, shipping from May 2025. ' : ''}${ASCEND_NOTE}`,
    source: ASCEND_TPP[model].source ?? ASCEND,
  })),
  {
    id: 'cambricon',
    vendor: 'Cambricon',
    name: 'MLU accelerators',
    chipClass: 'domestic_chinese',
    tpp: null,
    memoryGb: null,
    notes: `Cambricon is on the Entity List with Footnote 4 since 2022-12-16. ${DOMESTIC_NOTE}`,
    source: src(
      'International Trade Insights: BIS adds Chinese entities to the Entity List (December 2022)',
      'https://www.internationaltradeinsights.com/2022/12/bis-adds-35-chinese-entities-to-entity-list-for-supporting-chinas-military-modernization-efforts-and-nine-russian-entities-for-failure-to-complete-satisfactory-end-use-checks/',
    ),
  },
  ...(
    [
      ['biren', 'Biren', 'Biren accelerators', 'Biren is Entity-Listed since 2023-10. '],
      [
        'moore-threads',
        'Moore Threads',
        'Moore Threads accelerators',
        'Moore Threads is Entity-Listed since 2023-10. ',
      ],
      ['metax', 'MetaX', 'MetaX accelerators', ''],
      ['enflame', 'Enflame', 'Enflame accelerators', ''],
    ] as const
  ).map(([id, vendor, name, listed]): Chip => ({
    id,
    vendor,
    name,
    chipClass: 'domestic_chinese',
    tpp: null,
    memoryGb: null,
    notes: `${listed}${DOMESTIC_NOTE}`,
    source: DOMESTIC_SOURCE,
  })),
];
