import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';

const TABLE = 'fleet_leases';

/**
 * Leases on named work in the plugin's database, shared by every replica: at most one holder per
 * name until the lease expires or is released. The database decides (see the migration), so two
 * replicas that ask at the same moment never both get it.
 */
export class LeaseStore {
  /** This process's identity as a holder. */
  readonly holder: string;

  constructor(private readonly db: Knex, options: { holder?: string } = {}) {
    this.holder = options.holder ?? randomUUID();
  }

  /** True when this process now holds `name` for `ttlMs`; false while another holder has it. */
  async acquire(
    name: string,
    ttlMs: number,
    now = new Date(),
  ): Promise<boolean> {
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    try {
      await this.db(TABLE).insert({
        name,
        holder: this.holder,
        expires_at: expiresAt,
      });
      return true;
    } catch (error) {
      if (!isDatabaseConflictError(error) && !isUniqueViolation(error)) {
        throw error;
      }
    }
    // Taken: take it over only when it has expired (its holder died or gave up); one update wins.
    const taken = await this.db(TABLE)
      .where({ name })
      .where('expires_at', '<=', now.toISOString())
      .update({ holder: this.holder, expires_at: expiresAt });
    return taken > 0;
  }

  /** Gives `name` back, if this process still holds it. */
  async release(name: string): Promise<void> {
    await this.db(TABLE).where({ name, holder: this.holder }).delete();
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === '23505';
}
