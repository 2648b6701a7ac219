/**
 * Fleet Portal backend: cluster lifecycle and governance API, lifecycle notifications and a
 * Prometheus exposition of governance gauges.
 *
 * @packageDocumentation
 */

export { fleetPlugin as default } from './plugin';
