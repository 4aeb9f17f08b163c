import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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

/**
 * 事故发生单位概况 (Art. 12 item 1). Each field left out is taken from the enterprise record when
 * the report is filed; what is sent (the form shows the record's values to edit) is kept as given.
 */
export class UnitOverviewDto {
  @ApiPropertyOptional() @IsOmittable() @Transform(trim) @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ description: '统一社会信用代码' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(30)
  creditCode?: string;
  @ApiPropertyOptional() @IsOmittable() @Transform(trim) @IsString() @MaxLength(300) address?: string;
  @ApiPropertyOptional({ description: '单位性质 / 行业' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  nature?: string;
  @ApiPropertyOptional({ description: '法定代表人' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  legalRepresentative?: string;
  @ApiPropertyOptional({ description: '规模及生产能力' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  scale?: string;
  @ApiPropertyOptional({ description: '证照情况 (licences and permits)' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  licences?: string;
  @ApiPropertyOptional() @IsOmittable() @Transform(trim) @IsString() @MaxLength(30) phone?: string;
}

const ATTACHMENTS_DOC = 'Photos and documents uploaded first (POST /api/files)';

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

  @ApiPropertyOptional({ description: 'Art. 12 item 6: anything else to report' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  otherMatters?: string;

  @ApiPropertyOptional({
    type: UnitOverviewDto,
    description: 'Art. 12 item 1; defaults to the enterprise record',
  })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => UnitOverviewDto)
  unitOverview?: UnitOverviewDto;

  @ApiPropertyOptional({ type: [String], description: ATTACHMENTS_DOC })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];

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

  @ApiPropertyOptional({ description: 'Measures taken since the last report' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  measuresTaken?: string;

  @ApiPropertyOptional({ description: 'Art. 12 item 6: anything else to report' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  otherMatters?: string;

  @ApiPropertyOptional({
    type: UnitOverviewDto,
    description: 'Corrections to the unit overview; defaults to the last one',
  })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => UnitOverviewDto)
  unitOverview?: UnitOverviewDto;

  @ApiPropertyOptional({ type: [String], description: ATTACHMENTS_DOC })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
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
