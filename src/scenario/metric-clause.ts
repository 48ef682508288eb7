/**
 * A checkable statement about a metric, `METRIC OP VALUE` (`ctrl_latency_p99_us < 3000`): the
 * SLOs of `vdpascale capacity` and the checkable clauses of a scenario's `expect`. The metric
 * name carries the unit, so the value is a plain number.
 */

export const CLAUSE_OPS = ['<', '<=', '>', '>=', '==', '!='] as const;
export type ClauseOp = (typeof CLAUSE_OPS)[number];

export interface MetricClause {
  metric: string;
  op: ClauseOp;
  value: number;
  /** Normalized text, e.g. `instances_rejected <= 0`. */
  text: string;
}

const CLAUSE_TEXT = /^\s*([A-Za-z0-9_]+)\s*(<=|>=|==|!=|<|>)\s*(\S+)\s*$/;

/** What is wrong with a clause's text, for the caller to put in its own error. */
export type ClauseProblem =
  | { kind: 'form' }
  | { kind: 'metric'; metric: string }
  | { kind: 'value'; value: string };

/** Parses `'METRIC OP VALUE'` against the known metric names. */
export function parseMetricClause(text: string, metrics: readonly string[]): MetricClause | ClauseProblem {
  const m = CLAUSE_TEXT.exec(text);
  if (!m) return { kind: 'form' };
  const [, metric = '', op = '', valueText = ''] = m;
  if (!metrics.includes(metric)) return { kind: 'metric', metric };
  const value = Number(valueText);
  if (valueText === '' || !Number.isFinite(value)) return { kind: 'value', value: valueText };
  return { metric, op: op as ClauseOp, value, text: `${metric} ${op} ${valueText}` };
}

export function isClauseProblem(x: MetricClause | ClauseProblem): x is ClauseProblem {
  return 'kind' in x;
}

/** The string-valued run columns a clause may name, compared by `==` or `!=` to a resource name. */
export const LABEL_COLUMNS = ['bottleneck', 'limit_resource'] as const;
export type LabelColumn = (typeof LABEL_COLUMNS)[number];

/** `bottleneck == data-engines`: what binds (or ran out) at a point, by its stable name; `none` for nothing. */
export interface LabelClause {
  column: LabelColumn;
  op: '==' | '!=';
  /** A resource name, or '' for none. */
  value: string;
  text: string;
}

const LABEL_TEXT = /^\s*(bottleneck|limit_resource)\s*(==|!=)\s*([A-Za-z0-9_-]+)\s*$/;

/** A label clause, or undefined when the text is not one (it may still be a metric clause). */
export function parseLabelClause(text: string): LabelClause | undefined {
  const m = LABEL_TEXT.exec(text);
  if (!m) return undefined;
  const [, column = '', op = '', name = ''] = m;
  return {
    column: column as LabelColumn,
    op: op as '==' | '!=',
    value: name === 'none' ? '' : name,
    text: `${column} ${op} ${name}`,
  };
}

export function labelHolds(clause: Pick<LabelClause, 'op' | 'value'>, observed: string): boolean {
  return clause.op === '==' ? observed === clause.value : observed !== clause.value;
}

/** Whether a replication mean meets the clause; a mean that could not be computed (NaN) does not. */
export function clauseHolds(clause: Pick<MetricClause, 'op' | 'value'>, mean: number): boolean {
  if (Number.isNaN(mean)) return false;
  switch (clause.op) {
    case '<':
      return mean < clause.value;
    case '<=':
      return mean <= clause.value;
    case '>':
      return mean > clause.value;
    case '>=':
      return mean >= clause.value;
    case '==':
      return mean === clause.value;
    case '!=':
      return mean !== clause.value;
  }
}
