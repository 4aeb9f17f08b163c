import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import {
  ValidateIf,
  ValidationTypes,
  type ValidatorOptions,
  getMetadataStorage,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';
import type { ApiProblem } from '@muster/contracts';
import { cacheValidationMetadata } from './validation-metadata-cache.js';

/**
 * The field may be left out, but not sent as null. `@IsOptional()` skips validation for null as
 * well, so a null would reach the service (and a NOT NULL column: a 500); with this decorator a
 * null is validated like any other value and refused with the field's own message. Fields that
 * may be cleared keep `@IsOptional()` (with `nullable: true` in their documentation). Update DTOs
 * get the same from `PartialType(CreateDto, { skipNullProperties: false })`.
 */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_o, v) => v !== undefined);

/**
 * Trims text, except whitespace in front of = + - @: without it the text would start like a
 * formula, and one typed as " =1+1" is kept as given rather than trimmed into "=1+1".
 */
export function trimText(s: string): string {
  const trimmed = s.trim();
  return /^[=+\-@]/.test(trimmed) && !/^[=+\-@]/.test(s) ? s.trimEnd() : trimmed;
}

/** Trims a string field before validation (a `@Transform`), as `trimText` does. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? trimText(value) : value);

/** YYYY-MM-DD that is a real calendar day. */
export const DATE_ONLY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export function isCalendarDate(v: unknown): v is string {
  if (typeof v !== 'string' || !DATE_ONLY.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export function IsCalendarDate() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: object.constructor,
      propertyName,
      validator: {
        validate: (v: unknown) => isCalendarDate(v),
        defaultMessage: (args: ValidationArguments) => `${args.property} must be a date as YYYY-MM-DD`,
      },
    });
}

/**
 * How many decimals a number has, also when JavaScript writes it in exponent form (1e-7 has 7,
 * 1.5e+21 none).
 */
export function decimalPlaces(n: number): number {
  const m = /^-?\d+(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n));
  if (!m) return Infinity;
  return Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
}

/**
 * At most `places` decimals; other types are left to `@IsNumber()`. Instead of class-validator's
 * `maxDecimalPlaces` option, which splits `toString()` at the dot and throws (a 500) on a number
 * written in exponent form such as 1e-7.
 */
