import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import {
  SENSITIVE_TARGET_KINDS,
  isFeatureGeometry,
  type SensitiveTargetKind,
  type SensitiveTargetOutline,
} from '@muster/contracts';
import { PageQueryDto } from '../common/paging.dto.js';
import { IsOmittable, trim } from '../common/validation.js';
import { E164, toE164 } from '../directory/contact.dto.js';
import { GeoPointDto } from '../enterprises/enterprise.dto.js';

/** A GeoJSON Polygon of closed rings of [lng, lat] positions. */
export function IsPolygon() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isPolygon',
      target: object.constructor,
      propertyName,
      validator: {
        validate: (v: unknown) => isFeatureGeometry(v) && v.type === 'Polygon',
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be a GeoJSON Polygon with closed rings of [lng, lat] positions`,
      },
    });
}

export class SensitiveTargetCreateDto {
  @ApiProperty({ enum: SENSITIVE_TARGET_KINDS })
  @IsIn(SENSITIVE_TARGET_KINDS)
  kind: SensitiveTargetKind;

  @ApiProperty({ example: '杜集区实验小学' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: '杜集区矿山路 18 号' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  address?: string;

  @ApiProperty({ type: GeoPointDto, description: 'Where it is; for an outline, a point inside it' })
  @IsObject()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location: GeoPointDto;

  @ApiPropertyOptional({ nullable: true, description: 'Its outline, a GeoJSON Polygon ([lng, lat])' })
  @IsOptional()
  @IsPolygon()
  outline?: SensitiveTargetOutline | null;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'People there by day' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  populationDay?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'People there by night' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  populationNight?: number;

  @ApiPropertyOptional({ example: '王校长' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  contactName?: string;

  @ApiPropertyOptional({ nullable: true, example: '+8613805619001' })
  @IsOptional()
  @Transform(toE164)
  @Matches(E164, {
    message: 'contactPhone must be a valid phone number (E.164 like +8613805612345, or a Chinese number)',
  })
  contactPhone?: string | null;

  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class SensitiveTargetUpdateDto extends PartialType(SensitiveTargetCreateDto, {
  skipNullProperties: false,
}) {}

export class SensitiveTargetListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Name, address or contact' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: SENSITIVE_TARGET_KINDS })
  @IsOptional()
  @IsIn(SENSITIVE_TARGET_KINDS)
  kind?: SensitiveTargetKind;
}

export class SensitiveTargetExportQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx', 'geojson'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx', 'geojson'])
  format?: 'csv' | 'xlsx' | 'geojson';
}
