/**
 * THE list of deliberate differences between the library's FlinkCluster
 * checks (`cdk8s-flink validate`, `FlinkBackend.SPOTIFY_OPERATOR`) and the
 * spotify operator's real code, each with its reason. The conformance run
 * counts a case as a documented difference only when one of these explains
 * it; anything else fails the run.
 */

/** One deliberate difference. */
export interface DocumentedDifference {
  /** Short identifier, printed with the cases it explains. */
  readonly id: string;
  /** Why the library differs. */
  readonly reason: string;
}

/** Every deliberate difference, by identifier. */
export const DOCUMENTED_DIFFERENCES = {
  /**
   * The library targets the operator's commit 1746257 ("fix: savepointFormatType
   * defaults to nil", #1023, v0.6.0-3), whose CRD no longer defaults
   * `spec.job.savepointFormatType` to `CANONICAL`; the newest module version the
   * Go module proxy serves is v0.6.0, whose CRD still does. The webhook code is
   * the same in both. The oracle is therefore run with the library's vendored
   * CRD, and this one CRD difference is checked and counted once.
   */
  savepointFormatDefault: {
    id: 'savepoint-format-default',
    reason: 'v0.6.0 CRD defaults spec.job.savepointFormatType to CANONICAL; the targeted commit 1746257 removed that default',
  },
  /**
   * A value of the wrong JSON type (a string for an integer, ...) cannot be
   * decoded into the operator's Go types, so its mutating webhook denies the
   * request before the API server's schema validation runs, with a Go
   * `json: cannot unmarshal ...` message naming Go struct fields. The library
   * reports the schema error for the field instead (what a user can act on);
   * the verdict is the same.
   */
  decodeBeforeSchema: {
    id: 'decode-before-schema',
    reason: 'a wrong JSON type is denied by the mutating webhook\'s Go decoder before schema validation; the library names the schema error',
  },
  /**
   * Several invalid entries of one pod label or annotation map: the webhook
   * aggregates one error per entry in Go's map iteration order, which is
   * random (two calls on one object can answer differently). The library
   * lists them in a fixed order; the same errors are compared as a set.
   */
  mapOrder: {
    id: 'map-order',
    reason: 'several invalid entries of one label/annotation map: Go iterates maps in random order; same errors, compared as a set',
  },
  /**
   * Schema errors are worded by ajv in the library (`must be integer`) and by
   * kube-openapi in the API server (`Invalid value: "string": ... in body must
   * be of type integer`); the library names the same fields, which is what is
   * compared.
   */
  schemaWording: {
    id: 'schema-wording',
    reason: 'schema errors: same fields, ajv wording instead of the API server\'s',
  },
  /**
   * The mutating webhook's JSON patch turns the whole object into the Go
   * types' encoding: quantities in canonical form (`cpu: 2` → `"2"`,
   * `"0.5"` → `"500m"`), zero values of fields without `omitempty`
   * (`flinkVersion: ""`, `memoryOffHeapMin: "0"`, an empty `status`). The
   * library's defaulted object keeps the document's spelling (only values
   * matter to the checks), so the harness compares both defaulted objects in
   * the Go encoding: the oracle decodes the library's into the operator's
   * types and encodes it again. A comparison rule, not counted per case.
   */
  goEncoding: {
    id: 'go-encoding',
    reason: 'defaulted objects are compared in the operator\'s Go encoding (canonical quantities, Go zero values)',
  },
  /**
   * The oracle also answers the webhook's update validation against a base
   * object; the library checks documents on their own (`cdk8s-flink
   * validate` and synth have no stored object to compare with), so updates
   * are not compared.
   */
  updateNotCompared: {
    id: 'update-not-compared',
    reason: 'the library validates new objects only; the webhook\'s update rules need the stored object',
  },
  /**
   * The API server sets the request's namespace on a namespaced object
   * without one before admission; `cdk8s-flink validate` reads documents that
   * kubectl would apply to the current namespace. The harness gives such a
   * case the namespace `default`, as the API server would.
   */
  requestNamespace: {
    id: 'request-namespace',
    reason: 'an absent metadata.namespace is the request\'s namespace (the harness uses "default", as the API server would)',
  },
} as const;
