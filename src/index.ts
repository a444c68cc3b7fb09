// The public API of baogao, and nothing else.
export { parse } from './parse.js';
export { decode } from './decode/decode.js';
export { extractQuantities, type Quantity } from './quantities/index.js';
export { BaogaoError, errorKinds, errorInfoSchema, type ErrorInfo, type ErrorKind } from './schema/errors.js';
export { parseOptionsSchema, type ParseOptions } from './schema/options.js';
export * from './schema/nodes.js';
export { parseFiles, parsePaths, listInputs, batchOptionsSchema, type BatchOptions, type FileResult } from './batch/parse-files.js';
export { toTables, tablesOf, tableNames, tableColumns, documentRowSchema, sectionRowSchema, itemRowSchema, statRowSchema } from './batch/tables.js';
export type { Tables, TableName, DocumentRow, SectionRow, ItemRow, StatRow } from './batch/tables.js';
export { TableSink, tableFormats, csvField, renderRows, type TableFormat, type RenderedRows } from './batch/writers.js';
export { segment, segmentOptionsSchema, segmenterLoaded, type SegmentOptions } from './tokens/segmenter.js';
export { keywords, contentTokens, keywordsOptionsSchema, type KeywordsOptions, type KeywordList } from './tokens/keywords.js';
