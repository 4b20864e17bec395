// The offline basemap: Natural Earth 1:50m countries from the bundled world-atlas package.
import type { FeatureCollection } from 'geojson';
import { useEffect, useState, type ReactNode } from 'react';
import { GeoJSON, Pane } from 'react-leaflet';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

async function loadCountries(): Promise<FeatureCollection> {
  const topology = (await import('world-atlas/countries-50m.json')).default as unknown as Topology<{
    countries: GeometryCollection;
  }>;
  return feature(topology, topology.objects.countries);
}

export function Basemap(): ReactNode {
  const [countries, setCountries] = useState<FeatureCollection | null>(null);
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
          data={countries}
          interactive={false}
          attribution="Natural Earth (public domain), via world-atlas"
          style={{ className: 'country', weight: 0.6 }}
        />
      )}
    </Pane>
  );
}
