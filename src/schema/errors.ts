import { z } from 'zod';

/** What can go wrong with one input; users branch on `kind`. */
export const errorKinds = ['empty', 'binary', 'undecodable', 'too-large', 'not-a-file', 'unreadable', 'invalid-options', 'internal'] as const;
export const errorKindSchema = z.enum(errorKinds);
export type ErrorKind = z.infer<typeof errorKindSchema>;

export const errorInfoSchema = z.object({ kind: errorKindSchema, message: z.string(), path: z.string().nullable() });
export type ErrorInfo = z.infer<typeof errorInfoSchema>;

export class BaogaoError extends Error {
  readonly kind: ErrorKind;
  readonly path: string | null;
  constructor(kind: ErrorKind, message: string, path: string | null = null) {
    super(path ? `${path}: ${message}` : message);
    this.name = 'BaogaoError';
    this.kind = kind;
    this.path = path;
  }
  toJSON(): ErrorInfo {
    return { kind: this.kind, message: this.message, path: this.path };
  }
}
