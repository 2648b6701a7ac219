// The cluster request rules live in fleet-common, where the new-cluster form fields call them too.
export {
  checkClusterRequestAgainstProfile as checkRequestAgainstProfile,
  MAX_REVIEW_MONTHS,
  requestedProfileVersion,
} from '@fleet-portal/plugin-fleet-common';
