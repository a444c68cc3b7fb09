// The output contract of ../shared/SPEC.md §2–§5 as zod schemas. Every exported
// type is `z.infer` of a schema here, so the runtime validator, the TypeScript
// types and the JSON Schema (see `treeJsonSchema`) can never drift apart.
import { z } from 'zod';

export const pointSchema = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  offset: z.number().int().min(0),
});
export const positionSchema = z.object({ start: pointSchema, end: pointSchema });
export type Point = z.infer<typeof pointSchema>;
export type Position = z.infer<typeof positionSchema>;

export const sectionKinds = ['review', 'problems', 'plans', 'preamble', 'closing', 'other'] as const;
export const sectionKindSchema = z.enum(sectionKinds);
export type SectionKind = z.infer<typeof sectionKindSchema>;

export const kindSourceSchema = z.enum(['heading', 'title', 'content']);
export type KindSource = z.infer<typeof kindSourceSchema>;

export const markerStyles = ['hanzi-dun', 'paren-hanzi', 'arabic-dot', 'paren-arabic', 'circled', 'di-hanzi', 'hanzi-shi'] as const;
export const markerStyleSchema = z.enum(markerStyles);
export type MarkerStyle = z.infer<typeof markerStyleSchema>;

export const docTypes = ['summary', 'plan', 'summary-and-plan', 'government-work-report', 'debriefing', 'speech', 'other'] as const;
export const docTypeSchema = z.enum(docTypes);
export type DocType = z.infer<typeof docTypeSchema>;

export const periodSchema = z.enum(['year', 'half-year', 'quarter', 'month']).nullable();
export type Period = z.infer<typeof periodSchema>;

export const warningSchema = z.object({
  kind: z.enum(['ordinal-skip', 'ordinal-repeat', 'not-a-report', 'replacement-characters', 'paywall-remnant']),
  message: z.string(),
  position: positionSchema.optional(),
});
export type ParseWarning = z.infer<typeof warningSchema>;

// --- quantities (§5) ---------------------------------------------------------
export const qualifierSchema = z.enum(['over', 'under', 'approx', 'total']).nullable();
export type Qualifier = z.infer<typeof qualifierSchema>;

export const maskSchema = z.object({
  text: z.string(),
  digits: z.number().int().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
});
export type Mask = z.infer<typeof maskSchema>;

export const quantityContextSchema = z.object({
  sectionKind: sectionKindSchema.nullable(),
  itemPath: z.array(z.string()),
});

