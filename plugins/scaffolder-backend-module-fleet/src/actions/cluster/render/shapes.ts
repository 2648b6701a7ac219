import { InputError } from '@backstage/errors';
import { z } from 'zod';

// Kubernetes object metadata rules, from the Kubernetes documentation "Object Names and IDs" and
// "Labels and Selectors": names are DNS-1123 subdomains (namespaces: labels); label keys are an
// optional DNS subdomain prefix and a name of at most 63 characters; values at most 63 characters.
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;

const labelKey = z.string().refine(key => {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  return (
    (prefix === undefined ||
      (prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix))) &&
    name.length <= 63 &&
    LABEL_NAME.test(name)
  );
}, 'is not a valid label key');
const labelValue = z
  .string()
  .max(63)
  .regex(
    /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/,
    'is not a valid label value',
  );

export const objectMetaSchema = z
  .object({
    name: z
      .string()
      .max(253)
      .regex(DNS_SUBDOMAIN, 'is not a DNS-1123 subdomain'),
    namespace: z
      .string()
      .max(63)
      .regex(DNS_LABEL, 'is not a DNS-1123 label')
      .optional(),
    labels: z.record(labelKey, labelValue).optional(),
    annotations: z.record(z.string(), z.string()).optional(),
  })
  .strict();

/** A Kubernetes API group/version, e.g. `cluster.x-k8s.io/v1beta1` (or `v1` for the core group). */
export const apiVersionSchema = z
  .string()
  .regex(
    /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?v[0-9]+((alpha|beta)[0-9]+)?$/,
  );

/** A Kubernetes version as Cluster API and Omni take it: v-prefixed semver. */
export const kubernetesVersionSchema = z
  .string()
  .regex(
    /^v\d+\.\d+\.\d+([-+][0-9A-Za-z.+-]+)?$/,
    'is not a v-prefixed version such as v1.31.4',
  );

/**
 * Checks a rendered document against its shape. A failure is an InputError naming the file and
 * every offending field: the request (or the profile it names) produced something the target
 * tool would reject, and nothing is written.
 */
export function assertShape(
  schema: z.ZodType,
  value: unknown,
  file: string,
): void {
  const result = schema.safeParse(value);
  if (result.success) {
    return;
  }
  const problems = result.error.issues.map(
    issue => `${issue.path.join('.') || '(document)'}: ${issue.message}`,
  );
  throw new InputError(`${file} would be invalid: ${problems.join('; ')}`);
}
