// The per-value function of each value operation, built once per operation and applied to every non-null cell.
import type { ValueOp } from '../schema';
import { castBoolean } from './booleans';
import { castDate } from './dates';
import { stripHtml } from './html';
import { fixMojibake } from './mojibake';
import { castNumber } from './numbers';
import { changeCase, isNullToken, makeReplacer, normalizeUnicode, trimValue } from './text';

/** What a value operation does to one value; `failed` (casts only) tells which values could not be converted. */
export interface ValueTransform {
  apply: (v: string) => string;
  failed?: (v: string) => boolean;
}

/** A cast: an unconvertible value stays as it was and is reported by `failed`; blank values are neither converted nor failures. */
function cast(fn: (v: string) => string | null): ValueTransform {
  // apply and failed are usually called on the same value in turn: remember the last answer.
  let lastIn: string | undefined;
  let lastOut: string | null = null;
  const run = (v: string) => (v === lastIn ? lastOut : ((lastIn = v), (lastOut = fn(v))));
  return {
    apply: (v) => (v.trim() === '' ? v : (run(v) ?? v)),
    failed: (v) => v.trim() !== '' && run(v) === null,
  };
}

/**
 * The function a value operation applies to each non-null value. nullTokens turns a token into ''
 * (the caller decides whether '' is stored as empty or null); massEdit maps values listed in `from`
 * exactly (no trimming, case-sensitive) to `to`, the first edit listing a value winning. Throws for a
 * replace with an invalid regex.
 */
export function valueTransform(op: ValueOp): ValueTransform {
  switch (op.op) {
    case 'trim':
      return { apply: (v) => trimValue(v, op.collapse) };
    case 'case':
      return { apply: (v) => changeCase(v, op.mode) };
    case 'replace':
      return { apply: makeReplacer(op.find, op.replace, op.mode, op.caseSensitive) };
    case 'nullTokens': {
      const tokens = [...op.tokens];
      return { apply: (v) => (isNullToken(v, tokens) ? '' : v) };
    }
    case 'castNumber':
      return cast((v) => castNumber(v, op.locale));
    case 'castDate':
      return cast((v) => castDate(v, op.order));
    case 'castBoolean':
      return cast(castBoolean);
    case 'unicode':
      return { apply: (v) => normalizeUnicode(v, op.form) };
    case 'stripHtml':
      return { apply: stripHtml };
    case 'fixMojibake':
      return { apply: fixMojibake };
    case 'massEdit': {
      const to = new Map<string, string>();
      for (const e of op.edits) for (const f of e.from) if (!to.has(f)) to.set(f, e.to);
      return { apply: (v) => to.get(v) ?? v };
    }
    default: {
      const never: never = op;
      throw new Error(`not a value operation: ${JSON.stringify(never)}`);
    }
  }
}
