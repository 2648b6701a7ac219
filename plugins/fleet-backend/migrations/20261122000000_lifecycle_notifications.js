// @ts-check

/**
 * One row per lifecycle notification sent (or being sent). The unique key makes the database, not
 * any one replica, decide who sends: a second insert of the same key fails.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('fleet_lifecycle_notifications', table => {
    table.comment(
      'Lifecycle notifications claimed per cluster, date and threshold',
    );
    table.increments('id');
    table
      .string('cluster_ref', 512)
      .notNullable()
      .comment('Entity ref of the cluster');
    table.string('date_kind', 16).notNullable().comment('review or retire');
    table
      .string('date_value', 10)
      .notNullable()
      .comment('The date notified about, YYYY-MM-DD');
    table.string('threshold', 16).notNullable().comment('e.g. 30d, 7d, past');
    table.timestamp('claimed_at').notNullable().defaultTo(knex.fn.now());
    table.unique(['cluster_ref', 'date_kind', 'date_value', 'threshold'], {
      indexName: 'fleet_lifecycle_notifications_key',
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('fleet_lifecycle_notifications');
};
