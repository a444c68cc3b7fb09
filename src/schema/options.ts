import { z } from 'zod';
import { encodingSchema } from './nodes.js';
import { BaogaoError } from './errors.js';

export const parseOptionsSchema = z
  .object({
    /** Force a decoding instead of detecting it (BOM, strict UTF-8, else GB18030). */
    encoding: encodingSchema.optional(),
    /** The input's file path, echoed on the root and in error messages. */
    path: z.string().nullable().optional(),
    /** Inputs larger than this many bytes are refused with a `too-large` error. */
    maxBytes: z.number().int().positive().optional(),
    /**
     * Attach nodejieba tokens to every sentence (loads the segmenter lazily):
     * true, or {userDict, words} to add your own words to the domain dictionary.
     */
    tokens: z
      .union([z.boolean(), z.object({ userDict: z.string().optional(), words: z.array(z.string().min(1)).optional(), pos: z.boolean().optional() }).strict()])
      .optional(),
  })
  .strict();
export type ParseOptions = z.input<typeof parseOptionsSchema>;

/** Validates options, turning zod's issues into one readable sentence per field. */
export function validateOptions<S extends z.ZodType>(schema: S, options: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(options ?? {});
  if (result.success) return result.data;
  const details = result.error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(options)'}: ${issue.message}`)
    .join('; ');
  throw new BaogaoError('invalid-options', `invalid ${what} options — ${details}`);
}
