// The offline basemap: Natural Earth 1:50m countries from the bundled world-atlas package.
import type { Feature, FeatureCollection } from 'geojson';
import type { GeoJSON as LeafletGeoJSON, Path } from 'leaflet';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { lazySvg } from './lazy-svg';
import type { LegalityStatus } from '../../../shared/engine/types';
import { ISO_NUMERIC } from './iso-numeric';
import { LEGALITY_FILL } from './legality-shading';
import { GeoJSON, Pane } from 'react-leaflet';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

async function loadCountries(): Promise<FeatureCollection> {
  const topology = (await import('world-atlas/countries-50m.json')).default as unknown as Topology<{
    countries: GeometryCollection;
  }>;
  return feature(topology, topology.objects.countries);
}

/** Countries coloured by status (ISO alpha-2 → status); an empty record leaves the map plain. */
export function Basemap({ shading }: { shading: Record<string, LegalityStatus> }): ReactNode {
  const [countries, setCountries] = useState<FeatureCollection | null>(null);
  const layer = useRef<LeafletGeoJSON | null>(null);
  // Draws a view's width beyond each edge and redraws only when a pan leaves that (lazy-svg.ts).
  const [renderer] = useState(() => lazySvg({ pane: 'basemap', padding: 1 }));
  // One style object: a new one on every render would make react-leaflet restyle every country.
  const [style] = useState(() => ({ className: 'country', weight: 0.6, renderer }));
  useEffect(() => {
    const byNumeric = new Map(Object.entries(shading).map(([alpha2, status]) => [ISO_NUMERIC[alpha2], status]));
    // Inline styles, because the stylesheet's land colour would win over Leaflet's fill attribute.
    layer.current?.eachLayer((l) => {
      const path = l as Path & { feature?: Feature };
      const element = path.getElement() as SVGElement | undefined;
      const status = byNumeric.get(String(path.feature?.id ?? ''));
      if (!element) return;
      element.style.fill = status ? LEGALITY_FILL[status] : '';
      element.style.fillOpacity = status ? '0.6' : '';
      element.dataset.legality = status ?? '';
      element.dataset.iso = String(path.feature?.id ?? '');
    });
  }, [shading, countries]);
  useEffect(() => {
    let live = true;
    void loadCountries().then((fc) => {
      if (live) setCountries(fc);
    });
    return () => {
      live = false;
    };
  }, []);
  // Its own pane below the overlay pane, so countries that load late never cover the markers.
  return (
    <Pane name="basemap" style={{ zIndex: 250 }}>
      {countries !== null && (
        <GeoJSON
          ref={layer}
          data={countries}
          interactive={false}
          attribution="Natural Earth (public domain), via world-atlas"
          style={style}
        />
      )}
    </Pane>
  );
}
