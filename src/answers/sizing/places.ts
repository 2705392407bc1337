import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { normalise } from './figures.ts';
import { dataPath } from '../../project-paths.ts';
import { checkedOnce } from '../../checked-once.ts';

/** One named place with coordinates in degrees. */
export const Place = z.strictObject({
  name: z.string().trim().min(2),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  aliases: z.array(z.string().trim().min(2)).default([]),
});
export type Place = z.infer<typeof Place>;

const PlacesFile = z.strictObject({ about: z.string(), places: z.array(Place).min(2) });

/** Mean radius of the Earth in km (the great-circle distance uses a sphere). */
export const EARTH_RADIUS_KM = 6371;

/** The places Quorum knows, parsed once from data/answers/places.json. */
export interface Places {
  /** The places named in the text, in the order they appear (each at most once). */
  find(text: string): Place[];
}

/** Reads and checks the places file; a broken file throws with the problems named. */
export function loadPlaces(file: string | URL = dataPath('answers', 'places.json')): Places {
  const parsed = PlacesFile.safeParse(JSON.parse(readFileSync(file, 'utf8')), checkedOnce);
  if (!parsed.success) throw new Error(`places.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const names: Array<{ key: string; place: Place }> = [];
  for (const place of parsed.data.places) for (const n of [place.name, ...place.aliases]) names.push({ key: normalise(n), place });
  const seen = new Set<string>();
  for (const { key } of names) {
    if (seen.has(key)) throw new Error(`places.json: the name "${key}" is used twice`);
    seen.add(key);
  }
  // Longer names first, so "new york city" wins over "new york", and "northern virginia" over "virginia".
  names.sort((a, b) => b.key.length - a.key.length);
  return {
    find(text) {
      let rest = ` ${normalise(text).replace(/[^a-z0-9.\- ]/g, ' ')} `;
      const found: Array<{ at: number; place: Place }> = [];
      for (const { key, place } of names) {
        const at = rest.indexOf(` ${key} `);
        if (at === -1 || found.some((f) => f.place === place)) continue;
        found.push({ at, place });
        rest = `${rest.slice(0, at + 1)}${'#'.repeat(key.length)}${rest.slice(at + 1 + key.length)}`;
      }
      return found.sort((a, b) => a.at - b.at).map((f) => f.place);
    },
  };
}

/** The great-circle (haversine) distance between two places in km. */
export function greatCircleKm(a: Pick<Place, 'lat' | 'lon'>, b: Pick<Place, 'lat' | 'lon'>): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
