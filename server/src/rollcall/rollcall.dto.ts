import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { AssemblyPointSource } from '@muster/contracts';
import { IsOmittable, trim } from '../common/validation.js';
import { MAX_HEADCOUNT } from './rollcall-replies.js';

/** SMS name the points A–Z: one letter each. */
export const MAX_POINTS = 26;
export const MAX_ENTERPRISES = 500;

export class AssemblyPointRefDto {
  @ApiProperty({
    enum: ['room', 'resource'],
    description: 'A point drawn in the room, or a registered assembly point',
  })
  @IsIn(['room', 'resource'])
  source: AssemblyPointSource;

  @ApiProperty({ format: 'uuid', description: 'The map feature or the resource' })
  @IsUUID()
  sourceId: string;
}

export class RollCallOpenDto {
  @ApiProperty({ type: [AssemblyPointRefDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_POINTS)
  @ValidateNested({ each: true })
  @Type(() => AssemblyPointRefDto)
  points: AssemblyPointRefDto[];

  @ApiProperty({ type: [String], description: 'The enterprises that report their headcount' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ENTERPRISES)
  @IsUUID('all', { each: true })
  enterpriseIds: string[];
}

export class RollCallCountDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() enterpriseId: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Where they are; defaults to the enterprise's point" })
  @IsOmittable()
  @IsUUID()
  pointId?: string;

  @ApiProperty({ description: 'On-shift headcount of the enterprise', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(MAX_HEADCOUNT)
  expected: number;

  @ApiProperty({ description: 'Accounted for at this point', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(MAX_HEADCOUNT)
  accounted: number;
}

export class RollCallCheckInDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() pointId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Commanders: the responder checked in; others check in themselves',
  })
  @IsOmittable()
  @IsUUID()
  contactId?: string;
}

export class MissingPersonDto {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) name: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Their enterprise (officers: their own)' })
  @IsOmittable()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional({ description: 'Last seen where, post, anything that helps find them' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class RollCallCloseDto {
  @ApiPropertyOptional({
    description: 'File a supplementary report (续报) carrying the final missing count into the incident',
  })
  @IsOmittable()
  @IsBoolean()
  carryIntoReport?: boolean;
}

export class LinkCheckInDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() pointId: string;
}
