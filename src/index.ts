// The public API of baogao, and nothing else.
export { parse } from './parse.js';
export { decode } from './decode/decode.js';
export { extractQuantities, type Quantity } from './quantities/index.js';
export { BaogaoError, errorKinds, errorInfoSchema, type ErrorInfo, type ErrorKind } from './schema/errors.js';
export { parseOptionsSchema, type ParseOptions } from './schema/options.js';
export * from './schema/nodes.js';
