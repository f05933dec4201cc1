import { ValidateFunction } from 'ajv';
import { closeObjects } from './crd-schema';
import { flinkClusterSchema } from '../../src/render/spotify/_crd';
import { compileSchema, schemaErrors } from '../../src/render/spotify/_schema';

let strict: ValidateFunction | undefined;

/**
 * The schema errors of a FlinkCluster against the vendored CRD with every
 * object closed (`additionalProperties: false` where the CRD declares
 * properties): a field the renderer misspells would otherwise be pruned
 * silently by the API server.
 */
export function strictFlinkClusterSchemaErrors(cluster: any): string[] {
  strict ??= compileSchema(closeObjects(flinkClusterSchema()));
  return schemaErrors(strict, cluster);
}
