import type { Expression, SqlBool } from 'kysely';
import { likeText } from '../../db/like.js';
import { expressionOf, type Builder, type FieldDef, type Resource, type ScalarField } from './fields.js';
import type { Condition, FilterNode, Scalar } from './nql.js';

/** A filter that names an unknown field or compares a field with a value it cannot hold. */
export class FilterMeaningError extends Error {}

/** The filter as one SQL condition over the resource's table; every value becomes a parameter. */
export function compileFilter(eb: Builder, resource: Resource, node: FilterNode): Expression<SqlBool> {
  if (node.kind === 'and') return eb.and(node.nodes.map((part) => compileFilter(eb, resource, part)));
  if (node.kind === 'or') return eb.or(node.nodes.map((part) => compileFilter(eb, resource, part)));
  const field = resource.fields[node.field];
  if (!field) throw new FilterMeaningError(`${resource.name} cannot be filtered by "${node.field}"; known fields: ${filterable(resource).join(', ')}`);
  return compileField(eb, node.field, field, node);
}

function filterable(resource: Resource): string[] {
  return Object.keys(resource.fields).sort();
}

function compileField(eb: Builder, name: string, field: FieldDef, condition: Condition): Expression<SqlBool> {
  if (field.kind === 'choice') return compileChoice(eb, name, field.choices, condition);
  if (field.kind !== 'relation') return compileScalar(eb, name, field, condition);
  const { relation } = field;
  const inner = (c: Condition) => (sub: Builder) => compileScalar(sub, name, field.field, c);
  switch (condition.kind) {
    case 'compare':
      if (condition.value === null) return condition.op === '=' ? eb.not(relation.exists(eb)) : relation.exists(eb);
      if (condition.op === '!=') return eb.not(relation.exists(eb, inner({ ...condition, op: '=' })));
      return relation.exists(eb, inner(condition));
    case 'in':
      if (condition.negated) return eb.not(relation.exists(eb, inner({ ...condition, negated: false })));
      return relation.exists(eb, inner(condition));
    case 'match':
      if (condition.negated) return eb.not(relation.exists(eb, inner({ ...condition, negated: false })));
      return relation.exists(eb, inner(condition));
    case 'all':
      return eb.and(condition.values.map((value) => relation.exists(eb, inner({ kind: 'compare', field: name, op: '=', value }))));
  }
}

function compileChoice(eb: Builder, name: string, choices: Record<string, (eb: Builder) => Expression<SqlBool>>, condition: Condition): Expression<SqlBool> {
  const choose = (value: Scalar) => {
    const choice = typeof value === 'string' ? choices[value] : undefined;
    if (!choice) throw new FilterMeaningError(`${name} must be one of ${Object.keys(choices).join(', ')}`);
    return choice(eb);
  };
  switch (condition.kind) {
    case 'compare':
      if (condition.op === '=') return choose(condition.value);
      if (condition.op === '!=') return eb.not(choose(condition.value));
      throw new FilterMeaningError(`${name} can only be compared with : or :-`);
    case 'in': {
      const any = eb.or(condition.values.map(choose));
      return condition.negated ? eb.not(any) : any;
    }
    case 'all':
      return eb.and(condition.values.map(choose));
    case 'match':
      throw new FilterMeaningError(`${name} cannot be searched with ~`);
  }
}

function compileScalar(eb: Builder, name: string, field: ScalarField, condition: Condition): Expression<SqlBool> {
  const target = expressionOf(eb, field);
  const nullable = 'nullable' in field && field.nullable === true;
  switch (condition.kind) {
    case 'compare': {
      if (condition.value === null) {
        if (condition.op === '=') return eb(target, 'is', null);
        if (condition.op === '!=') return eb(target, 'is not', null);
        throw new FilterMeaningError(`${name} cannot be compared with ${condition.op} null`);
      }
      if (condition.op !== '=' && condition.op !== '!=' && (field.kind === 'boolean' || field.kind === 'enum')) {
        throw new FilterMeaningError(`${name} can only be compared with : or :-`);
      }
      const value = valueFor(name, field, condition.value);
      if (condition.op === '!=') return nullable ? eb.or([eb(target, 'is', null), eb(target, '<>', value)]) : eb(target, '<>', value);
      return eb(target, condition.op, value);
    }
    case 'in': {
      const values = condition.values.filter((v) => v !== null).map((v) => valueFor(name, field, v));
      const withNull = condition.values.includes(null);
      const parts: Array<Expression<SqlBool>> = [];
      if (values.length > 0) parts.push(eb(target, 'in', values));
      if (withNull) parts.push(eb(target, 'is', null));
      if (!condition.negated) return eb.or(parts);
      const outside = eb.not(eb.or(parts));
      return nullable && !withNull ? eb.or([eb(target, 'is', null), outside]) : outside;
    }
    case 'all':
      return eb.and(condition.values.map((value) => compileScalar(eb, name, field, { kind: 'compare', field: name, op: '=', value })));
    case 'match': {
      if (field.kind !== 'text') throw new FilterMeaningError(`${name} is not text; ~ only searches text`);
      const matched = likeText(field.column, condition.text, condition.mode);
      if (!condition.negated) return matched;
      return nullable ? eb.or([eb(target, 'is', null), eb.not(matched)]) : eb.not(matched);
    }
  }
}

/** What a filter value means for a field of this kind: a parameter of the right type, or an error saying why not. */
function valueFor(name: string, field: ScalarField, value: Exclude<Scalar, null>): string | number {
  switch (field.kind) {
    case 'text':
      return String(value);
    case 'id': {
      const id = typeof value === 'number' ? value : /^\d{1,15}$/.test(String(value)) ? Number(value) : NaN;
      if (!Number.isSafeInteger(id)) throw new FilterMeaningError(`${name} must be a whole number, not "${value}"`);
      return id;
    }
    case 'number': {
      const number = typeof value === 'number' ? value : /^\d+(\.\d+)?$/.test(String(value)) ? Number(value) : NaN;
      if (!Number.isFinite(number)) throw new FilterMeaningError(`${name} must be a number, not "${value}"`);
      return number;
    }
    case 'boolean':
      if (value === true || value === 'true') return 1;
      if (value === false || value === 'false') return 0;
      throw new FilterMeaningError(`${name} must be true or false, not "${value}"`);
    case 'enum':
      if (typeof value !== 'string' || !field.values.includes(value)) throw new FilterMeaningError(`${name} must be one of ${field.values.join(', ')}`);
      return value;
    case 'date':
      return isoDate(name, String(value));
  }
}

const dateForms = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** Dates are stored as ISO 8601 in UTC; a date without a zone is read as UTC, as Ghost does. */
function isoDate(name: string, text: string): string {
  if (!dateForms.test(text)) throw new FilterMeaningError(`${name} must be a date such as 2026-01-31 or '2026-01-31 18:00:00', not "${text}"`);
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/.test(text) || text.length === 10 ? text : `${text.replace(' ', 'T')}Z`;
  const time = new Date(text.length === 10 ? `${text}T00:00:00Z` : zoned.replace(' ', 'T'));
  if (Number.isNaN(time.getTime())) throw new FilterMeaningError(`${name} must be a real date, not "${text}"`);
  return time.toISOString();
}
