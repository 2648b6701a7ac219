/*
 * The state of each platform-repository provider, in the catalog's database, so that
 * whichever replica ran the provider, every replica's status route answers the same.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('fleet_platform_repo_status', table => {
    table.comment(
      'What each platform-repository provider last read, and whether its latest attempt failed',
    );
    table
      .string('provider_id', 255)
      .primary()
      .notNullable()
      .comment(
        'Config key of the provider (catalog.providers.fleetPlatformRepo)',
      );
    table
      .text('remote')
      .notNullable()
      .comment('The remote the state is about, credentials redacted');
    table
      .string('branch', 255)
      .notNullable()
      .comment('The branch the state is about');
    table
      .timestamp('last_attempt_at', { useTz: true })
      .notNullable()
      .comment('When the provider last tried to read the repository');
    table
      .text('failure')
      .nullable()
      .comment('Why the latest attempt failed; null when it succeeded');
    table
      .text('last_read', 'longtext')
      .nullable()
      .comment(
        'The last successful read as JSON: commit, time, entity counts, skipped files',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('fleet_platform_repo_status');
};
