// Jest configuration that re-runs the table-driven DefaultValidator tests of
// test/hooks while recording every resource they hand to the default checks
// (record.ts); the conformance run then puts each recorded resource to the
// operator as well. The malformed-shape tests (default-validator-robustness)
// are left out: the API server's schema rejects such resources before the
// operator sees them.
const path = require('path');

module.exports = {
  rootDir: path.join(__dirname, '..', '..', '..'),
  testMatch: [
    '<rootDir>/test/hooks/default-validator.test.ts',
    '<rootDir>/test/hooks/default-validator-configuration.test.ts',
    '<rootDir>/test/hooks/default-validator-semantics.test.ts',
    '<rootDir>/test/hooks/default-validator-examples.test.ts',
    '<rootDir>/test/hooks/snapshot-validator.test.ts',
  ],
  setupFilesAfterEnv: ['<rootDir>/conformance/apache-operator/tables/record.ts'],
  transform: { '^.+\\.[t]sx?$': ['ts-jest', { tsconfig: 'test/tsconfig.json', isolatedModules: true }] },
  collectCoverage: false,
};
