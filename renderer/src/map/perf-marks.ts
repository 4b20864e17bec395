// User Timing measures around the map's per-view work (projecting, clustering, placing labels), so
// the e2e perf script and a profiler see what each settle of the map costs. Bounded: only the latest
// entries of each name are kept.
const KEEP = 200;

export function measured<T>(name: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  try {
    if (performance.getEntriesByName(name, 'measure').length >= KEEP) performance.clearMeasures(name);
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // A runtime without User Timing Level 3 still draws the map.
  }
  return result;
}
