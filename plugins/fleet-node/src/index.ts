/**
 * Fleet Portal backend library: platform-repository Git access, profile resolution and the management-plane merge shared by the suite's backend plugins and modules.
 *
 * @packageDocumentation
 */

export * from './platformRepo';
export * from './cidr';
export * from './managementPlane';
export * from './sourceGuards';
export * from './portalLinks';
