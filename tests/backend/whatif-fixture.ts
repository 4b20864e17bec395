// A what-if scenario file for backend tests: the US barring advanced chips to Malaysia from
// 2025-07-01 (a planning assumption), as the scenario importer reads it.
export function malaysiaBanEvent(id: string) {
  return {
    id,
    issuer: 'US',
    title: 'Hypothetical: US bars advanced chips to Malaysia',
    effectiveDate: '2025-07-01',
    endDate: null,
    effect: 'prohibited',
    condition: '',
    scope: {
      chips: [],
      chipClasses: [],
      destinations: ['MY'],
      companyHq: [],
      stateFunded: null,
      entityListed: null,
      companies: [],
      deployment: 'any',
    },
    confidence: 'reported',
    source: { title: 'Planning assumption', url: 'https://example.org/what-if' },
    note: '',
  };
}

/** The content of a `landfall.scenario` file holding `events`. */
export function scenarioFile(name: string, description: string, events: readonly unknown[]): string {
  return JSON.stringify({ format: 'landfall.scenario', version: 1, scenario: { name, description }, events });
}
