import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsOmittable, trim } from '../common/validation.js';
import { REPORT_CHANNELS, REPORT_LEVELS, type ReportChannel, type ReportLevel } from '@muster/contracts';

const AT_DESCRIPTION =
  'When it happened (ISO 8601); left out, now. Not before the accident, not in the future.';

export class EnterpriseReportDto {
  @ApiPropertyOptional({ format: 'date-time', description: AT_DESCRIPTION })
  @IsOmittable()
  @IsISO8601({ strict: true })
  at?: string;

  @ApiPropertyOptional({ format: 'date-time', description: "When the unit's head was informed (Art. 9)" })
  @IsOmittable()
  @IsISO8601({ strict: true })
  headInformedAt?: string;

  @ApiPropertyOptional() @IsOmittable() @Transform(trim) @IsString() @MaxLength(100) senderName?: string;
  @ApiPropertyOptional() @IsOmittable() @Transform(trim) @IsString() @MaxLength(2000) note?: string;
}

/** A report sent up the chain: when, to whom, how, by whom, and the document sent. */
export class ProvincialReportDto {
  @ApiPropertyOptional({ format: 'date-time', description: AT_DESCRIPTION })
  @IsOmittable()
  @IsISO8601({ strict: true })
  at?: string;

  @ApiProperty({ description: 'To whom: the office, and the person who took it' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  recipient: string;

  @ApiProperty({ enum: REPORT_CHANNELS }) @IsIn(REPORT_CHANNELS) channel: ReportChannel;

  @ApiProperty({ description: 'Who sent it' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  senderName: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The document sent, from the file store' })
  @IsOmittable()
  @IsUUID()
  fileId?: string;

  @ApiPropertyOptional() @IsOmittable() @Transform(trim) @IsString() @MaxLength(2000) note?: string;
}

export class OnwardReportDto extends ProvincialReportDto {
  @ApiProperty({ enum: REPORT_LEVELS, description: 'The level reported to (Art. 10)' })
  @IsIn(REPORT_LEVELS)
  level: ReportLevel;
}

export class CasualtyChangeDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'When the change became known; left out, now' })
  @IsOmittable()
  @IsISO8601({ strict: true })
  at?: string;

  @ApiProperty({ description: 'What changed (e.g. one injured person died in hospital)' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note: string;
}

export class InvestigationRecordDto {
  @ApiPropertyOptional({ format: 'date-time', description: AT_DESCRIPTION })
  @IsOmittable()
  @IsISO8601({ strict: true })
  at?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The document, from the file store' })
  @IsOmittable()
  @IsUUID()
  fileId?: string;

  @ApiPropertyOptional() @IsOmittable() @Transform(trim) @IsString() @MaxLength(2000) note?: string;
}

export class InvestigationExtensionDto {
  @ApiProperty({ minimum: 1, maximum: 60, description: 'Days added (Art. 29: at most 60)' })
  @IsInt()
  @Min(1)
  @Max(60)
  days: number;

  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(2000) reason: string;

  @ApiProperty({ description: 'Who approved the extension' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  approver: string;
}
