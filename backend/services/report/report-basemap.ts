// The report map's countries: the same world-atlas 1:50m topology the workspace's basemap draws,
// bundled with the app, converted to GeoJSON once per process (it takes tens of milliseconds).
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries50m from 'world-atlas/countries-50m.json';

let cached: FeatureCollection | null = null;

export function reportCountries(): FeatureCollection {
  if (cached === null) {
    const topology = countries50m as unknown as Topology<{ countries: GeometryCollection }>;
    cached = feature(topology, topology.objects.countries);
  }
  return cached;
}
