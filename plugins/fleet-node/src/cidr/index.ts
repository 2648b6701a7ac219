export { CidrReservationsClient } from './CidrReservationsClient';
export type {
  CidrReservationResult,
  CidrReservationsClientOptions,
} from './CidrReservationsClient';
