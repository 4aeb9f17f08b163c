import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import { PageQueryDto } from '../common/paging.dto.js';
import { IsCalendarDate, IsOmittable, trim } from '../common/validation.js';
import { CONTACT_LANGUAGES, type ContactLanguage } from '@muster/contracts';
import { normalizePhone } from './phone.js';

const trimList = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? value.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '')
    : value;

/** Phone numbers are normalized to E.164 before validation; what cannot be stays as typed. */
export const toE164 = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? (normalizePhone(value) ?? value.trim()) : value;
const toE164List = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? (trimList({ value }) as unknown[]).map((v) => toE164({ value: v })) : value;

export const E164 = /^\+[1-9]\d{6,14}$/;

export function IsPhoneList() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isPhoneList',
      target: object.constructor,
      propertyName,
      validator: {
        validate: (v: unknown) =>
          Array.isArray(v) &&
          v.every((p) => typeof p === 'string' && E164.test(p)) &&
          new Set(v).size === v.length,
        defaultMessage: (args: ValidationArguments) => {
          const v = args.value as unknown;
          if (!Array.isArray(v)) return `${args.property} must be a list of phone numbers`;
          const bad = v.filter((p) => typeof p !== 'string' || !E164.test(p));
          if (bad.length) {
            return `${args.property} has invalid phone number(s): ${bad.map((b) => JSON.stringify(b)).join(', ')} (use E.164 like +8613805612345, or a Chinese number like 0561-3011001)`;
          }
          return `${args.property} lists the same number twice`;
        },
      },
    });
}

export class CertificationDto {
  @ApiProperty({ example: '危险化学品安全管理人员证' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  number?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2027-06-30', description: 'YYYY-MM-DD; null: no expiry' })
  @IsOptional()
  @IsCalendarDate()
  expiresOn?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    example: '电工作业',
    description: 'Special operation type (特种作业类别)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  operationType?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    example: '2026-04-15',
    description: 'Issue day; with an operation type it sets the 3-year review and 6-year expiry',
  })
  @IsOptional()
  @IsCalendarDate()
  issuedOn?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    example: '2029-03-20',
    description: 'The day the 3-year review was passed',
  })
  @IsOptional()
  @IsCalendarDate()
  reviewedOn?: string | null;
}

export class ContactCreateDto {
  @ApiPropertyOptional({
    nullable: true,
    description:
      'Owning enterprise; null or absent: a zone contact. Enterprise officers always create for their own.',
  })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string | null;

  @ApiProperty({ example: '刘建华' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ example: '杜集经开区管委会安监局' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  organization?: string;

  @ApiPropertyOptional({ example: '值班主任' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  post?: string;

  @ApiProperty({
    type: [String],
    example: ['+8613805612345'],
    description: 'E.164; Chinese numbers may omit +86',
  })
  @Transform(toE164List)
  @IsArray()
  @ArrayMaxSize(5)
  @IsPhoneList()
  phones: string[];

  @ApiPropertyOptional({ type: [String], example: ['急救', '气体检测'] })
  @IsOptional()
  @Transform(trimList)
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  skills?: string[];

  @ApiPropertyOptional({ type: [CertificationDto] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CertificationDto)
  certifications?: CertificationDto[];

  @ApiPropertyOptional({ enum: CONTACT_LANGUAGES, default: 'zh-CN' })
  @IsOptional()
  @IsIn(CONTACT_LANGUAGES)
  language?: ContactLanguage;

  @ApiPropertyOptional({ nullable: true, description: 'The user account of this person, if any' })
  @IsOptional()
  @IsUUID()
  userId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class ContactUpdateDto extends PartialType(ContactCreateDto, { skipNullProperties: false }) {}

export class ContactListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Search in name, organization, post and phone numbers' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: "An enterprise id, or 'zone' for the zone's own contacts" })
  @IsOptional()
  @Matches(/^(zone|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: "enterpriseId must be a UUID or 'zone'",
  })
  enterpriseId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  skill?: string;

  @ApiPropertyOptional({ description: 'Only contacts with a certification expiring on or before this date' })
  @IsOptional()
  @IsCalendarDate()
  certificationExpiresBy?: string;
}

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format?: 'csv' | 'xlsx';
}

export class IsoInstantQueryDto {
  @ApiPropertyOptional({ description: 'ISO 8601 instant; default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}
