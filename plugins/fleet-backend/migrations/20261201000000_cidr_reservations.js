// @ts-check

/**
 * CIDR reservations of clusters being requested, and the blocks they hold.
 *
 * Double allocation is made impossible by the database, not by the allocator:
 * - `fleet_cidr_blocks.cidr` (canonical text) is the primary key. Blocks are aligned to their size
 *   inside a pool and each pool hands out one prefix length, so two blocks of one pool overlap
 *   exactly when they are equal: the key alone stops two concurrent allocators that both chose the
 *   same free block, on every database.
 * - On PostgreSQL an exclusion constraint over an `inet` copy of the block also stops overlaps of
 *   blocks of different sizes (e.g. profiles whose pools overlap with other prefix lengths, or a
 *   requested block inside another's): `EXCLUDE USING gist (block inet_ops WITH &&)`.
 * - SQLite runs one write transaction at a time, and the allocator re-reads the held blocks inside
 *   its transaction, so the same holds there.
 * - `fleet_cidr_reservations.cluster` is unique: one reservation per cluster name, so a retried
 *   request finds the reservation it made.
 *
 * Times are ISO 8601 UTC text of fixed width, so they compare the same on every database.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('fleet_cidr_reservations', table => {
    table.comment(
      'CIDR reservations of requested clusters, one per cluster name',
    );
    table.string('id', 36).primary().comment('UUID');
    table.string('cluster', 253).notNullable().unique({
      indexName: 'fleet_cidr_reservations_cluster',
    });
    table.string('profile_ref', 512).notNullable();
    table.string('requested_by', 512).notNullable();
    table.string('status', 16).notNullable().comment('pending or confirmed');
    table.string('pod_cidr', 64).notNullable();
    table.string('pod_pool', 64).notNullable();
    table.string('service_cidr', 64).notNullable();
    table.string('service_pool', 64).notNullable();
    table.string('created_at', 24).notNullable();
    table
      .string('expires_at', 24)
      .nullable()
      .comment('When a pending reservation is released; null once confirmed');
    table.string('confirmed_at', 24).nullable();
    table
      .string('confirmed_by', 512)
      .nullable()
      .comment('Entity ref of the catalog cluster that confirmed it');
    table.index(['status', 'expires_at'], 'fleet_cidr_reservations_expiry');
  });

  await knex.schema.createTable('fleet_cidr_blocks', table => {
    table.comment('Address blocks held by CIDR reservations');
    table.string('cidr', 64).primary().comment('Canonical CIDR text');
    table
      .string('reservation_id', 36)
      .notNullable()
      .references('id')
      .inTable('fleet_cidr_reservations')
      .onDelete('CASCADE');
    table.string('role', 16).notNullable().comment('pod or service');
    table.integer('family').notNullable().comment('4 or 6');
    table.string('pool', 64).notNullable();
    table.index(['reservation_id'], 'fleet_cidr_blocks_reservation');
  });

  if (['pg', 'postgres', 'postgresql'].includes(knex.client.config.client)) {
    await knex.raw(`
      ALTER TABLE fleet_cidr_blocks
        ADD COLUMN block inet GENERATED ALWAYS AS (cidr::inet) STORED,
        ADD CONSTRAINT fleet_cidr_blocks_no_overlap EXCLUDE USING gist (block inet_ops WITH &&)
    `);
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('fleet_cidr_blocks');
  await knex.schema.dropTable('fleet_cidr_reservations');
};
