import type { LimitRangeSpec, Quota } from '@fleet-portal/plugin-fleet-common';
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  type Node,
  parse,
  parseDocument,
  Scalar,
  stringify,
  YAMLMap,
} from 'yaml';
import { roleBinding, roleBindingName } from '../namespace/renderNamespace';

/** The Day-2 values of a namespace after a change. */
export type NamespaceValues = {
  quota: Quota;
  limits: LimitRangeSpec;
  roles: string[];
};

/**
 * The namespace entity file with new quota, limits and roles: only those values are edited in
 * the parsed document, so comments, key order, flow style and every other byte stay as they
 * are. Returns the same text when nothing differs.
 */
export function changeNamespaceEntity(
  content: string,
  values: NamespaceValues,
): string {
  const original = parseDocument(content);
  if (original.errors.length > 0 || !isMap(original.contents)) {
    throw new Error('the namespace entity file is not a YAML mapping');
  }
  const doc = original.clone();
  setRecord(doc, QUOTA, values.quota);
  if (values.limits.defaultRequest || doc.hasIn(['spec', 'limits'])) {
    setRecord(doc, DEFAULT_REQUEST, values.limits.defaultRequest ?? {});
  }
  if (values.limits.default || doc.hasIn(['spec', 'limits'])) {
    setRecord(doc, DEFAULT_LIMIT, values.limits.default ?? {});
  }
  setList(doc, ROLES, values.roles);
  const text = doc.toString({ lineWidth: 0 });
  return spliceChanged(content, original, text);
}

const QUOTA = ['spec', 'quota'];
const DEFAULT_REQUEST = ['spec', 'limits', 'defaultRequest'];
const DEFAULT_LIMIT = ['spec', 'limits', 'default'];
const ROLES = ['spec', 'roles'];

/**
 * The original text with only the changed values' source ranges replaced by their new text:
 * re-serialising a whole file would restyle untouched parts (e.g. `[edit]` as `[ edit ]`).
 * Falls back to the whole new text when a changed value did not exist before.
 */
function spliceChanged(content: string, original: Document, text: string) {
  const edited = parseDocument(text);
  const splices: Array<[number, number, string]> = [];
  for (const path of [QUOTA, DEFAULT_REQUEST, DEFAULT_LIMIT, ROLES]) {
    const before = original.getIn(path, true) as Node | undefined;
    const after = edited.getIn(path, true) as Node | undefined;
    if (JSON.stringify(toJS(before)) === JSON.stringify(toJS(after))) {
      continue;
    }
    if (!before?.range || !after?.range) {
      return text;
    }
    splices.push([
      before.range[0],
      before.range[1],
      text.slice(after.range[0], after.range[1]),
    ]);
  }
  return splices
    .sort((a, b) => b[0] - a[0])
    .reduce(
      (result, [from, to, replacement]) =>
        result.slice(0, from) + replacement + result.slice(to),
      content,
    );
}

function toJS(node: Node | undefined): unknown {
  return node && typeof (node as any).toJSON === 'function'
    ? (node as any).toJSON()
    : node;
}

/**
 * The baseline manifests with the new ResourceQuota, LimitRange and RoleBindings: documents
 * that do not change keep their bytes; the ones that do are rendered again from their data.
 */
export function changeNamespaceManifests(
  content: string,
  values: NamespaceValues & { identityGroup: string; namespace: string },
): string {
  const parts = content.split(/^---\n/m);
  const out: string[] = [];
  const seen = new Set<string>();
  let lastBinding = -1;
  for (const part of parts) {
    const object = part.trim() ? parse(part) : undefined;
    const kind = object?.kind;
    if (kind === 'ResourceQuota') {
      out.push(
        replaced(part, {
          ...object,
          spec: { ...object.spec, hard: values.quota },
        }),
      );
    } else if (kind === 'LimitRange') {
      const [first, ...rest] = object.spec?.limits ?? [{ type: 'Container' }];
      const { default: _d, defaultRequest: _r, ...kept } = first;
      out.push(
        replaced(part, {
          ...object,
          spec: {
            ...object.spec,
            limits: [
              {
                ...kept,
                ...(values.limits.default && {
                  default: values.limits.default,
                }),
                ...(values.limits.defaultRequest && {
                  defaultRequest: values.limits.defaultRequest,
                }),
              },
              ...rest,
            ],
          },
        }),
      );
    } else if (
      kind === 'RoleBinding' &&
      object.roleRef?.kind === 'ClusterRole' &&
      object.metadata?.name === roleBindingName(object.roleRef.name)
    ) {
      // a binding of a role the team no longer has is left out
      if (values.roles.includes(object.roleRef.name)) {
        seen.add(object.roleRef.name);
        out.push(part);
        lastBinding = out.length - 1;
      }
    } else {
      out.push(part);
    }
  }
  const added = values.roles
    .filter(role => !seen.has(role))
    .map(role => stringify(roleBinding(role, values)));
  const at = lastBinding >= 0 ? lastBinding + 1 : out.length;
  out.splice(at, 0, ...added);
  return out.join('---\n');
}

/** The document rendered again, unless its data is the same (then its bytes stay). */
function replaced(part: string, object: unknown): string {
  return JSON.stringify(parse(part)) === JSON.stringify(object)
    ? part
    : stringify(object);
}

function setRecord(
  doc: Document,
  path: string[],
  values: Record<string, string>,
) {
  const node = doc.getIn(path, true);
  if (!isMap(node)) {
    doc.setIn(path, stringMap(doc, values));
    return;
  }
  for (const pair of [...node.items]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!(key in values)) {
      node.delete(key);
    }
  }
  for (const [key, value] of Object.entries(values)) {
    const current = node.get(key, true);
    if (isScalar(current)) {
      if (String(current.value) !== value) {
        current.value = value;
        quoteIfNeeded(current);
      }
    } else {
      node.set(key, stringScalar(value));
    }
  }
}

function setList(doc: Document, path: string[], values: string[]) {
  const node = doc.getIn(path, true);
  const current = isSeq(node)
    ? node.items.map(i => (isScalar(i) ? String(i.value) : String(i)))
    : undefined;
  if (current && current.join('\n') === values.join('\n')) {
    return;
  }
  const seq = doc.createNode(values);
  if (isSeq(node) && isSeq(seq)) {
    seq.flow = node.flow;
  }
  doc.setIn(path, seq);
}

function stringMap(doc: Document, values: Record<string, string>): YAMLMap {
  const map = doc.createNode({}) as YAMLMap;
  map.flow = true;
  for (const [key, value] of Object.entries(values)) {
    map.set(key, stringScalar(value));
  }
  return map;
}

function stringScalar(value: string): Scalar {
  const scalar = new Scalar(value);
  quoteIfNeeded(scalar);
  return scalar;
}

/** A quantity like `8` must stay a string in YAML: quoted when a plain scalar would not be one. */
function quoteIfNeeded(scalar: Scalar) {
  const text = String(scalar.value);
  if (typeof parse(text) !== 'string') {
    scalar.type = Scalar.QUOTE_DOUBLE;
  }
}