export function MaxDecimalPlaces(places: number) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'maxDecimalPlaces',
      target: object.constructor,
      propertyName,
      constraints: [places],
      validator: {
        validate: (v: unknown) => typeof v !== 'number' || decimalPlaces(v) <= places,
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must have at most ${places} decimal places`,
      },
    });
}

/** A lone half of a UTF-16 surrogate pair: no character, and not encodable as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why PostgreSQL would refuse this text, or null: it takes no NUL in a text or jsonb value, and
 * a jsonb value refuses a lone surrogate (which a text column would store as U+FFFD).
 */
export function unstorableTextProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'must not contain a NUL character';
  if (LONE_SURROGATE.test(s)) return 'must be valid Unicode text (it has a lone surrogate)';
  return null;
}

/** Flattens nested class-validator errors into "location.lat: must not be greater than 90". */
export function flattenValidationErrors(errors: ValidationError[]): string[] {
  return validationProblems(errors).map((p) => p.message);
}

/**
 * Each failed rule as a problem: its message ("location.lat: must not be greater than 90"), its
 * code (the rule's name: `max`, `maxLength`, `isIn`; `unknownField` for a field the DTO does not
 * have), the field's path and the rule's bounds (`{ max: 90 }`), for the console to word.
 */
export function validationProblems(errors: ValidationError[], parent = ''): ApiProblem[] {
  const out: ApiProblem[] = [];
  for (const e of errors) {
    const path = parent ? `${parent}.${e.property}` : e.property;
    for (const [constraint, msg] of Object.entries(e.constraints ?? {})) {
      if (constraint === 'whitelistValidation') {
        out.push({ message: `${path}: is not an accepted field`, code: 'unknownField', field: path });
        continue;
      }
      // class-validator starts messages with the bare property name; replace it by the full path.
      const text = msg.startsWith(`${e.property} `) ? msg.slice(e.property.length + 1) : msg;
      const params = ruleParams(e, constraint);
      out.push({ message: `${path}: ${text}`, code: constraint, field: path, ...(params ? { params } : {}) });
    }
    if (e.children?.length) out.push(...validationProblems(e.children, path));
  }
  return out;
}

/** What each rule's arguments mean, by the rule's name; `count` is what plurals are chosen by. */
const RULE_PARAMS: Record<string, (args: unknown[]) => ApiProblem['params']> = {
  maxLength: ([n]) => ({ max: Number(n), count: Number(n) }),
  minLength: ([n]) => ({ min: Number(n), count: Number(n) }),
  arrayMaxSize: ([n]) => ({ max: Number(n), count: Number(n) }),
  arrayMinSize: ([n]) => ({ min: Number(n), count: Number(n) }),
  max: ([n]) => ({ max: Number(n) }),
  min: ([n]) => ({ min: Number(n) }),
  maxDecimalPlaces: ([n]) => ({ places: Number(n), count: Number(n) }),
};

/** The arguments the DTO gave the failed rule (`@MaxLength(200)` → `{ max: 200 }`), if it has any. */
function ruleParams(e: ValidationError, constraint: string): ApiProblem['params'] | undefined {
  const read = RULE_PARAMS[constraint];
  if (!read || !e.target) return undefined;
  const rule = getMetadataStorage()
    .getTargetValidationMetadatas(e.target.constructor, '', true, false)
    .find((m) => m.propertyName === e.property && (m.name === constraint || m.type === constraint));
  return rule?.constraints ? read(rule.constraints) : undefined;
}

const NOT_A_LIST = 'must be an object, not a list';

/**
 * The nested fields of a DTO class. Decorators register a class's rules when it is defined, so
 * they are read once per class rather than searched for in every request.
 */
const nestedFields = new Map<object, ValidationMetadata[]>();
function nestedFieldsOf(target: object['constructor']): ValidationMetadata[] {
  let fields = nestedFields.get(target);
  if (!fields) {
    fields = getMetadataStorage()
      .getTargetValidationMetadatas(target, '', true, false)
      .filter((m) => m.type === ValidationTypes.NESTED_VALIDATION);
    nestedFields.set(target, fields);
  }
  return fields;
}

function shapeError(property: string, children: ValidationError[], problem?: string): ValidationError {
  return { property, children, ...(problem ? { constraints: { nestedShape: problem } } : {}) };
}

/**
 * What `@ValidateNested()` lets through: it validates a list as if it were its elements, so a
 * list where one object is expected ([{…}] for {…}), or a list inside a list of objects ([[{…}]]
 * for [{…}]), passes and reaches the service in a shape it does not read (a 500). Refused here
 * for every nested field of every DTO, at any depth, without a decorator to remember.
 */
export function nestedShapeErrors(instance: object): ValidationError[] {
  const errors: ValidationError[] = [];
  for (const m of nestedFieldsOf(instance.constructor)) {
    const value = (instance as Record<string, unknown>)[m.propertyName];
    if (!m.each) {
      if (Array.isArray(value)) errors.push(shapeError(m.propertyName, [], NOT_A_LIST));
      else if (value && typeof value === 'object') {
        const children = nestedShapeErrors(value);
        if (children.length) errors.push(shapeError(m.propertyName, children));
      }
      continue;
    }
    if (!Array.isArray(value)) continue;
    const children: ValidationError[] = [];
    value.forEach((item: unknown, i) => {
      if (Array.isArray(item)) children.push(shapeError(String(i), [], NOT_A_LIST));
      else if (item && typeof item === 'object') {
        const inner = nestedShapeErrors(item);
        if (inner.length) children.push(shapeError(String(i), inner));
      }
    });
    if (children.length) errors.push(shapeError(m.propertyName, children));
  }
  return errors;
}

/** Nest's pipe, with the shapes class-validator does not check (`nestedShapeErrors`). */
class DtoValidationPipe extends ValidationPipe {
  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    return [...(await super.validate(object, options)), ...nestedShapeErrors(object)];
  }
}

export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new DtoValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    transformOptions: { enableImplicitConversion: false },
    // The object each error was found in, to read its rule's arguments (`ruleParams`); the
    // factory below sends only the messages and problems, never the object.
    validationError: { target: true },
    exceptionFactory: (errors) => {
      const problems = validationProblems(errors);
      return new BadRequestException({
        statusCode: 400,
        message: problems.map((p) => p.message),
        error: 'Bad Request',
        problems,
      });
    },
  });
}
