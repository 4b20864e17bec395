// @vitest-environment jsdom
// The weights panel's scenario editing against the real backend in memory: method and normalisation
// selectors (synced with the scenario bar), hard constraints (add, edit, remove, refuse), AHP
// pairwise judgments with the consistency ratio, and undo/redo across all of them.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { pairwiseMatrix } from '../../renderer/src/weights/ahp-judgments';
import { ScenarioBar } from '../../renderer/src/scenario/ScenarioBar';
import { WeightsPanel } from '../../renderer/src/weights/WeightsPanel';
import { ServicesProvider } from '../../renderer/src/context';
import { createAppStore, DEFAULT_COVERAGE_CHOICE, DEFAULT_LEGALITY_CHOICE } from '../../renderer/src/store';
import type { CallInput } from '../../shared/contract';
import { ahpWeights } from '../../shared/engine/weights';
import { inMemoryTransport } from './fake-backend';

afterEach(cleanup);

type ScoreInput = CallInput<'score.run'>;

interface Setup {
  store: ReturnType<typeof createAppStore>;
  /** Every score.run input sent, oldest first. */
  scored: ScoreInput[];
  close(): void;
}

async function renderPanel(presetId = 'cost-first'): Promise<Setup> {
  const { transport, backend } = inMemoryTransport();
  const scored: ScoreInput[] = [];
  const recording: Transport = {
    ...transport,
    call: (name, input) => {
      if (name === 'score.run') scored.push(structuredClone(input) as ScoreInput);
      return transport.call(name, input);
    },
  };
  const client = createClient(recording);
  const store = createAppStore();
  await store.getState().load(client);
  await store.getState().setScenario(client, { presetId, profileId: 'cn-private-lab-rented', asOf: '2026-01-15' });
  render(
    <ServicesProvider client={client} store={store}>
      <ScenarioBar />
      <WeightsPanel />
    </ServicesProvider>,
  );
  return { store, scored, close: () => backend.close() };
}

const last = (s: Setup): ScoreInput | undefined => s.scored.at(-1);
const excludedIds = (s: Setup): string[] =>
  (s.store.getState().score?.results ?? []).filter((r) => r.excluded).map((r) => r.siteId);
const panel = (): HTMLElement => screen.getByRole('region', { name: 'Weights' });
const constraintsList = (): string[] =>
  within(screen.getByRole('region', { name: 'Hard constraints' }))
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.constraint-text')?.textContent ?? '');

describe('method and normalisation', () => {
  it('sends the chosen normalisation and method with score.run, and the explanation follows', async () => {
    const s = await renderPanel();
    const norm = within(panel()).getByRole('combobox', { name: 'Normalisation' });
    expect(norm.getAttribute('aria-describedby')).toBe('weights-normalisation-explain');
    expect(last(s)?.normalisation).toBeUndefined();

    fireEvent.change(norm, { target: { value: 'vector' } });
    await waitFor(() => expect(s.store.getState().score?.normalisation).toBe('vector'));
    expect(last(s)).toMatchObject({ presetId: 'cost-first', normalisation: 'vector' });
    expect(document.getElementById('weights-normalisation-explain')?.textContent).toMatch(/Euclidean length/);

    // One store field behind both Method selects: the panel's and the scenario bar's.
    const panelMethod = within(panel()).getByRole('combobox', { name: 'Method' }) as HTMLSelectElement;
    const barMethod = within(screen.getByRole('toolbar', { name: 'Scenario' })).getByRole('combobox', {
      name: 'Method',
    }) as HTMLSelectElement;
    fireEvent.change(panelMethod, { target: { value: 'wpm' } });
    await waitFor(() => expect(s.store.getState().score?.method).toBe('wpm'));
    expect(barMethod.value).toBe('wpm');
    expect(last(s)).toMatchObject({ method: 'wpm', normalisation: 'vector' });
    expect(document.getElementById('weights-method-explain')?.textContent).toMatch(/Multiplies/);

    fireEvent.change(barMethod, { target: { value: 'topsis' } });
    await waitFor(() => expect(s.store.getState().score?.method).toBe('topsis'));
    expect(panelMethod.value).toBe('topsis');
    // TOPSIS honours the normalisation too (its ideal points are built on the normalised values).
    expect(document.getElementById('weights-normalisation-explain')?.textContent).toMatch(/Euclidean length/);

    fireEvent.change(panelMethod, { target: { value: '' } });
    await waitFor(() => expect(s.store.getState().score?.method).toBe('wsm'));
    expect(last(s)?.method).toBeUndefined();
    s.close();
  });
});

