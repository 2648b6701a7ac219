import { KubeConfig } from '@kubernetes/client-node';

/** How to reach the management cluster's API server; `token` is a secret and never logged. */
export type ManagementClusterConnection = {
  url: string;
  /** Base64-encoded PEM bundle of the CA that signed the API server's certificate. */
  caData?: string;
  skipTLSVerify: boolean;
  /** Bearer token, typically of a service account allowed to list the source's resources. */
  token: string;
  /** Whether `url` may be plain http (the token then goes unencrypted); config refuses http otherwise. */
  allowInsecureHttp?: boolean;
};

/** A KubeConfig with one context: the management cluster and a bearer token. */
export function makeKubeConfig(
  connection: ManagementClusterConnection,
): KubeConfig {
  const plainHttp = connection.url.startsWith('http:');
  if (plainHttp && !connection.allowInsecureHttp) {
    throw new Error(
      `refusing to send the management cluster token to ${connection.url} over plain http without allowInsecureHttp`,
    );
  }
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [
      {
        name: 'management-cluster',
        server: connection.url,
        caData: connection.caData,
        // client-node builds an http agent only with skipTLSVerify; there is no TLS to verify then.
        skipTLSVerify: connection.skipTLSVerify || plainHttp,
      },
    ],
    users: [{ name: 'fleet-portal', token: connection.token }],
    contexts: [
      {
        name: 'fleet-portal',
        cluster: 'management-cluster',
        user: 'fleet-portal',
      },
    ],
    currentContext: 'fleet-portal',
  });
  return kubeConfig;
}
