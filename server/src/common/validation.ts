import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidateIf, registerDecorator, type ValidationArguments } from 'class-validator';

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

/** Flattens nested class-validator errors into "location.lat: must not be greater than 90". */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): string[] {
  const out: string[] = [];
  for (const e of errors) {
    const path = parent ? `${parent}.${e.property}` : e.property;
    for (const [constraint, msg] of Object.entries(e.constraints ?? {})) {
      if (constraint === 'whitelistValidation') {
        out.push(`${path}: is not an accepted field`);
        continue;
      }
      // class-validator starts messages with the bare property name; replace it by the full path.
      const text = msg.startsWith(`${e.property} `) ? msg.slice(e.property.length + 1) : msg;
      out.push(`${path}: ${text}`);
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, path));
  }
  return out;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => new BadRequestException(flattenValidationErrors(errors)),
  });
}
