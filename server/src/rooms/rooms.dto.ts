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
import {
  DISPATCH_STATES,
  type DispatchState,
  type DispatchView,
  type FeatureGeometry,
  MAP_FEATURE_KINDS,
  type MapFeatureKind,
  type MapFeatureView,
  TASK_STATUSES,
  type TaskStatus,
  type TaskView,
} from '../contracts/incidents.js';
import type { Dispatch, MapFeature, RoomTask } from './room.entities.js';

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

function isPosition(p: unknown): p is number[] {
  return (
    Array.isArray(p) &&
    p.length === 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Math.abs(p[0]) <= 180 &&
    Math.abs(p[1]) <= 90
  );
}

/** Point, LineString (≥ 2 positions) or Polygon (closed rings of ≥ 4), positions as [lng, lat]. */
export function isFeatureGeometry(v: unknown): v is FeatureGeometry {
  if (typeof v !== 'object' || v === null) return false;
  const g = v as { type?: unknown; coordinates?: unknown };
  if (g.type === 'Point') return isPosition(g.coordinates);
  if (g.type === 'LineString')
    return Array.isArray(g.coordinates) && g.coordinates.length >= 2 && g.coordinates.every(isPosition);
  if (g.type === 'Polygon') {
    return (
      Array.isArray(g.coordinates) &&
      g.coordinates.length >= 1 &&
      g.coordinates.every((ring: unknown) => {
        if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isPosition)) return false;
        const [a, z] = [ring[0] as number[], ring[ring.length - 1] as number[]];
        return a[0] === z[0] && a[1] === z[1];
      })
    );
  }
  return false;
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
  @ApiProperty({ description: 'What was sent, as shown' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  label: string;
}

export class DispatchUpdateDto {
  @ApiProperty({ enum: DISPATCH_STATES }) @IsIn(DISPATCH_STATES) state: DispatchState;
}

export function mapTask(t: RoomTask): TaskView {
  return {
    id: t.id,
    incidentId: t.incidentId,
    title: t.title,
    detail: t.detail,
    assigneeUserId: t.assigneeUserId,
    assigneeTeamId: t.assigneeTeamId,
    assigneeLabel: t.assigneeLabel,
    dueAt: t.dueAt?.toISOString() ?? null,
    status: t.status,
    source: t.source,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function mapFeature(f: MapFeature): MapFeatureView {
  return {
    id: f.id,
    incidentId: f.incidentId,
    kind: f.kind,
    label: f.label,
    geometry: f.geometry,
    radiusM: f.radiusM,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}

export function mapDispatch(d: Dispatch): DispatchView {
  return {
    id: d.id,
    incidentId: d.incidentId,
    resourceId: d.resourceId,
    label: d.label,
    state: d.state,
    updatedAt: d.updatedAt.toISOString(),
  };
}
