import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

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
