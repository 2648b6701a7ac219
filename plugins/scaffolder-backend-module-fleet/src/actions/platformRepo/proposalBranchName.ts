/**
 * The default branch of a request's proposal: `fleet/<kind>/<cluster>/<first 8 characters of the
 * task id>`. One branch per request, so an abandoned proposal never blocks a later request for the
 * same name, and the CIDR reservation of a cluster request can follow exactly its own proposal.
 */
export function proposalBranchName(
  kind: string,
  clusterName: string,
  taskId: string,
): string {
  return `fleet/${kind}/${clusterName}/${taskId.slice(0, 8)}`;
}
