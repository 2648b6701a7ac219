/**
 * Catalog module of Fleet Portal: ingests Portainer environments, attaches live facts to governed clusters and lists unknown ones as ungoverned.
 *
 * @packageDocumentation
 */

export {};