/** The cost-first preset's rule: a licence under a presumption of denial is refused, an ordinary one accepted. */
const PRESET_RULE = 'Exclude sites where chip legality is prohibited or licence-required with presumption of denial';

describe('hard constraints', () => {
  it("lists the preset's constraints in words and toggles the accepted chip statuses", async () => {
    const s = await renderPanel();
    expect(constraintsList()).toEqual([PRESET_RULE]);
    const statuses = within(screen.getByRole('group', { name: 'Accept chips that are' }));
    expect((statuses.getByRole('checkbox', { name: 'allowed' }) as HTMLInputElement).disabled).toBe(true);
    const before = excludedIds(s).length;

    fireEvent.click(statuses.getByRole('checkbox', { name: 'licence-required' }));
    await waitFor(() =>
      expect(last(s)?.constraints).toEqual([{ kind: 'chips_legal', allow: ['allowed', 'conditional'] }]),
    );
    expect(constraintsList()).toEqual([
      'Exclude sites where chip legality is prohibited, licence-required with presumption of denial or licence-required',
    ]);
    await waitFor(() => expect(s.store.getState().score?.constraints).toEqual(last(s)?.constraints));
    expect(excludedIds(s).length).toBeGreaterThanOrEqual(before);
    expect(screen.getByText('changed')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: "Use the preset's" }));
    await waitFor(() => expect(last(s)?.constraints).toBeUndefined());
    expect(constraintsList()).toEqual([PRESET_RULE]);
    s.close();
  });

  it('adds a maximum that excludes exactly the sites above it, edits it, refuses bad values, removes it', async () => {
    const s = await renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Add a limit…' }));
    const form = within(screen.getByRole('form', { name: 'New limit' }));
    fireEvent.change(form.getByRole('combobox', { name: 'Criterion' }), { target: { value: 'power_price_usc_kwh' } });
    fireEvent.change(form.getByRole('combobox', { name: 'Bound' }), { target: { value: 'max' } });
    const value = form.getByRole('textbox', { name: 'Value' });
    expect(form.getByText('US¢/kWh')).toBeTruthy();

    // Refused at the field: nothing is sent.
    const sent = s.scored.length;
    for (const [typed, message] of [
      ['', 'Enter a number.'],
      ['cheap', '"cheap" is not a number.'],
      ['-2', 'Power price is at least 0 (US¢/kWh).'],
    ] as const) {
      fireEvent.change(value, { target: { value: typed } });
      fireEvent.click(form.getByRole('button', { name: 'Add' }));
      expect(form.getByRole('alert').textContent).toBe(message);
      expect(value.getAttribute('aria-invalid')).toBe('true');
    }
    expect(s.scored.length).toBe(sent);

    fireEvent.change(value, { target: { value: '8' } });
    expect(form.queryByRole('alert')).toBeNull();
    fireEvent.click(form.getByRole('button', { name: 'Add' }));
    await waitFor(() =>
      expect(last(s)?.constraints).toContainEqual({ kind: 'max', criterionId: 'power_price_usc_kwh', value: 8 }),
    );
    expect(constraintsList()).toContain('Power price ≤ 8 US¢/kWh');
    await waitFor(() => expect(s.store.getState().score?.constraints).toHaveLength(2));
    const priced = s.store.getState().score?.results ?? [];
    const above = priced.filter((r) => r.reasons.some((x) => /Power price .* is above/.test(x)));
    expect(above.length).toBeGreaterThan(0);
    for (const r of above) expect(r.excluded).toBe(true);

    // A second maximum on the same criterion is refused; so is a minimum above the maximum.
    fireEvent.click(screen.getByRole('button', { name: 'Add a limit…' }));
    const again = within(screen.getByRole('form', { name: 'New limit' }));
    fireEvent.change(again.getByRole('combobox', { name: 'Criterion' }), { target: { value: 'power_price_usc_kwh' } });
    fireEvent.change(again.getByRole('textbox', { name: 'Value' }), { target: { value: '5' } });
    fireEvent.click(again.getByRole('button', { name: 'Add' }));
    expect(again.getByRole('alert').textContent).toMatch(/already a maximum on Power price/);
    fireEvent.change(again.getByRole('combobox', { name: 'Bound' }), { target: { value: 'min' } });
    fireEvent.change(again.getByRole('textbox', { name: 'Value' }), { target: { value: '9' } });
    fireEvent.click(again.getByRole('button', { name: 'Add' }));
    expect(again.getByRole('alert').textContent).toMatch(/minimum of 9 US¢\/kWh is above the maximum of 8/);
    fireEvent.click(again.getByRole('button', { name: 'Cancel' }));

    // Edit: raise the cap; fewer (or as many) sites are above it.
    fireEvent.click(screen.getByRole('button', { name: 'Edit: Power price ≤ 8 US¢/kWh' }));
    const edit = within(screen.getByRole('form', { name: 'Edit limit' }));
    expect((edit.getByRole('textbox', { name: 'Value' }) as HTMLInputElement).value).toBe('8');
    fireEvent.change(edit.getByRole('textbox', { name: 'Value' }), { target: { value: '30' } });
    fireEvent.click(edit.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(constraintsList()).toContain('Power price ≤ 30 US¢/kWh'));
    await waitFor(() =>
      expect(s.store.getState().score?.constraints).toContainEqual({
        kind: 'max',
        criterionId: 'power_price_usc_kwh',
        value: 30,
      }),
    );
    const stillAbove = (s.store.getState().score?.results ?? []).filter((r) =>
      r.reasons.some((x) => /Power price .* is above/.test(x)),
    );
    expect(stillAbove.length).toBeLessThan(above.length);

    fireEvent.click(screen.getByRole('button', { name: 'Remove: Power price ≤ 30 US¢/kWh' }));
    await waitFor(() =>
      expect(last(s)?.constraints).toEqual([
        { kind: 'chips_legal', allow: ['allowed', 'conditional', 'licence_required'] },
      ]),
    );
    expect(constraintsList()).not.toContain('Power price ≤ 30 US¢/kWh');
    s.close();
  });
});

