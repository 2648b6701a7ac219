import { clusterPath, clusterYaml } from '../__testUtils__/platformRepo';
import { EntityFileCache } from './EntityFileCache';

const A = 'prd-euw1-payments-01';
const B = 'prd-euw1-checkout-01';
/** The size ls-tree reports for the test blobs: well under the limit. */
const SIZE = 900;

describe('EntityFileCache', () => {
  const blobs: Record<string, string> = {
    a1: clusterYaml(A),
    a2: clusterYaml(A, { description: 'changed' }),
    b1: clusterYaml(B, { podCidr: '10.0.0.0/33' }),
  };
  const load = jest.fn(
    async (oids: string[], onBlob: (index: number, content: Buffer) => void) =>
      oids.forEach((oid, index) => onBlob(index, Buffer.from(blobs[oid]))),
  );
  const loaded = () => load.mock.calls[load.mock.calls.length - 1]?.[0];

  beforeEach(() => load.mockClear());

  it('reads only the files that changed since the previous run', async () => {
    const cache = new EntityFileCache();
    const first = await cache.read(
      [
        { path: clusterPath(A), oid: 'a1', size: SIZE },
        { path: clusterPath(B), oid: 'b1', size: SIZE },
      ],
      load,
    );
    expect(loaded()).toEqual(['a1', 'b1']);
    expect(first.map(f => [f.path, 'entity' in f.result])).toEqual([
      [clusterPath(A), true],
      [clusterPath(B), false],
    ]);

    const second = await cache.read(
      [
        { path: clusterPath(A), oid: 'a2', size: SIZE },
        { path: clusterPath(B), oid: 'b1', size: SIZE },
      ],
      load,
    );
    expect(loaded()).toEqual(['a2']);
    expect(second).toEqual([
      {
        path: clusterPath(A),
        result: {
          entity: expect.objectContaining({
            metadata: expect.objectContaining({ description: 'changed' }),
          }),
        },
      },
      first[1],
    ]);

    await cache.read([{ path: clusterPath(A), oid: 'a2', size: SIZE }], load);
    expect(loaded()).toEqual([]);
    // B's file is gone from the commit, so it is forgotten
    await cache.read([{ path: clusterPath(B), oid: 'b1', size: SIZE }], load);
    expect(loaded()).toEqual(['b1']);
  });

  it('keys results by path too, since the rules depend on the directory', async () => {
    const cache = new EntityFileCache();
    const [same, moved] = await cache.read(
      [
        { path: clusterPath(A), oid: 'a1', size: SIZE },
        { path: clusterPath(B), oid: 'a1', size: SIZE },
      ],
      load,
    );
    expect('entity' in same.result).toBe(true);
    expect(moved.result).toEqual({
      errors: [
        expect.objectContaining({
          message: expect.stringContaining('metadata.name: must be'),
        }),
      ],
    });
  });

  it('hands out frozen results, so no caller can change what the next run sees', async () => {
    const cache = new EntityFileCache();
    const files = [{ path: clusterPath(A), oid: 'a1', size: SIZE }];
    const [first] = await cache.read(files, load);
    expect(() => {
      if ('entity' in first.result) {
        first.result.entity.metadata.annotations = { changed: 'yes' };
      }
    }).toThrow(TypeError);
    expect(() => {
      if ('entity' in first.result) {
        (first.result.entity.spec as any).network.podCidr = '10.0.0.0/8';
      }
    }).toThrow(TypeError);
    const [second] = await cache.read(files, load);
    expect(second.result).toEqual({
      entity: expect.objectContaining({
        metadata: expect.objectContaining({ annotations: {} }),
        spec: expect.objectContaining({
          network: expect.objectContaining({ podCidr: '10.64.0.0/16' }),
        }),
      }),
    });
  });

  it('skips a file larger than maxFileBytes without loading it', async () => {
    const cache = new EntityFileCache({ maxFileBytes: 1024 * 1024 });
    const results = await cache.read(
      [
        { path: clusterPath(A), oid: 'a1', size: SIZE },
        { path: clusterPath(B), oid: 'b1', size: 2 * 1024 * 1024 },
      ],
      load,
    );
    expect(loaded()).toEqual(['a1']);
    expect(results[1]).toEqual({
      path: clusterPath(B),
      result: {
        errors: [
          {
            path: clusterPath(B),
            line: 1,
            message:
              'the file is 2.0 MiB, more than the 1.0 MiB an entity file may have (maxFileBytes of the provider), so it was not read',
          },
        ],
      },
    });
    // the verdict is kept like any other: the next run loads nothing
    await cache.read(
      [
        { path: clusterPath(A), oid: 'a1', size: SIZE },
        { path: clusterPath(B), oid: 'b1', size: 2 * 1024 * 1024 },
      ],
      load,
    );
    expect(loaded()).toEqual([]);
  });

  it('parses each blob as it arrives, in order, and fails with its load', async () => {
    const cache = new EntityFileCache();
    const files = [
      { path: clusterPath(A), oid: 'a1', size: SIZE },
      { path: clusterPath(B), oid: 'b1', size: SIZE },
    ];
    // blobs arrive one macrotask apart, as git's output does
    const trickle = async (
      oids: string[],
      onBlob: (index: number, content: Buffer) => void,
    ) => {
      for (const [index, oid] of oids.entries()) {
        await new Promise(resolve => setTimeout(resolve, 5));
        onBlob(index, Buffer.from(blobs[oid]));
      }
    };
    const results = await cache.read(files, trickle);
    expect(results.map(r => [r.path, 'entity' in r.result])).toEqual([
      [clusterPath(A), true],
      [clusterPath(B), false],
    ]);

    const failing = async (
      _oids: string[],
      onBlob: (index: number, content: Buffer) => void,
    ) => {
      onBlob(0, Buffer.from(blobs.a2));
      await new Promise(resolve => setTimeout(resolve, 5));
      throw new Error('git cat-file returned 1 of 2 objects');
    };
    await expect(
      new EntityFileCache().read(
        [
          { path: clusterPath(A), oid: 'a2', size: SIZE },
          { path: clusterPath(B), oid: 'b1', size: SIZE },
        ],
        failing,
      ),
    ).rejects.toThrow('git cat-file returned 1 of 2 objects');
  });
});
