import crypto from 'node:crypto';
import { z } from 'zod';

// a SHA-1 or SHA-256 object id
const BLOB_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/**
 * What a render step produced for a request it validated, as the propose step checks it:
 * the request's identity and the SHA-256 digest of every rendered file. Sealed by
 * `RenderSeal`, it travels through the template as `steps.render.output.integrity`.
 */
export const renderRecordSchema = z
  .object({
    /** The scaffolder task the render step ran in; propose runs in the same task. */
    task: z.string().min(1),
    kind: z.enum(['namespace', 'cluster']),
    /** Name of the cluster the request is for (the new cluster's name for cluster requests). */
    cluster: z.string().min(1),
    /** The tenant namespace (namespace requests). */
    namespace: z.string().min(1).optional(),
    /** The change mode decided at render time; propose decides again and must agree. */
    mode: z.enum(['propose', 'direct']),
    /** The catalog entity the change creates. */
    entityRef: z.string().min(1),
    /** Platform-repo path → SHA-256 (hex) of the rendered content: new files, and the modified ones. */
    files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
    /** The files whose manifests may be applied to the cluster in direct mode. */
    applyFiles: z.array(z.string()),
    /**
     * What the request does to its folder: creates it (default), changes files in it, or
     * removes it. Decides the permission propose checks.
     */
    operation: z.enum(['create', 'change', 'decommission']).optional(),
    /**
     * Existing files the rendered content replaces: path → the Git blob id it was rendered
     * from. Propose commits only while each is still that blob (first change wins).
     */
    modified: z.record(z.string(), z.string().regex(BLOB_ID)).optional(),
    /** Files the request removes: path → the Git blob id it saw. */
    deleted: z.record(z.string(), z.string().regex(BLOB_ID)).optional(),
  })
  .strict();

export type RenderRecord = z.infer<typeof renderRecordSchema>;

/** SHA-256 of a file's content, hex. */
export function contentDigest(content: string): string {
  return crypto.createHash('sha256').update(content, 'utf8').digest('hex');
}

/** The record of rendered files (path → content) for a validated request. */
export function renderRecord(
  options: Omit<RenderRecord, 'files'> & { files: Record<string, string> },
): RenderRecord {
  return {
    ...options,
    files: Object.fromEntries(
      Object.entries(options.files).map(([file, content]) => [
        file,
        contentDigest(content),
      ]),
    ),
  };
}
