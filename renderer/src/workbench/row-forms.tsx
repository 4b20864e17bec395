// The add-row form (every field checked with data.validate as it is left, nothing written until the
// store would take it) and the policy scope form (the scope is too rich for one cell).
import { useState, type ReactNode } from 'react';
import type { EditChange } from '../../../shared/calls/edit-calls';
import type { CallOutput } from '../../../shared/contract';
import { useServices } from '../context';
import type { WorkbenchTable } from '../store';
import { TABLES } from './columns';
import { columnOfField, insertFor } from './edits';
import { Dialog, Fields, type FieldSpec } from './forms';

type Policy = CallOutput<'policies.list'>[number];

export function AddRowForm(props: {
  table: WorkbenchTable;
  /** Fields given already (a link to a missing fact names its criterion and owner). */
  initial?: Record<string, string>;
  onDone(key: string | null): void;
}): ReactNode {
  const { client } = useServices();
  const spec = TABLES[props.table];
  const columns = spec.columns.filter((c) => c.field !== null && c.kind !== 'scope');
  const [values, setValues] = useState<Record<string, string>>(() => ({
    ...Object.fromEntries(columns.map((c) => [c.id, c.options && c.required !== false ? (c.options[0] ?? '') : ''])),
    ...props.initial,
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);

  const check = async (all: boolean, current = values): Promise<{ ok: boolean; change: EditChange }> => {
    const change = insertFor(props.table, current, columns);
    const found: Record<string, string> = {};
    for (const c of columns) {
      if (c.required && !(current[c.id] ?? '').trim()) found[c.id] = `Required: give the ${c.header.toLowerCase()}.`;
    }
    // The store checks a row's key first; a stand-in id lets it check the other fields meanwhile.
    const probe = insertFor(
      props.table,
      {
        ...current,
        ...Object.fromEntries(
          columns.filter((c) => c.keyPart && c.id === 'id' && !(current.id ?? '').trim()).map((c) => [c.id, 'new-row']),
        ),
      },
      columns,
    );
    const result = await client.call('data.validate', { table: props.table, changes: [probe] });
    const loose: string[] = [];
    for (const issue of result.issues) {
      const col = columnOfField(issue.field, columns);
      if (col && !found[col]) found[col] = issue.message;
      else if (!col) loose.push(issue.message);
    }
    // While typing, only fields already left show their problems.
    const shown = all ? found : Object.fromEntries(Object.entries(found).filter(([k]) => touched.has(k)));
    setErrors(shown);
    setGeneral(all && loose.length ? loose.join(' ') : null);
    return { ok: result.ok && Object.keys(found).length === 0, change };
  };

  const fields: FieldSpec[] = columns.map((c) => ({
    id: c.id,
    label: c.header,
    kind: c.kind,
    options: c.kind === 'enum' ? c.options : c.kind === 'bool' ? ['no', 'yes'] : undefined,
    required: c.required ?? false,
    placeholder: c.id === 'owner' ? 'site:ID or market:ID' : c.kind === 'list' ? 'id, id, …' : undefined,
  }));

  const submit = async (): Promise<void> => {
    setBusy(true);
    setTouched(new Set(columns.map((c) => c.id)));
    try {
      const { ok, change } = await check(true);
      if (!ok) return;
      await client.call('data.apply', { table: props.table, changes: [change], label: `Add a row to ${spec.title}` });
      const v = change.values ?? {};
      const key =
        props.table === 'metric_values'
          ? `${String(v.criterionId)}@${v.siteId ? `site:${String(v.siteId)}` : `market:${String(v.marketId)}`}`
          : String(v.id);
      props.onDone(key);
    } catch (err) {
      setGeneral(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Add a row to ${spec.title}`}
      submitLabel="Add row"
      busy={busy}
      className="wide"
      onCancel={() => props.onDone(null)}
      onSubmit={() => void submit()}
    >
      <p className="muted">
        Fields marked * are required. Each field is checked when you leave it; nothing is saved until all are valid.
      </p>
      <Fields
        fields={fields}
        values={values}
        errors={errors}
        onChange={(id, v) => setValues({ ...values, [id]: v })}
        onBlur={(id) => {
          touched.add(id);
          setTouched(new Set(touched));
          void check(false);
        }}
      />
      {general ? (
        <p className="field-error" role="alert">
          {general}
        </p>
      ) : null}
    </Dialog>
  );
}

const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const flag = (text: string): boolean | null => (text === 'yes' ? true : text === 'no' ? false : null);
const flagText = (b: boolean | null): string => (b === null ? 'any' : b ? 'yes' : 'no');

export function ScopeForm(props: { policy: Policy; onDone(saved: boolean): void }): ReactNode {
  const { client } = useServices();
  const s = props.policy.scope;
  const [values, setValues] = useState<Record<string, string>>({
    chips: s.chips.join(', '),
    chipClasses: s.chipClasses.join(', '),
    destinations: s.destinations.join(', '),
    companyHq: s.companyHq.join(', '),
    companies: s.companies.join(', '),
    stateFunded: flagText(s.stateFunded),
    entityListed: flagText(s.entityListed),
    deployment: s.deployment,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (): Promise<void> => {
    const scope = {
      chips: splitList(values.chips ?? ''),
      chipClasses: splitList(values.chipClasses ?? ''),
      destinations: splitList(values.destinations ?? ''),
      companyHq: splitList(values.companyHq ?? ''),
      companies: splitList(values.companies ?? ''),
      stateFunded: flag(values.stateFunded ?? 'any'),
      entityListed: flag(values.entityListed ?? 'any'),
      deployment: values.deployment,
    };
    const input = {
      table: 'policy_events' as const,
      changes: [{ op: 'update' as const, key: props.policy.id, values: { scope } }],
      label: `Scope of ${props.policy.id}`,
    };
    setBusy(true);
    try {
      const result = await client.call('data.validate', input);
      if (!result.ok) {
        const found: Record<string, string> = {};
        for (const issue of result.issues) {
          const part = /^scope\.([a-zA-Z]+)/.exec(issue.field ?? '')?.[1] ?? 'chips';
          found[part] = found[part] ?? issue.message;
        }
        setErrors(found);
        return;
      }
      await client.call('data.apply', input);
      props.onDone(true);
    } catch (err) {
      setErrors({ chips: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const anyYesNo = ['any', 'yes', 'no'];
  return (
    <Dialog
      title={`Scope of ${props.policy.title}`}
      submitLabel="Save scope"
      busy={busy}
      className="wide"
      onCancel={() => props.onDone(false)}
      onSubmit={() => void submit()}
    >
      <p className="muted">Empty lists mean “any”. Separate ids with commas.</p>
      <Fields
        fields={[
          { id: 'chips', label: 'Chips', hint: 'chip ids, e.g. h20, mi308' },
          { id: 'chipClasses', label: 'Chip classes', hint: 'frontier_controlled, china_export_variant, …' },
          { id: 'destinations', label: 'Destinations', hint: 'where the hardware is: MY, SG, CN-GD…' },
          { id: 'companyHq', label: 'Company HQ', hint: 'two-letter countries' },
          { id: 'companies', label: 'Named companies' },
          { id: 'stateFunded', label: 'State funded', options: anyYesNo, required: true },
          { id: 'entityListed', label: 'Entity listed', options: anyYesNo, required: true },
          { id: 'deployment', label: 'Deployment', options: ['any', 'owned', 'rented'], required: true },
        ]}
        values={values}
        errors={errors}
        onChange={(id, v) => {
          setValues({ ...values, [id]: v });
          setErrors({ ...errors, [id]: '' });
        }}
      />
    </Dialog>
  );
}
