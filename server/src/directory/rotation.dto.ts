import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../common/paging.dto.js';
import { IsCalendarDate, trim } from '../common/validation.js';

export class RotationCreateDto {
  @ApiPropertyOptional({ nullable: true, description: 'Owning enterprise; null or absent: a zone rotation' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string | null;

  @ApiProperty({ example: '管委会应急值班' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({
    type: [String],
    description: 'Contact ids in the order they take shifts; a person may appear twice',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  memberContactIds: string[];

  @ApiProperty({ minimum: 1, maximum: 336, example: 24 })
  @IsInt()
  @Min(1)
  @Max(336)
  shiftHours: number;

  @ApiProperty({ example: '08:00', description: "HH:mm in the zone's time zone" })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'handoffTime must be HH:mm (00:00–23:59)' })
  handoffTime: string;

  @ApiProperty({ example: '2026-01-05', description: 'The first shift starts this day at the hand-off time' })
  @IsCalendarDate()
  startDate: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class RotationUpdateDto extends PartialType(RotationCreateDto, { skipNullProperties: false }) {}

export class RotationListQueryDto extends PageQueryDto {
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

  @ApiPropertyOptional({ description: 'Rotations with this contact as a member' })
  @IsOptional()
  @IsUUID()
  contactId?: string;
}

export class OverrideCreateDto {
  @ApiProperty({ description: 'Who covers' })
  @IsUUID()
  contactId: string;

  @ApiProperty({ example: '2026-03-02T20:00:00+08:00' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ example: '2026-03-03T08:00:00+08:00' })
  @IsISO8601({ strict: true })
  endsAt: string;

  @ApiPropertyOptional({ example: '调休' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export class ScheduleQueryDto {
  @ApiProperty({ description: 'ISO 8601 instant' })
  @IsISO8601({ strict: true })
  from: string;

  @ApiProperty({ description: 'ISO 8601 instant, at most 62 days after from' })
  @IsISO8601({ strict: true })
  to: string;
}
