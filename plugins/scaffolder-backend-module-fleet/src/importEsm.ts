/**
 * Loads an ESM-only package (kubernetes-models, @kubernetes/client-node) from this
 * CommonJS module with a native dynamic import, which the Backstage CLI keeps as is.
 * Jest cannot run native dynamic imports without --experimental-vm-modules, which in
 * turn breaks other dependencies, so under Jest the package is required instead: Jest
 * transforms it, and package.json `jest.moduleNameMapper` points at its ESM entry
 * files where the package only declares an `import` condition.
 */
export function importEsm<T>(specifier: string): Promise<T> {
  if (process.env.JEST_WORKER_ID !== undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return Promise.resolve(require(specifier) as T);
  }
  return import(specifier) as Promise<T>;
}