describe('AHP pairwise mode', () => {
  /** The pair sliders, keyed "A versus B". */
  const pairSlider = (a: string, b: string): HTMLInputElement =>
    screen.getByRole('slider', { name: `${a} versus ${b}` }) as HTMLInputElement;

  it('computes weights and the CR from the judgments, warns on an inconsistent matrix, and applies', async () => {
    const s = await renderPanel('cost-first');
    fireEvent.click(screen.getByRole('button', { name: 'Pairwise (AHP)' }));
    expect(screen.getByRole('button', { name: 'Pairwise (AHP)' }).getAttribute('aria-pressed')).toBe('true');
    const ahp = within(screen.getByRole('group', { name: 'Pairwise comparison (AHP)' }));
    // cost-first weights five criteria: 10 pairs, one labelled slider each.
    expect(ahp.getAllByRole('slider')).toHaveLength(10);
    // Leave one criterion out: four compared, six pairs.
    fireEvent.click(ahp.getByRole('checkbox', { name: 'Incentive tax rate' }));
    expect(ahp.getAllByRole('slider')).toHaveLength(6);
    const [chip, price, build, land] = ['Chip legality', 'Power price', 'Build cost', 'Land cost'];
    // Panel order is by criterion sort order: chip legality first.
    const ids = ['chip_legality', 'power_price_usc_kwh', 'build_cost_usd_w', 'land_cost_usd_m2'];
    const judge = (a: string, b: string, p: number): void => {
      fireEvent.change(pairSlider(a, b), { target: { value: String(p) } });
    };

    // Consistent: power price 3 times each of the others, which are equal.
    judge(chip, price, 2);
    judge(chip, build, 0);
    judge(chip, land, 0);
    judge(price, build, -2);
    judge(price, land, -2);
    judge(build, land, 0);
    expect(pairSlider(chip, price).getAttribute('aria-valuetext')).toBe('Power price moderately more important (3)');
    expect(pairSlider(chip, build).getAttribute('aria-valuetext')).toBe(
      'Chip legality and Build cost equally important (1)',
    );
    expect(ahp.getByRole('status').textContent).toMatch(/Consistency ratio 0\.000/);
    expect(ahp.queryByRole('alert')).toBeNull();
    const rows = (): string[] =>
      within(ahp.getByRole('table', { name: 'AHP weights' }))
        .getAllByRole('row')
        .map((r) => r.textContent ?? '');
    expect(rows()).toEqual(['Chip legality16.7 %', 'Power price50.0 %', 'Build cost16.7 %', 'Land cost16.7 %']);

    // Inconsistent: land cost now 7 times build cost, which every other judgment says are equal.
    judge(build, land, 6);
    const judgments = {
      'chip_legality|power_price_usc_kwh': 2,
      'chip_legality|build_cost_usd_w': 0,
      'chip_legality|land_cost_usd_m2': 0,
      'power_price_usc_kwh|build_cost_usd_w': -2,
      'power_price_usc_kwh|land_cost_usd_m2': -2,
      'build_cost_usd_w|land_cost_usd_m2': 6,
    };
    const expected = ahpWeights(pairwiseMatrix(ids, judgments));
    expect(expected.cr).toBeGreaterThan(0.1);
    expect(ahp.getByRole('status').textContent).toContain(expected.cr.toFixed(3));
    const warning = ahp.getByRole('alert').textContent ?? '';
    expect(warning).toMatch(/CR above 0\.10/);
    expect(warning).toMatch(
      /Most inconsistent: Build cost versus Land cost — you said 1\/7, the other judgments imply about 1\/3/,
    );
    expect(rows()).toEqual(
      [chip, price, build, land].map((name, k) => `${name}${((expected.weights[k] ?? 0) * 100).toFixed(1)} %`),
    );

    // Apply: the compared criteria share their current combined weight in AHP proportions; the
    // criterion left out keeps its weight.
    const before = s.store.getState().choices.presets.find((p) => p.id === 'cost-first')?.weights ?? {};
    const share = ids.reduce((sum, k) => sum + (before[k] ?? 0), 0);
    fireEvent.click(ahp.getByRole('button', { name: 'Apply these weights' }));
    await waitFor(() => expect(s.store.getState().scenario.weights).not.toBeNull());
    const applied = s.store.getState().scenario.weights ?? {};
    ids.forEach((k, i) => expect(applied[k]).toBeCloseTo((expected.weights[i] ?? 0) * share, 9));
    expect(applied.tax_incentive).toBeCloseTo(before.tax_incentive ?? NaN, 9);
    expect(last(s)?.weights).toEqual(applied);
    expect(s.store.getState().history.past).toHaveLength(1);
    s.close();
  });
});

