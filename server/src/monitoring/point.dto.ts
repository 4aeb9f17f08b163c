import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { POINT_ALARM_ACTIONS, POINT_KINDS, type PointAlarmAction, type PointKind } from '@muster/contracts';
import { IsOmittable, trim } from '../common/validation.js';

const threshold = (description: string) => ApiPropertyOptional({ nullable: true, description });

export class PointCreateDto {
  @ApiProperty({
    example: 'CL2-AT01',
    description: 'Unique in the enterprise; the last level of its MQTT topic',
  })
  @Transform(trim)
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/)
  code: string;

  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) name: string;

  @ApiProperty({ enum: POINT_KINDS }) @IsIn(POINT_KINDS) kind: PointKind;

  @ApiProperty({ example: 'ppm' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(20) unit: string;

  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }) rangeMin: number;

  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }) rangeMax: number;

  @threshold('High alarm (高报)')
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  high: number | null = null;

  @threshold('High-high alarm (高高报)')
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  highHigh: number | null = null;

  @threshold('Low alarm (低报)')
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  low: number | null = null;

  @threshold('Low-low alarm (低低报)')
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  lowLow: number | null = null;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 3600,
    default: 5,
    description: 'Out of band this long before an alarm',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(3600)
  delaySeconds?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 86400,
    default: 30,
    description: 'Back in band this long before it clears',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(86400)
  holdSeconds?: number;

  @ApiPropertyOptional({
    enum: POINT_ALARM_ACTIONS,
    default: 'notify',
    description: 'incident: an alarm also files an incident, once',
  })
  @IsOmittable()
  @IsIn(POINT_ALARM_ACTIONS)
  onAlarm?: PointAlarmAction;
}

export class PointUpdateDto extends PartialType(PointCreateDto, { skipNullProperties: false }) {}

export class ReadingQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Default: an hour before `to`' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Default: now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
