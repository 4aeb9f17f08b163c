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
import type { CalloutDeliveryView, CalloutRecipientView, CalloutView } from '@muster/contracts';
import type { Callout, CalloutDelivery, CalloutRecipient } from './callout.entities.js';
import { acknowledgements } from './ladder.js';

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

export function mapDelivery(d: CalloutDelivery): CalloutDeliveryView {
  return {
    id: d.id,
    channel: d.channel,
    tier: d.tier,
    round: d.round,
    status: d.status,
    providerId: d.providerSid,
    errorCode: d.errorCode,
    errorMessage: d.errorMessage,
    updatedAt: d.updatedAt.toISOString(),
  };
}

export function mapRecipient(r: CalloutRecipient, deliveries: CalloutDelivery[]): CalloutRecipientView {
  return {
    id: r.id,
    contactId: r.contactId,
    name: r.name,
    phone: r.phone,
    language: r.language,
    tier: r.tier,
    state: r.state,
    unreachable: r.unreachable,
    notifiedAt: r.notifiedAt?.toISOString() ?? null,
    respondedAt: r.respondedAt?.toISOString() ?? null,
    responseChannel: r.responseChannel,
    secondsToRespond:
      r.respondedAt && r.notifiedAt
        ? Math.round((r.respondedAt.getTime() - r.notifiedAt.getTime()) / 1000)
        : null,
    lastError: r.lastError,
    deliveries: deliveries.map(mapDelivery),
  };
}

export function mapCallout(
  c: Callout,
  recipients: CalloutRecipient[],
  deliveries: CalloutDelivery[],
): CalloutView {
  const byRecipient = new Map<string, CalloutDelivery[]>();
  for (const d of deliveries) byRecipient.set(d.recipientId, [...(byRecipient.get(d.recipientId) ?? []), d]);
  return {
    id: c.id,
    incidentId: c.incidentId,
    policyId: c.policyId,
    message: c.message,
    responseLevel: c.responseLevel,
    isDrill: c.isDrill,
    shortCode: c.shortCode,
    status: c.status,
    tiers: c.tiers.map(({ policyQuorum, ...t }) => ({ ...t, policyQuorum: policyQuorum ?? t.quorum })),
    currentTier: c.currentTier,
    currentRound: c.currentRound,
    acknowledged: acknowledgements(recipients),
    createdAt: c.createdAt.toISOString(),
    endedAt: c.endedAt?.toISOString() ?? null,
    endReason: c.endReason,
    recipients: recipients.map((r) => mapRecipient(r, byRecipient.get(r.id) ?? [])),
  };
}
