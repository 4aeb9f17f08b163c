import {
  isFeatureGeometry,
  DISPATCH_STATES,
  type DispatchState,
  type FeatureGeometry,
  MAP_FEATURE_KINDS,
  type MapFeatureKind,
  TASK_STATUSES,
  type TaskStatus,
} from '@muster/contracts';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import { IsOmittable } from '../common/validation.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class TaskCreateDto {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(300) title: string;
  @ApiPropertyOptional() @IsOmittable() @Transform(trim) @IsString() @MaxLength(5000) detail?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() assigneeUserId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() assigneeTeamId?: string;
  @ApiPropertyOptional({ description: 'Who it is for, as shown (a person, team or post)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  assigneeLabel?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) dueAt?: string;
}

export class TaskUpdateDto extends PartialType(TaskCreateDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ enum: TASK_STATUSES }) @IsOmittable() @IsIn(TASK_STATUSES) status?: TaskStatus;
}

function IsFeatureGeometry() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isFeatureGeometry',
      target: object.constructor,
      propertyName,
      validator: {
        validate: isFeatureGeometry,
        defaultMessage: (a: ValidationArguments) =>
          `${a.property} must be a GeoJSON Point, LineString or Polygon (closed rings) of [lng, lat] positions`,
      },
    });
}

export class MapFeatureCreateDto {
  @ApiProperty({ enum: MAP_FEATURE_KINDS }) @IsIn(MAP_FEATURE_KINDS) kind: MapFeatureKind;
  @ApiPropertyOptional() @IsOmittable() @Transform(trim) @IsString() @MaxLength(200) label?: string;
  @ApiProperty({ description: 'GeoJSON geometry; a circle is a Point with radiusM' })
  @IsFeatureGeometry()
  geometry: FeatureGeometry;
  @ApiPropertyOptional({ description: 'Radius in metres, for a circle (Point geometry)' })
  @ValidateIf((o: MapFeatureCreateDto) => o.radiusM !== undefined && o.radiusM !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(100_000)
  radiusM?: number | null;
}

export class MapFeatureUpdateDto extends PartialType(MapFeatureCreateDto, { skipNullProperties: false }) {}

export class DispatchCreateDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The emergency resource sent, if it is in the register',
  })
  @IsOptional()
  @IsUUID()
  resourceId?: string;
  @ApiPropertyOptional({ description: "What was sent, as shown; the resource's name when left out" })
  @ValidateIf((o: DispatchCreateDto) => o.label !== undefined || !o.resourceId)
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  label?: string;
}

export class DispatchUpdateDto {
  @ApiProperty({ enum: DISPATCH_STATES }) @IsIn(DISPATCH_STATES) state: DispatchState;
}
