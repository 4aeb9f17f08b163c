import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsNumber,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { MAX_INGEST_BATCH } from '@muster/contracts';

export class IngestReadingDto {
  @ApiProperty({ description: "The point's code" }) @IsString() @MaxLength(64) point: string;

  @ApiProperty({
    oneOf: [
      { type: 'string', format: 'date-time' },
      { type: 'number', description: 'epoch ms' },
    ],
  })
  @IsDefined()
  ts: string | number;

  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }) value: number;
}

export class IngestBatchDto {
  @ApiProperty({ type: [IngestReadingDto], maxItems: MAX_INGEST_BATCH })
  @IsArray()
  @ArrayMaxSize(MAX_INGEST_BATCH)
  @ValidateNested({ each: true })
  @Type(() => IngestReadingDto)
  readings: IngestReadingDto[];
}
