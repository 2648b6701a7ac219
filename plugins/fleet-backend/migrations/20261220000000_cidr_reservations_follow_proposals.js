// @ts-check

/**
 * CIDR reservations that follow their proposal (issue #16):
 * - `proposal_branch` / `platform_repo`: the branch of the proposal a pending reservation belongs to,
 *   and the platform repository it was proposed in. While that branch exists the reservation is held
 *   past its expiry; once it is deleted unmerged the reservation is released. Null: the TTL decides.
 * - `cluster_gone_at`: when the sweep first saw a confirmed reservation's cluster missing from the
 *   catalog (a retired cluster); its blocks are released after the grace period from then.
 * - `fleet_cidr_releases`: every release (by hand, expiry, deleted branch, retirement), with who,
 *   when and why — a confirmed reservation is only released by hand with a reason.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('fleet_cidr_reservations', table => {
    table
      .string('proposal_branch', 255)
      .nullable()
      .comment('Branch of the proposal this reservation belongs to');
    table
      .string('platform_repo', 1024)
      .nullable()
      .comment('The platform repository of the proposal branch (no credentials)');
    table
      .string('cluster_gone_at', 24)
      .nullable()
      .comment('When the confirmed cluster was first missing from the catalog');
  });

  await knex.schema.createTable('fleet_cidr_releases', table => {
    table.comment('Released CIDR reservations: who, when and why');
    table.increments('id').primary();
    table.string('reservation_id', 36).notNullable();
    table.string('cluster', 253).notNullable();
    table.string('status', 16).notNullable().comment('status when released');
    table.string('pod_cidr', 64).notNullable();
    table.string('service_cidr', 64).notNullable();
    table.string('released_at', 24).notNullable();
    table
      .string('released_by', 512)
      .notNullable()
      .comment('User entity ref, or fleet-backend for the sweep');
    table.text('reason').notNullable();
    table.index(['cluster'], 'fleet_cidr_releases_cluster');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('fleet_cidr_releases');
  await knex.schema.alterTable('fleet_cidr_reservations', table => {
    table.dropColumn('cluster_gone_at');
    table.dropColumn('platform_repo');
    table.dropColumn('proposal_branch');
  });
};
