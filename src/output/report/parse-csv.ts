/**
 * RFC 4180 CSV: comma-separated, `"` quotes fields that hold commas, quotes or line breaks,
 * `""` is a literal quote, CRLF or LF ends a record. Enough for the files csvText (csv-text.ts) writes,
 * and small enough to also run inside a notebook (Deno).
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') endRecord();
    else if (c !== '\r' || text[i + 1] !== '\n') field += c;
    i += 1;
  }
  // A file without a final newline still ends its last record; a trailing newline adds none.
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

/** Records as objects keyed by the header row; missing trailing fields read as ''. */
export function csvObjects(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header = [], ...body] = parseCsv(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const rows = body
    .filter((r) => !(r.length === 1 && r[0] === ''))
    .map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? ''])));
  return { header, rows };
}
