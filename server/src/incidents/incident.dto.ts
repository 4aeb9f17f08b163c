import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
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
import { PG_INT_MAX } from '../common/sql.js';
import { IsOmittable, MaxDecimalPlaces } from '../common/validation.js';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  type IncidentCategory,
  type IncidentSource,
  type IncidentStatus,
  RESPONSE_LEVELS,
  type ResponseLevel,
  SEVERITIES,
  type Severity,
} from '@muster/contracts';
import { GeoPointDto } from '../enterprises/enterprise.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CasualtiesDto {
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(100000) deaths: number;
  @ApiProperty({ minimum: 0, description: '失踪, graded together with deaths' })
  @IsInt()
  @Min(0)
  @Max(100000)
  missing: number;
  @ApiProperty({ minimum: 0, description: '重伤, including acute industrial poisoning' })
  @IsInt()
  @Min(0)
  @Max(100000)
  seriousInjuries: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(100000) minorInjuries: number;
}

export class ReporterDto {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(50) name: string;
  @ApiProperty({ example: '13800000000' })
  @Transform(trim)
  @Matches(/^\+?[0-9][0-9\- ]{4,19}$/, { message: 'phone must be a phone number' })
  phone: string;
}

/** The content of a report per Decree 493 Art. 12. */
export class IncidentCreateDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Zone roles; enterprise officers always file for their own enterprise',
  })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiProperty() @Transform(trim) @IsString() @MinLength(2) @MaxLength(200) title: string;

  @ApiProperty({ enum: INCIDENT_CATEGORIES }) @IsIn(INCIDENT_CATEGORIES) category: IncidentCategory;

  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) occurredAt: string;

  @ApiProperty({ type: GeoPointDto })
  @IsObject()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location: GeoPointDto;

  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(300) address: string;

  @ApiProperty({ description: 'Brief course of events' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  summary: string;

  @ApiProperty({ type: CasualtiesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CasualtiesDto)
  casualties: CasualtiesDto;

  @ApiProperty({ minimum: 0, description: 'First estimate of direct economic loss, CNY' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(2)
  @Min(0)
  @Max(1e13)
  directLossCny: number;

  @ApiProperty() @Transform(trim) @IsString() @MaxLength(5000) measuresTaken: string;

  @ApiProperty({ type: ReporterDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ReporterDto)
  reporter: ReporterDto;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      "When the unit's head was informed (Decree 493 Art. 9): the 1-hour deadline runs from it. " +
      'Left out: the filing time when filerIsUnitHead, else the occurrence (people on scene tell the head at once).',
  })
  @IsOmittable()
  @IsISO8601({ strict: true })
  headInformedAt?: string;

  @ApiPropertyOptional({
    description: "The filer is the unit's head (单位负责人): informed when filing at the latest",
  })
  @IsOmittable()
  @IsBoolean()
  filerIsUnitHead?: boolean;

  @ApiPropertyOptional({
    enum: INCIDENT_SOURCES,
    description:
      "'zone' (zone roles): the zone learned of the incident elsewhere (a phone call, a patrol) and records it; " +
      "the enterprise's own report is then still owed. Default 'enterprise'.",
  })
  @IsOmittable()
  @IsIn(INCIDENT_SOURCES)
  source?: IncidentSource;
}

/** 续报: the updated figures and what happened since. */
export class IncidentStatisticsQueryDto {
  @ApiPropertyOptional({
    description: 'Zone-local calendar year (default: this year)',
    minimum: 2000,
    maximum: 2100,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class SupplementaryReportDto {
  @ApiProperty({ type: CasualtiesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CasualtiesDto)
  casualties: CasualtiesDto;

  @ApiProperty({ minimum: 0 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(2)
  @Min(0)
  @Max(1e13)
  directLossCny: number;

  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(5000) summary: string;
}

export class IncidentStatusDto {
  @ApiProperty({ enum: INCIDENT_STATUSES }) @IsIn(INCIDENT_STATUSES) status: IncidentStatus;
  @ApiPropertyOptional({ description: 'Required to reopen a closed incident' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class IncidentLevelDto {
  @ApiProperty({ enum: RESPONSE_LEVELS }) @IsIn(RESPONSE_LEVELS) level: ResponseLevel;
  @ApiPropertyOptional({ format: 'uuid', description: 'The contingency plan whose level is activated' })
  @IsOptional()
  @IsUUID()
  planId?: string;
}

export class RoomMessageDto {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(2000) text: string;
}

export class EventsQueryDto {
  @ApiPropertyOptional({ minimum: 0, maximum: PG_INT_MAX, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(PG_INT_MAX)
  sinceSeq: number = 0;
}

export class IncidentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INCIDENT_STATUSES })
  @IsOptional()
  @IsIn(INCIDENT_STATUSES)
  status?: IncidentStatus;
  @ApiPropertyOptional({ description: 'Only incidents that are not closed' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  open?: boolean;
  @ApiPropertyOptional({ enum: SEVERITIES }) @IsOptional() @IsIn(SEVERITIES) severity?: Severity;
  @ApiPropertyOptional({ enum: INCIDENT_CATEGORIES })
  @IsOptional()
  @IsIn(INCIDENT_CATEGORIES)
  category?: IncidentCategory;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() enterpriseId?: string;
  @ApiPropertyOptional({ description: 'Drills are kept apart: false (default) lists real incidents only' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  isDrill: boolean = false;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) q?: string;
}
