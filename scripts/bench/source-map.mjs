/**
 * Source map `mappings` decoded (base64 VLQ, source map v3): what the bench
 * needs to trace bytes (bench.mjs) and profile frames (cpu-profile.mjs) in
 * dist/*.js back to the sources they came from.
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One segment's fields (relative values, as written). */
function decodeVlq(segment) {
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    let digit = B64.indexOf(char);
    const more = digit & 32;
    digit &= 31;
    value += digit << shift;
    if (more) shift += 5;
    else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

/**
 * Per generated line, its segments in column order: `{ column }` alone for
 * unmapped code, else with `source` (index into `map.sources`), `line`,
 * `sourceColumn` and, when named, `name` (index into `map.names`).
 */
export function decodeMappings(map) {
  const lines = [];
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  let name = 0;
  for (const mapping of map.mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const text of mapping ? mapping.split(',') : []) {
      const fields = decodeVlq(text);
      column += fields[0];
      if (fields.length < 4) {
        segments.push({ column });
        continue;
      }
      source += fields[1];
      sourceLine += fields[2];
      sourceColumn += fields[3];
      if (fields.length > 4) name += fields[4];
      segments.push({ column, source, line: sourceLine, sourceColumn, name: fields.length > 4 ? name : undefined });
    }
    lines.push(segments);
  }
  return lines;
}
