import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/paging.dto.js';
import {
  EDITABLE_RESOURCE_STATUSES,
  RESOURCE_STATUSES,
  RESOURCE_TYPES,
  type EditableResourceStatus,
  type ResourceStatus,
  type ResourceType,
} from '@muster/contracts';
import { IsCalendarDate, trim } from '../common/validation.js';
import { E164, toE164 } from '../directory/contact.dto.js';
import { GeoPointDto } from '../enterprises/enterprise.dto.js';

/** "a,b" or repeated query parameters → a list. */
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

export class ResourceCreateDto {
  @ApiPropertyOptional({ nullable: true, description: 'Owning enterprise; null or absent: the zone' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string | null;

  @ApiProperty({ enum: RESOURCE_TYPES })
  @IsIn(RESOURCE_TYPES)
  type: ResourceType;

  @ApiProperty({ example: '正压式空气呼吸器' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'RHZKF6.8/30' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  model?: string;

  @ApiPropertyOptional({ minimum: 0, default: 1 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e9)
  quantity?: number;

  @ApiPropertyOptional({ example: '套' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(20)
  unit?: string;

  @ApiPropertyOptional({
    enum: EDITABLE_RESOURCE_STATUSES,
    default: 'available',
    description: 'dispatched and on_scene are set by dispatching it from an incident room',
  })
  @IsOptional()
  @IsIn(EDITABLE_RESOURCE_STATUSES)
  status?: EditableResourceStatus;

  @ApiPropertyOptional({ example: '马骏' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  custodian?: string;

  @ApiPropertyOptional({ nullable: true, example: '+8613805610001' })
  @IsOptional()
  @Transform(toE164)
  @Matches(E164, {
    message: 'custodianPhone must be a valid phone number (E.164 like +8613805612345, or a Chinese number)',
  })
  custodianPhone?: string | null;

  @ApiProperty({ type: GeoPointDto })
  @IsObject()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location: GeoPointDto;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  address?: string;

  @ApiPropertyOptional({ nullable: true, example: '2026-09-01' })
  @IsOptional()
  @IsCalendarDate()
  lastInspectedOn?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2027-03-01' })
  @IsOptional()
  @IsCalendarDate()
  nextInspectionOn?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2028-12-31' })
  @IsOptional()
  @IsCalendarDate()
  expiresOn?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class ResourceUpdateDto extends PartialType(ResourceCreateDto, { skipNullProperties: false }) {}

export class ResourceListQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: "An enterprise id, or 'zone'" })
  @IsOptional()
  @Matches(/^(zone|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: "enterpriseId must be a UUID or 'zone'",
  })
  enterpriseId?: string;

  @ApiPropertyOptional({ description: 'Comma-separated', enum: RESOURCE_TYPES, isArray: true })
  @IsOptional()
  @Transform(toList)
  @IsIn(RESOURCE_TYPES, { each: true })
  types?: ResourceType[];

  @ApiPropertyOptional({ description: 'Comma-separated', enum: RESOURCE_STATUSES, isArray: true })
  @IsOptional()
  @Transform(toList)
  @IsIn(RESOURCE_STATUSES, { each: true })
  statuses?: ResourceStatus[];

  @ApiPropertyOptional({ description: 'Only expired or expiring within 30 days (or by the date given)' })
  @IsOptional()
  @IsIn(['expiring'])
  alert?: 'expiring';

  @ApiPropertyOptional({ description: 'south,west,north,east' })
  @IsOptional()
  @Matches(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, { message: 'bbox must be south,west,north,east' })
  bbox?: string;
}

/** The list's filters without its paging: the map takes every match in one answer. */
export class ResourceMapQueryDto extends OmitType(ResourceListQueryDto, ['page', 'pageSize'] as const) {}

export class NearestQueryDto {
  @ApiProperty({ example: 33.99 })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat: number;

  @ApiProperty({ example: 116.83 })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng: number;

  @ApiPropertyOptional({ description: 'Comma-separated resource types; all when absent' })
  @IsOptional()
  @Transform(toList)
  @IsIn(RESOURCE_TYPES, { each: true })
  types?: ResourceType[];

  @ApiPropertyOptional({ description: 'Comma-separated statuses; all when absent' })
  @IsOptional()
  @Transform(toList)
  @IsIn(RESOURCE_STATUSES, { each: true })
  statuses?: ResourceStatus[];

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'Search radius in metres; unlimited when absent' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  maxDistanceM?: number;
}

export class ResourceExportQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx', 'geojson'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx', 'geojson'])
  format?: 'csv' | 'xlsx' | 'geojson';
}
