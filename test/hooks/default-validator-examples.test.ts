import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { DefaultValidator } from '../../src/hooks/default-validator';
import { UPSTREAM_EXAMPLES, UPSTREAM_EXAMPLES_1_16, upstreamDocuments, upstreamExampleFiles } from '../support/upstream';

// Every FlinkDeployment and FlinkSessionJob among the operator's example CRs, of
// release 1.15.0 and of the 1.16 line, validates clean with the default context
// (operator 1.16 and its chart defaults); a session job is checked against its
// session cluster when an example defines it.

const validator = new DefaultValidator();

describe.each([['1.15.0', UPSTREAM_EXAMPLES], ['1.16', UPSTREAM_EXAMPLES_1_16]])('upstream examples %s', (_set, dir) => {
  const documents = upstreamExampleFiles(dir).flatMap((file) => upstreamDocuments(file, dir).map((document) => ({ file, document })));
  const deployments = documents.filter(({ document }) => document.kind === 'FlinkDeployment');
  const sessionJobs = documents.filter(({ document }) => document.kind === 'FlinkSessionJob');
  const clusterNamed = (name: string) => deployments.find(({ document }) => document.metadata?.name === name)?.document;

  test('the examples include both kinds', () => {
    expect(deployments.length).toBeGreaterThanOrEqual(15);
    expect(sessionJobs.length).toBeGreaterThanOrEqual(4);
  });

  test.each(deployments.map(({ file, document }) => [file, document.metadata?.name, document]))(
    '%s: FlinkDeployment %s is valid', (_file, _name, document) => {
      expect(validator.deploymentErrors(document)).toEqual([]);
    });

  test.each(sessionJobs.map(({ file, document }) => [file, document.metadata?.name, document]))(
    '%s: FlinkSessionJob %s is valid', (_file, _name, document) => {
      expect(validator.sessionJobErrors(document)).toEqual([]);
      const cluster = clusterNamed(document.spec.deploymentName);
      expect(cluster).toBeDefined();
      expect(validator.sessionJobErrors(document, cluster)).toEqual([]);
    });
});

test('the 1.16 examples are the files PROVENANCE lists, with their sha256', () => {
  const provenance = parse(fs.readFileSync(path.join(UPSTREAM_EXAMPLES_1_16, '..', 'PROVENANCE'), 'utf8'));
  const files = upstreamExampleFiles(UPSTREAM_EXAMPLES_1_16);
  expect(files).toHaveLength(32);
  expect(Object.fromEntries(files.map((f) => [`examples/${f}`,
    createHash('sha256').update(fs.readFileSync(path.join(UPSTREAM_EXAMPLES_1_16, f))).digest('hex')]))).toEqual(provenance.sha256);
  expect(provenance.commit).toEqual('6e9caeb48118934f4311534725196c52159eaa21');
});
