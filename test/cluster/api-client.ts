/**
 * Plain HTTPS to the test API server: a bearer token, the run's CA, JSON in and
 * out, and the resource (plural, scope) of a kind from API discovery.
 */
import * as https from 'https';

/** A response: status and body (parsed when JSON). */
export interface ApiResponse {
  readonly status: number;
  readonly text: string;
  readonly json: any;
}

/** Where objects of a kind live: `/apis/<group>/<version>/[namespaces/<ns>/]<plural>`. */
export interface ApiResource {
  readonly plural: string;
  readonly namespaced: boolean;
}

/** Client of one API server. */
export class ApiClient {
  private readonly agent: https.Agent;
  private readonly resources = new Map<string, Map<string, ApiResource>>();

  constructor(private readonly server: string, ca: Buffer, private readonly token: string) {
    this.agent = new https.Agent({ ca, keepAlive: true });
  }

  /** One request; `body` is sent as JSON unless it is a string. */
  public request(method: string, urlPath: string, body?: unknown, contentType = 'application/json'): Promise<ApiResponse> {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = https.request(`${this.server}${urlPath}`, {
        method,
        agent: this.agent,
        headers: {
          Authorization: `Bearer ${this.token}`,
          Accept: 'application/json',
          ...(payload === undefined ? {} : { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(payload) }),
        },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: any;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, text, json });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** The resource of `kind` in `apiVersion`, from discovery (asked again after new CRDs: see `forgetDiscovery`). */
  public async resource(apiVersion: string, kind: string): Promise<ApiResource> {
    let kinds = this.resources.get(apiVersion);
    if (!kinds) {
      const res = await this.request('GET', apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`);
      if (res.status !== 200) {
        throw new Error(`the API server does not serve ${apiVersion} (HTTP ${res.status})`);
      }
      kinds = new Map();
      for (const r of res.json.resources as Array<{ name: string; kind: string; namespaced: boolean }>) {
        if (!r.name.includes('/')) {
          kinds.set(r.kind, { plural: r.name, namespaced: r.namespaced });
        }
      }
      this.resources.set(apiVersion, kinds);
    }
    const found = kinds.get(kind);
    if (!found) {
      throw new Error(`the API server serves no kind ${kind} in ${apiVersion}`);
    }
    return found;
  }

  /** Drops cached discovery of `apiVersion` (after its CRD was installed). */
  public forgetDiscovery(apiVersion: string): void {
    this.resources.delete(apiVersion);
  }

  /** The URL path of a named object (`namespace` ignored for cluster-scoped kinds). */
  public async objectPath(obj: KubeObject): Promise<string> {
    const { plural, namespaced } = await this.resource(obj.apiVersion, obj.kind);
    const base = obj.apiVersion.includes('/') ? `/apis/${obj.apiVersion}` : `/api/${obj.apiVersion}`;
    const ns = namespaced ? `/namespaces/${encodeURIComponent(obj.metadata.namespace ?? 'default')}` : '';
    return `${base}${ns}/${plural}/${encodeURIComponent(obj.metadata.name)}`;
  }

  /** Server-side apply with strict field validation; the server's answer. */
  public async serverSideApply(obj: KubeObject, fieldManager: string): Promise<ApiResponse> {
    const query = `?fieldManager=${encodeURIComponent(fieldManager)}&fieldValidation=Strict&force=true`;
    return this.request('PATCH', `${await this.objectPath(obj)}${query}`, obj, 'application/apply-patch+yaml');
  }
}

/** A Kubernetes object as rendered. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly annotations?: Record<string, string>; [k: string]: any };
  readonly [field: string]: any;
}