describe('undo and redo across scenario edits', () => {
  it('steps back through a normalisation change, a constraint and an AHP apply with the panel buttons', async () => {
    const s = await renderPanel();
    const undo = screen.getByRole('button', { name: 'Undo' }) as HTMLButtonElement;
    const redo = screen.getByRole('button', { name: 'Redo' }) as HTMLButtonElement;
    expect(undo.disabled).toBe(true);

    fireEvent.change(within(panel()).getByRole('combobox', { name: 'Normalisation' }), { target: { value: 'max' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a limit…' }));
    const form = within(screen.getByRole('form', { name: 'New limit' }));
    fireEvent.change(form.getByRole('combobox', { name: 'Criterion' }), { target: { value: 'power_price_usc_kwh' } });
    fireEvent.change(form.getByRole('textbox', { name: 'Value' }), { target: { value: '8' } });
    fireEvent.click(form.getByRole('button', { name: 'Add' }));
    fireEvent.click(screen.getByRole('button', { name: 'Pairwise (AHP)' }));
    fireEvent.change(screen.getByRole('slider', { name: 'Chip legality versus Power price' }), {
      target: { value: '-8' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Apply these weights' }));
    await waitFor(() => expect(s.store.getState().history.past).toHaveLength(3));
    const applied = s.store.getState().scenario.weights;
    expect(undo.disabled).toBe(false);

    fireEvent.click(undo);
    await waitFor(() => expect(s.store.getState().scenario.weights).toBeNull());
    expect(last(s)?.weights).toBeUndefined();
    expect(last(s)?.constraints).toHaveLength(2);
    fireEvent.click(undo);
    await waitFor(() => expect(constraintsList()).toEqual([PRESET_RULE]));
    expect(last(s)?.constraints).toBeUndefined();
    expect(last(s)?.normalisation).toBe('max');
    fireEvent.click(undo);
    await waitFor(() => expect(last(s)?.normalisation).toBeUndefined());
    expect((within(panel()).getByRole('combobox', { name: 'Normalisation' }) as HTMLSelectElement).value).toBe('');
    expect(undo.disabled).toBe(true);

    fireEvent.click(redo);
    fireEvent.click(redo);
    fireEvent.click(redo);
    await waitFor(() => expect(s.store.getState().scenario.weights).toEqual(applied));
    expect(last(s)).toMatchObject({ normalisation: 'max', weights: applied });
    expect(constraintsList()).toContain('Power price ≤ 8 US¢/kWh');
    expect(redo.disabled).toBe(true);

    // Reset to preset drops everything at once, and is itself undoable.
    fireEvent.click(screen.getByRole('button', { name: 'Reset to preset' }));
    await waitFor(() =>
      expect(last(s)).toEqual({
        presetId: 'cost-first',
        profileId: 'cn-private-lab-rented',
        asOf: '2026-01-15',
        ...DEFAULT_LEGALITY_CHOICE,
        ...DEFAULT_COVERAGE_CHOICE,
      }),
    );
    fireEvent.click(undo);
    await waitFor(() => expect(last(s)).toMatchObject({ normalisation: 'max', weights: applied }));
    s.close();
  });
});
