// The Content-Security-Policy for every page Landfall shows, in Electron and in browser mode:
// nothing from a remote origin, no eval, no inline script. The one exception is images from the
// OpenStreetMap tile server, for the opt-in online basemap (off by default; map settings).

/** The only remote origin the app may load from, and only images (map tiles). */
export const ONLINE_TILE_ORIGIN = 'https://tile.openstreetmap.org';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  `img-src 'self' data: ${ONLINE_TILE_ORIGIN}`,
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
