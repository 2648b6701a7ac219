// @ts-check

/**
 * Coordination between backend replicas that share the plugin's database.
 *
 * - `fleet_leases`: short leases on named work (e.g. a fleet health round), so that one replica
 *   does it while the others wait for its result in the shared cache. The primary key decides who
 *   takes a free lease; an expired lease is taken over by a conditional update. Times are ISO 8601
 *   UTC text of fixed width, so they compare the same on every database.
 * - `fleet_lifecycle_notifications` gains `sent_at` (null while a claim is being sent),
 *   `claim_expires_at` (when an unsent claim may be taken over: its claimer is presumed dead) and
 *   `attempts` (how many times the key was claimed; above 1 the owner may have been told twice).
 *   Rows from before this migration were sent or given back, so they count as sent.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('fleet_leases', table => {
    table.comment('Leases on named work shared by the backend replicas');
    table.string('name', 128).primary();
    table.string('holder', 64).notNullable().comment('Replica-chosen id');
    table
      .string('expires_at', 24)
      .notNullable()
      .comment('ISO 8601 UTC; after it the lease is free');
  });

  await knex.schema.alterTable('fleet_lifecycle_notifications', table => {
    table
      .string('sent_at', 24)
      .nullable()
      .comment('ISO 8601 UTC; null while the claim is being sent');
    table
      .string('claim_expires_at', 24)
      .nullable()
      .comment('ISO 8601 UTC; an unsent claim is taken over after it');
    table
      .integer('attempts')
      .notNullable()
      .defaultTo(1)
      .comment(
        'Claims of this key; above 1 the owner may have been told twice',
      );
  });
  await knex('fleet_lifecycle_notifications').update({
    sent_at: new Date().toISOString(),
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('fleet_lifecycle_notifications', table => {
    table.dropColumn('sent_at');
    table.dropColumn('claim_expires_at');
    table.dropColumn('attempts');
  });
  await knex.schema.dropTable('fleet_leases');
};
