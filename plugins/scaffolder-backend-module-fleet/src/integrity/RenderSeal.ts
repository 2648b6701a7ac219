import crypto from 'node:crypto';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError, NotAllowedError } from '@backstage/errors';
import { RenderRecord, renderRecordSchema } from './renderRecord';

const VERSION = 'v1';
const KEY_INFO = 'fleet-portal scaffolder render record v1';
const MAX_LENGTH = 64 * 1024;

/**
 * Seals render records with an HMAC-SHA256 whose key only the backend holds, so a
 * template can pass a record from the render step to the propose step but cannot
 * write or change one.
 *
 * The key is derived (HKDF) from `backend.auth.keys[0].secret` when configured, so all
 * replicas share it (every key of the list is accepted when opening, for rotation);
 * otherwise it is a random key of this process. A scaffolder task runs all its steps on
 * one replica's worker, so a per-process key is enough there; a record does not survive
 * a restart of the process, and a retried task renders again.
 */
export class RenderSeal {
  static fromConfig(
    config: Config,
    options: { logger?: LoggerService } = {},
  ): RenderSeal {
    const secrets = (config.getOptionalConfigArray('backend.auth.keys') ?? [])
      .map(key => key.getOptionalString('secret'))
      .filter((secret): secret is string => !!secret);
    if (secrets.length === 0) {
      options.logger?.info(
        'Render records are sealed with a key of this process (no backend.auth.keys configured)',
      );
      return new RenderSeal([crypto.randomBytes(32)]);
    }
    return new RenderSeal(secrets.map(secret => Buffer.from(secret, 'utf8')));
  }

  readonly #keys: Buffer[];

  /** @param secrets - the first seals; all of them open. */
  constructor(secrets: Buffer[]) {
    if (secrets.length === 0) {
      throw new Error('RenderSeal needs at least one secret');
    }
    this.#keys = secrets.map(secret =>
      Buffer.from(
        crypto.hkdfSync('sha256', secret, Buffer.alloc(0), KEY_INFO, 32),
      ),
    );
  }

  seal(record: RenderRecord): string {
    const body = `${VERSION}.${Buffer.from(JSON.stringify(record)).toString(
      'base64url',
    )}`;
    return `${body}.${mac(this.#keys[0], body).toString('base64url')}`;
  }

  /**
   * The record inside a sealed token. A missing token is an InputError; one this
   * backend did not seal, or that was changed, is a NotAllowedError.
   */
  open(token: unknown): RenderRecord {
    if (token === undefined || token === null || token === '') {
      throw new InputError(
        'integrity: missing. Pass steps.render.output.integrity of fleet:namespace:render or fleet:cluster:render: propose commits only what a render step of the same task produced',
      );
    }
    const parts =
      typeof token === 'string' && token.length <= MAX_LENGTH
        ? token.split('.')
        : [];
    if (parts.length !== 3 || parts[0] !== VERSION) {
      throw forged();
    }
    const body = `${parts[0]}.${parts[1]}`;
    const given = Buffer.from(parts[2], 'base64url');
    const authentic = this.#keys.some(key => {
      const expected = mac(key, body);
      return (
        expected.length === given.length &&
        crypto.timingSafeEqual(expected, given)
      );
    });
    if (!authentic) {
      throw forged();
    }
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      throw forged();
    }
    const parsed = renderRecordSchema.safeParse(payload);
    if (!parsed.success) {
      throw forged();
    }
    return parsed.data;
  }
}

function mac(key: Buffer, body: string): Buffer {
  return crypto.createHmac('sha256', key).update(body, 'utf8').digest();
}

function forged() {
  return new NotAllowedError(
    'integrity: the render record was not issued by this portal or was changed; pass steps.render.output.integrity unchanged',
  );
}
