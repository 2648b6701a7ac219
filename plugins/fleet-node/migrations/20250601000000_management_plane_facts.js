/*
 * The live facts management planes report about clusters, stored in the catalog's
 * database so that every replica's catalog processor reads the same facts.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('fleet_management_plane_facts', table => {
    table.comment(
      'What each management-plane source last reported about each cluster',
    );
    table
      .string('source_type', 64)
      .notNullable()
      .comment('Kind of source: portainer, open-cluster-management, ...');
    table
      .string('source_id', 255)
      .notNullable()
      .comment('Config key of the source instance');
    table
      .string('cluster_key', 255)
      .notNullable()
      .comment('The cluster entity name the facts attach to (lower case)');
    table.text('facts').notNullable().comment('The ObservedCluster as JSON');
    table
      .timestamp('updated_at', { useTz: true })
      .notNullable()
      .comment('When these facts last changed');
    table.primary(['source_type', 'source_id', 'cluster_key']);
    table.index(['cluster_key'], 'fleet_management_plane_facts_cluster_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('fleet_management_plane_facts');
};