export const statSchema = z.object({
  type: z.literal('stat'),
  surface: z.string(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  masked: z.boolean(),
  mask: maskSchema.nullable(),
  qualifier: qualifierSchema,
  range: z.object({ low: z.number().nullable(), high: z.number().nullable() }).nullable(),
  data: quantityContextSchema,
  position: positionSchema,
});
export type Stat = z.infer<typeof statSchema>;

export const placeholderRoles = ['number', 'year', 'date', 'name', 'other'] as const;
export const placeholderSchema = z.object({
  type: z.literal('placeholder'),
  surface: z.string(),
  role: z.enum(placeholderRoles),
  data: quantityContextSchema,
  position: positionSchema,
});
export type Placeholder = z.infer<typeof placeholderSchema>;

export const dateSchema = z.object({
  type: z.literal('date'),
  surface: z.string(),
  dateKind: z.enum(['month-day', 'month-day-range', 'year', 'month', 'period']),
  year: z.number().int().nullable(),
  month: z.number().int().nullable(),
  day: z.number().int().nullable(),
  endDay: z.number().int().nullable(),
  period: z.string().nullable(),
  position: positionSchema,
});
export type DateNode = z.infer<typeof dateSchema>;

export const quantitySchema = z.union([statSchema, placeholderSchema, dateSchema]);

// --- text structure (§2) -----------------------------------------------------
export const tokenSchema = z.object({ text: z.string(), start: z.number().int(), end: z.number().int(), pos: z.string().optional() });
export type Token = z.infer<typeof tokenSchema>;

export const sentenceSchema = z.object({
  type: z.literal('sentence'),
  value: z.string(),
  children: z.array(quantitySchema),
  data: z.object({ tokens: z.array(tokenSchema).optional() }).optional(),
  position: positionSchema,
});
export type Sentence = z.infer<typeof sentenceSchema>;

export const paragraphSchema = z.object({
  type: z.literal('paragraph'),
  children: z.array(sentenceSchema),
  position: positionSchema,
});
export type Paragraph = z.infer<typeof paragraphSchema>;

export const markerSchema = z.object({ text: z.string(), style: markerStyleSchema, ordinal: z.number().int() });
export type Marker = z.infer<typeof markerSchema>;

export interface Item {
  type: 'item';
  marker: Marker;
  depth: number;
  title: string;
  inline: boolean;
  children: Array<Paragraph | Item>;
  position: Position;
}
export const itemSchema: z.ZodType<Item> = z.lazy(() =>
  z.object({
    type: z.literal('item'),
    marker: markerSchema,
    depth: z.number().int().min(1),
    title: z.string(),
    inline: z.boolean(),
    children: z.array(z.union([paragraphSchema, itemSchema])),
    position: positionSchema,
  }),
);

export const headingSchema = z.object({
  type: z.literal('heading'),
  value: z.string(),
  marker: markerSchema.nullable(),
  children: z.array(quantitySchema),
  position: positionSchema,
});
export type Heading = z.infer<typeof headingSchema>;

export const sectionSchema = z.object({
  type: z.literal('section'),
  kind: sectionKindSchema,
  kindSource: kindSourceSchema,
  confidence: z.number().min(0).max(1),
  children: z.array(z.union([headingSchema, paragraphSchema, itemSchema])),
  position: positionSchema,
});
export type Section = z.infer<typeof sectionSchema>;

export const boilerplateSchema = z.object({
  type: z.literal('boilerplate'),
  value: z.string(),
  data: z.object({ rule: z.string() }),
  position: positionSchema,
});
export type Boilerplate = z.infer<typeof boilerplateSchema>;

export const titleSchema = z.object({ type: z.literal('title'), value: z.string(), children: z.array(quantitySchema), position: positionSchema });
export type Title = z.infer<typeof titleSchema>;

export const reportDataSchema = z.object({
  index: z.number().int().min(0),
  title: z.string().nullable(),
  docType: docTypeSchema,
  year: z.number().int().nullable(),
  period: periodSchema,
  organization: z.string().nullable(),
  duplicateOf: z.number().int().nullable(),
});
export type ReportData = z.infer<typeof reportDataSchema>;

export const reportSchema = z.object({
  type: z.literal('report'),
  data: reportDataSchema,
  // Boilerplate met between a title and the body (an editor's line) stays in
  // the report, beside its sections, never inside one.
  children: z.array(z.union([titleSchema, boilerplateSchema, sectionSchema])),
  position: positionSchema,
});
export type Report = z.infer<typeof reportSchema>;

export const encodings = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const;
export const encodingSchema = z.enum(encodings);
export type Encoding = z.infer<typeof encodingSchema>;

export const rootSchema = z.object({
  type: z.literal('root'),
  data: z.object({
    encoding: encodingSchema,
    path: z.string().nullable(),
    warnings: z.array(warningSchema),
  }),
  children: z.array(z.union([boilerplateSchema, reportSchema])),
  position: positionSchema,
});
export type Root = z.infer<typeof rootSchema>;

export type Node = Root | Report | Boilerplate | Title | Section | Heading | Item | Paragraph | Sentence | Stat | Placeholder | DateNode;

/** The JSON Schema of a parsed tree, for consumers outside TypeScript. */
export function treeJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(rootSchema, { unrepresentable: 'any' }) as Record<string, unknown>;
}
