// The app version, injected at bundle time by esbuild's `define`, read from package.json otherwise.
declare const __LANDFALL_VERSION__: string | undefined;

export const appVersion: string = typeof __LANDFALL_VERSION__ === 'string' ? __LANDFALL_VERSION__ : '0.0.0-dev';
