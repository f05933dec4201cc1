/**
 * `npm run fuzz`: the props properties of `props.fuzz.ts` with FUZZ_RUNS
 * cases in total (default 10,000), split by each property's share.
 */
import { PROPERTIES, runProperty, runsOf } from './props.fuzz';

const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

describe(`bad input never crashes (${TOTAL_RUNS} cases)`, () => {
  for (const { name } of PROPERTIES) {
    test(`${name} (${runsOf(name, TOTAL_RUNS)} cases)`, () => {
      runProperty(name, runsOf(name, TOTAL_RUNS));
    });
  }
});
