import { BadRequestException, Param, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';

class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}
  transform(value: string): string {
    if (!isUUID(value)) throw new BadRequestException([`${this.name}: must be a UUID`]);
    return value;
  }
}

/** A path parameter that must be a UUID; a malformed one is a 400 naming the parameter. */
export const UuidParam = (name = 'id') => Param(name, new UuidPipe(name));
