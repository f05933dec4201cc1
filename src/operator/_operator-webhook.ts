import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { clusterScoped } from './_operator-rbac';
import { FlinkOperatorWebhookOptions, WebhookKeystorePassword, WebhookKeystoreProfile } from './operator-webhook';
import { ArgoCd, ArgoCdSyncWave } from '../argo-cd';
import { checkAll, checkBoolean, checkEnum, checkMap, checkObjectList, checkLabels, checkString, fail } from '../props/_checks';

/** Names of the webhook objects, as the Helm chart names them. */
export const WEBHOOK_NAMES = {
  service: 'flink-operator-webhook-service',
  issuer: 'flink-operator-selfsigned-issuer',
  certificate: 'flink-operator-serving-cert',
  /** The Secret cert-manager writes the serving certificate and keystore to. */
  certificateSecret: 'webhook-server-cert',
} as const;

/** The port the webhook container listens on. */
export const WEBHOOK_PORT = 9443;

/** What the webhook objects of one operator install need to know. */
export interface OperatorWebhookOptions {
  readonly namespace: string;
  /** Empty: the webhook admits resources of every namespace. */
  readonly watchNamespaces: string[];
  readonly validator: boolean;
  readonly mutator: boolean;
  /** The Secret key cert-manager encrypts the keystore with. */
  readonly keystorePassword: { readonly name: string; readonly key: string };
  /** How cert-manager encrypts the keystore; cert-manager's default when unset. */
  readonly keystoreProfile?: WebhookKeystoreProfile;
  /** Selector of the operator pod. */
  readonly selector: { [key: string]: string };
  readonly serviceLabels?: { [key: string]: string };
}

/** Name of both webhook configurations of an operator namespace. */
export function webhookConfigurationName(namespace: string): string {
  return `flink-operator-${namespace}-webhook-configuration`;
}

function webhook(options: OperatorWebhookOptions, name: string, path: string, resources: string[]) {
  return {
    name,
    admissionReviewVersions: ['v1'],
    clientConfig: { service: { name: WEBHOOK_NAMES.service, namespace: options.namespace, path } },
    failurePolicy: 'Fail',
    rules: [{
      apiGroups: ['flink.apache.org'],
      apiVersions: ['*'],
      scope: 'Namespaced',
      operations: ['CREATE', 'UPDATE'],
      resources,
    }],
    sideEffects: 'None',
    namespaceSelector: options.watchNamespaces.length === 0 ? undefined : {
      matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: [...options.watchNamespaces] }],
    },
  };
}

/**
 * Renders the webhook Service, the webhook configurations (CA injected by
 * cert-manager, never a `caBundle`) and the cert-manager self-signed Issuer
 * and serving Certificate with its PKCS#12 keystore.
 */
export function renderWebhook(scope: Construct, options: OperatorWebhookOptions): void {
  const namespace = options.namespace;
  const annotations = { 'cert-manager.io/inject-ca-from': `${namespace}/${WEBHOOK_NAMES.certificate}` };
  const name = webhookConfigurationName(namespace);

  ArgoCd._annotate(new k8s.KubeService(scope, 'WebhookService', {
    metadata: { name: WEBHOOK_NAMES.service, namespace, labels: options.serviceLabels },
    spec: {
      ports: [{ port: 443, targetPort: k8s.IntOrString.fromNumber(WEBHOOK_PORT) }],
      selector: options.selector,
    },
  }), ArgoCdSyncWave.OPERATOR);

  if (options.validator) {
    const validating = new k8s.KubeValidatingWebhookConfiguration(scope, 'ValidatingWebhook', {
      metadata: { name, annotations },
      webhooks: [webhook(options, 'validationwebhook.flink.apache.org', '/validate', ['flinkdeployments', 'flinksessionjobs', 'flinkstatesnapshots'])],
    });
    clusterScoped(validating);
    ArgoCd._annotate(validating, ArgoCdSyncWave.OPERATOR);
  }
  if (options.mutator) {
    const mutating = new k8s.KubeMutatingWebhookConfiguration(scope, 'MutatingWebhook', {
      metadata: { name, annotations },
      webhooks: [webhook(options, 'mutationwebhook.flink.apache.org', '/mutate', ['flinksessionjobs', 'flinkdeployments'])],
    });
    clusterScoped(mutating);
    ArgoCd._annotate(mutating, ArgoCdSyncWave.OPERATOR);
  }

  ArgoCd._annotate(new ApiObject(scope, 'Issuer', {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Issuer',
    metadata: { name: WEBHOOK_NAMES.issuer, namespace },
    spec: { selfSigned: {} },
  }), ArgoCdSyncWave.CERTIFICATES);

  ArgoCd._annotate(new ApiObject(scope, 'Certificate', {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name: WEBHOOK_NAMES.certificate, namespace },
    spec: {
      dnsNames: [`${WEBHOOK_NAMES.service}.${namespace}.svc`, `${WEBHOOK_NAMES.service}.${namespace}.svc.cluster.local`],
      keystores: {
        pkcs12: {
          create: true,
          profile: options.keystoreProfile,
          passwordSecretRef: { name: options.keystorePassword.name, key: options.keystorePassword.key },
        },
      },
      issuerRef: { kind: 'Issuer', name: WEBHOOK_NAMES.issuer },
      commonName: 'FlinkDeployment Validator',
      secretName: WEBHOOK_NAMES.certificateSecret,
    },
  }), ArgoCdSyncWave.CERTIFICATES);
}

/**
 * Checks the `webhook` prop of a `FlinkOperator` eagerly: an object whose
 * options have their declared types, and a keystore password made by the
 * `WebhookKeystorePassword` factories.
 */
export function checkWebhookOptions(options: FlinkOperatorWebhookOptions | undefined): FlinkOperatorWebhookOptions {
  if (options === undefined) {
    return {};
  }
  checkMap('webhook', options);
  checkAll(
    () => checkBoolean('webhook.enabled', options.enabled),
    () => checkBoolean('webhook.validator', options.validator),
    () => checkBoolean('webhook.mutator', options.mutator),
    () => {
      if (options.keystorePassword !== undefined && !(options.keystorePassword instanceof WebhookKeystorePassword)) {
        fail('webhook.keystorePassword', 'a WebhookKeystorePassword (from WebhookKeystorePassword.fromSecretName() or fromSecret())', options.keystorePassword);
      }
      options.keystorePassword?._check();
    },
    () => checkEnum('webhook.keystoreProfile', options.keystoreProfile, WebhookKeystoreProfile),
    () => checkString('webhook.jvmArgs', options.jvmArgs),
    () => checkMap('webhook.resources', options.resources),
    () => checkObjectList('webhook.env', options.env),
    () => checkLabels('webhook.serviceLabels', options.serviceLabels),
  );
  return options;
}
