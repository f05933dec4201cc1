// Jest configuration of `npm run fuzz` (scripts/fuzz.js): only the *.fuzz.ts
// entry, no coverage, no time limit per property.
const path = require('path');

module.exports = {
  rootDir: path.join(__dirname, '..', '..'),
  testMatch: ['<rootDir>/test/fuzz/main.fuzz.ts'],
  transform: { '^.+\\.[t]sx?$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }] },
  testTimeout: 3 * 60 * 60 * 1000,
  collectCoverage: false,
};
