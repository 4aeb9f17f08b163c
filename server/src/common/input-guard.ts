import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { unstorableTextProblem } from './validation.js';

/**
 * Deeper than any body Muster takes (a polygon's coordinates sit five levels down), and far below
 * what overflows the stack: class-transformer and class-validator recurse once per level, and
 * 15,000 levels fit in a 90 KB body.
 */
export const MAX_BODY_DEPTH = 32;

/** A body of a thousand bad strings gets the first few named, not a thousand lines. */
const MAX_PROBLEMS = 20;

/** Where a value sits, as a 400 names it: `location.lat`, `phones[1]`. */
function child(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/**
 * The problems of a parsed body or query, as `field: problem`: nesting deeper than
 * MAX_BODY_DEPTH, and text PostgreSQL refuses, in values and in field names alike (a JSON
 * column stores both). Iterative, so that the depth check itself cannot overflow the stack.
 */
export function inputProblems(root: unknown, rootName: string): string[] {
  const problems: string[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  while (stack.length && problems.length < MAX_PROBLEMS) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = unstorableTextProblem(value);
      if (problem) problems.push(`${path || rootName}: ${problem}`);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) return [`${rootName}: nested too deeply (at most ${MAX_BODY_DEPTH} levels)`];
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    // Reversed onto the stack, so that problems are named in the body's own order.
    for (const [key, v] of entries.reverse()) {
      const keyProblem = typeof key === 'string' ? unstorableTextProblem(key) : null;
      if (keyProblem) problems.push(`${path || rootName}: a field name ${keyProblem}`);
      stack.push({ value: v, path: child(path, key), depth: depth + 1 });
    }
  }
  return problems;
}

/**
 * Refuses, right after the body parsers and before any pipe or handler reads the request, what
 * would otherwise be a 500 further in: a body nested deep enough to overflow the stack of the
 * validation pipe, and a NUL or a lone surrogate in a body, a query or a path (PostgreSQL refuses
 * them). Every route, signed in or not, gets the same 400 naming the field.
 */
export function refuseUnsafeInput(req: Request, _res: Response, next: NextFunction): void {
  const problems = [
    ...inputProblems(req.body, 'body'),
    ...inputProblems(req.query, 'query'),
    ...(/%00/.test(req.path) ? ['path: must not contain a NUL character'] : []),
  ];
  next(problems.length ? new BadRequestException(problems) : undefined);
}
