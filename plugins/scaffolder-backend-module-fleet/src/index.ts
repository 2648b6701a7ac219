/**
 * Scaffolder actions of Fleet Portal: tenant namespace and new cluster requests validated against the catalog and the cluster profile, rendered into the platform repository and proposed as Git changes.
 *
 * @packageDocumentation
 */

export {};
