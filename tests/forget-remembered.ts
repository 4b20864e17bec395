// Each test starts with nothing remembered. The store restores the scenario and the layout from
// localStorage, which jsdom keeps for a whole test file: without this, one test's preset would be
// the next test's starting point.
import { beforeEach } from 'vitest';

beforeEach(() => {
  if (typeof window !== 'undefined') window.localStorage.clear();
});
