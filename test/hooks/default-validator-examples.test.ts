import { DefaultValidator } from '../../src/hooks/default-validator';
import { upstreamDocuments, upstreamExampleFiles } from '../support/upstream';

// Every FlinkDeployment and FlinkSessionJob among the operator's example CRs
// validates clean with the default context (the 1.15.0 chart defaults); a
// session job is checked against its session cluster when an example defines it.

const validator = new DefaultValidator();

const documents = upstreamExampleFiles().flatMap((file) => upstreamDocuments(file).map((document) => ({ file, document })));
const deployments = documents.filter(({ document }) => document.kind === 'FlinkDeployment');
const sessionJobs = documents.filter(({ document }) => document.kind === 'FlinkSessionJob');
const clusterNamed = (name: string) => deployments.find(({ document }) => document.metadata?.name === name)?.document;

describe('upstream examples', () => {
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
