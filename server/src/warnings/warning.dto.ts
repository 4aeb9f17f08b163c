import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsNumber,
  IsObject,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import {
  CAP_CATEGORIES,
  CAP_CERTAINTIES,
  CAP_SEVERITIES,
  CAP_URGENCIES,
  WARNING_ACTIONS,
  isFeatureGeometry,
  type CapCategory,
  type CapCertainty,
  type CapSeverity,
  type CapUrgency,
  type WarningAction,
} from '@muster/contracts';
import { IsOmittable, trim } from '../common/validation.js';
import { GeoPointDto } from '../enterprises/enterprise.dto.js';

/** Polygon coordinates: closed rings of [lng, lat] positions. */
function IsPolygonCoordinates() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isPolygonCoordinates',
      target: object.constructor,
      propertyName,
      validator: {
        validate: (v: unknown) =>
          isFeatureGeometry({ type: 'Polygon', coordinates: v }) && (v as unknown[]).length <= 20,
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be GeoJSON Polygon coordinates: closed rings of [lng, lat] positions`,
      },
    });
}

export class WarningCircleDto {
  @ApiProperty({ type: GeoPointDto })
  @IsObject()
  @ValidateNested()
  @Type(() => GeoPointDto)
  center: GeoPointDto;

  @ApiProperty({ minimum: 10, maximum: 50_000, description: 'Metres' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(10)
  @Max(50_000)
  radiusM: number;
}

/** Exactly one of the four: a room map feature, a computed threat zone, a polygon or a circle. */
export class WarningAreaDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A room map feature: a hazard zone, cordon or circle' })
  @IsOmittable()
  @IsUUID()
  featureId?: string;

  @ApiPropertyOptional({ description: "A threat zone's id from the room's consequence.modelled events" })
  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  threatZoneId?: string;

  @ApiPropertyOptional({ description: 'GeoJSON Polygon coordinates ([lng, lat]), drawn for this warning' })
  @IsOmittable()
  @IsPolygonCoordinates()
  polygon?: number[][][];

  @ApiPropertyOptional({ type: WarningCircleDto })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => WarningCircleDto)
  circle?: WarningCircleDto;
}

export class WarningPreviewDto {
  @ApiProperty({ type: WarningAreaDto })
  @IsObject()
  @ValidateNested()
  @Type(() => WarningAreaDto)
  area: WarningAreaDto;
}

/** What people are told and asked to do; an update repeats them, changed. */
export class WarningWordsDto {
  @ApiProperty({ description: 'The situation, as the SMS, the call and the CAP description carry it' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  text: string;

  @ApiProperty({ enum: WARNING_ACTIONS })
  @IsIn(WARNING_ACTIONS)
  action: WarningAction;

  @ApiPropertyOptional({ format: 'uuid', description: "The room's assembly point to evacuate to" })
  @IsOmittable()
  @IsUUID()
  assemblyPointId?: string;

  @ApiPropertyOptional({ enum: CAP_URGENCIES, default: 'Immediate' })
  @IsOmittable()
  @IsIn(CAP_URGENCIES)
  urgency?: CapUrgency;

  @ApiPropertyOptional({ enum: CAP_SEVERITIES, default: 'Severe' })
  @IsOmittable()
  @IsIn(CAP_SEVERITIES)
  severity?: CapSeverity;

  @ApiPropertyOptional({ enum: CAP_CERTAINTIES, default: 'Likely' })
  @IsOmittable()
  @IsIn(CAP_CERTAINTIES)
  certainty?: CapCertainty;
}

export class WarningSendDto extends WarningWordsDto {
  @ApiProperty({ type: WarningAreaDto })
  @IsObject()
  @ValidateNested()
  @Type(() => WarningAreaDto)
  area: WarningAreaDto;

  @ApiPropertyOptional({ description: "CAP's event; the incident's title when absent", example: '氯气泄漏' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  event?: string;

  @ApiPropertyOptional({ enum: CAP_CATEGORIES, default: 'CBRNE' })
  @IsOmittable()
  @IsIn(CAP_CATEGORIES)
  category?: CapCategory;
}

export class WarningCancelDto {
  @ApiProperty({ description: 'Why it is withdrawn, as the CAP description and the texts say it' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  text: string;
}
