/**
 * The one wording of "this backend cannot render that": every renderer
 * reports the manifest fields it cannot express with it, so that nothing is
 * silently dropped.
 */
import { describeValue } from '../manifest/_describe';

/** The name of a backend as users write it in code (`FlinkBackend.KUBERNETES`). */
export type BackendName = 'KUBERNETES' | 'SPOTIFY_OPERATOR';

/**
 * `<field>: <value> cannot be rendered by the FlinkBackend.<backend> backend (<why>)`.
 *
 * @param field the manifest field, e.g. `spec.job.upgradeMode`
 * @param value the value it holds
 * @param backend the backend that cannot express it
 * @param why what the field needs, or what to do instead
 */
export function unsupported(field: string, value: unknown, backend: BackendName, why: string): string {
  return `${field}: ${describeValue(value)} cannot be rendered by the FlinkBackend.${backend} backend (${why})`;
}
