import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { PageQueryDto } from '../common/paging.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CalloutCreateDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20_000)
  @IsUUID('all', { each: true })
  contactIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  teamIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Escalation policy whose tiers are paged in order' })
  @IsOptional()
  @IsUUID()
  policyId?: string;

  @ApiProperty({ description: 'The situation and what is asked; the SMS and the call carry it' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  message: string;

  @ApiPropertyOptional({
    description: 'Acknowledgements needed for the people named by hand (default: all of them)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  quorum?: number;
}

export class MessagePreviewDto {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(500) message: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() incidentId?: string;
}

export class LocationDto {
  @ApiProperty() @IsNumber() @Min(-90) @Max(90) lat: number;
  @ApiProperty() @IsNumber() @Min(-180) @Max(180) lng: number;
}

export class RespondDto {
  @ApiProperty({ enum: ['accept', 'decline'] }) @IsIn(['accept', 'decline']) decision: 'accept' | 'decline';
  @ApiPropertyOptional({ type: LocationDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;
}

export class MyCalloutsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['open', 'recent'],
    default: 'open',
    description: 'open: still taking your answer (or you are coming); recent: ended for you',
  })
  @IsOptional()
  @IsIn(['open', 'recent'])
  scope: 'open' | 'recent' = 'open';
}
