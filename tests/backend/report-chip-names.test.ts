// Reports name chips as a reader knows them (issue 15: "nvidia-h100" printed where "Nvidia H100" was
// meant): in Markdown, HTML (and so the PDF, which prints it) and CSV, no chip id appears outside the
// reproducibility appendix, which quotes the stored profile with a key from id to name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import type { ReportModel } from '../../shared/report/model';
import { valueOf } from './dispatch-results';

let backend: Backend;
let model: ReportModel;
let chips: { id: string; label: string }[];

const SCENARIO = {
  presetId: 'cost-first',
  profileId: 'cn-private-lab-rented',
  asOf: '2025-09-01',
  sites: ['sg-tuas', 'my-kulai'],
  sensitivity: null,
};

beforeAll(async () => {
  backend = createBackend({ dbPath: ':memory:', version: 't' });
  model = await valueOf(backend, 'report.build', SCENARIO);
  const catalogue = await valueOf(backend, 'chips.list', {});
  const profile = (await valueOf(backend, 'profiles.list', {})).find((p) => p.id === SCENARIO.profileId);
  const ids = [...new Set([...(profile?.trainingChips ?? []), ...(profile?.inferenceChips ?? [])])];
  chips = ids.map((id) => {
    const c = catalogue.find((x) => x.id === id);
    return { id, label: `${c?.vendor ?? ''} ${c?.name ?? ''}` };
  });
});

afterAll(() => backend.close());

const render = async (format: 'md' | 'html' | 'csv'): Promise<string> =>
  (await valueOf(backend, 'report.render', { ...SCENARIO, format })).content;

/** The chip ids found in `text` as whole ids (nvidia-h20 is not found inside nvidia-h200). */
/** The chips the legality section judges (the scenario's workload's), by name. */
const judged = (): string[] => {
  const ids = new Set(model.legality?.flatMap((l) => l.chips.map((c) => c.chipId)));
  return chips.filter((c) => ids.has(c.id)).map((c) => c.label);
};

const idsIn = (text: string): string[] =>
  chips.filter((c) => new RegExp(`(?<![\\w-])${c.id}(?![\\w-])`).test(text)).map((c) => c.id);

describe('reports name chips by vendor and name', () => {
  it('carries the profile’s chips with their names in the model, and the summary names the chip', () => {
    expect(chips.length).toBeGreaterThan(1);
    expect(model.chips).toEqual(chips.map((c) => expect.objectContaining({ id: c.id }) as unknown));
    expect(model.chips.map((c) => `${c.vendor} ${c.name}`)).toEqual(chips.map((c) => c.label));
    const legality = model.summary.find((p) => p.includes('lawful option') || p.includes('most restricted'));
    expect(legality).toBeDefined();
    expect(idsIn(legality ?? '')).toEqual([]);
    expect(chips.some((c) => legality?.includes(c.label))).toBe(true);
  });

  it('prints no chip id in Markdown before the reproducibility appendix, which keys each id to its name', async () => {
    const md = await render('md');
    const [body, appendix] = md.split('## Reproducibility') as [string, string];
    expect(appendix).toBeDefined();
    expect(idsIn(body)).toEqual([]);
    expect(judged().length).toBeGreaterThan(1);
    for (const label of judged()) expect(body).toContain(`**${label}**`);
    for (const c of chips) expect(appendix).toContain(`| \`${c.id}\` | ${c.label} |`);
  });

  it('prints no chip id in HTML (the PDF’s text) before the appendix, and names them in the legality section', async () => {
    const html = await render('html');
    const [body, appendix] = html.split('<section id="reproducibility"') as [string, string];
    expect(appendix).toBeDefined();
    expect(idsIn(body)).toEqual([]);
    const legality = body.slice(body.indexOf('<section id="legality"'));
    for (const label of judged()) expect(legality).toContain(`<strong>${label}</strong>`);
    // The profile's chips as the section's introduction lists them.
    for (const c of chips) expect(legality).toContain(c.label);
    for (const c of chips) expect(appendix).toContain(`<td><code>${c.id}</code></td><td>${c.label}</td>`);
  });

  it('prints no chip id anywhere in the CSV', async () => {
    expect(idsIn(await render('csv'))).toEqual([]);
  });
});
