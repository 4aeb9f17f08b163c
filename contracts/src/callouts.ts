import type { ResponseLevel } from './incidents.js';
/** Call-outs as the API (`GET /api/callouts/:id`) and the room speak of them. */
import type { FeatureGeometry, MapFeatureKind } from './incidents.js';
export type CalloutChannel = 'sms' | 'voice';
/** How a person answered: by SMS reply, keypress, the signed link, or signed in to the console. */
export type AnswerChannel = CalloutChannel | 'link' | 'console';
export type CalloutStatusValue = 'active' | 'succeeded' | 'cancelled' | 'exhausted';
/** Where a person stands in a call-out, from paged to answered (or given up on). */
export const RECIPIENT_STATES = ['pending', 'notified', 'acknowledged', 'declined', 'exhausted'] as const;
export type RecipientStateValue = (typeof RECIPIENT_STATES)[number];

/** The SMS and voice providers a page can go through. */
export type MessagingProviderName = 'twilio' | 'tencent';

/** An SMS/voice provider's health: its circuit breaker as the sending workers see it. */
export interface ProviderHealthView {
  provider: MessagingProviderName;
  configured: boolean;
  /** closed: sends go to it; open: passed over for another; half_open: one probe let through. */
  state: 'closed' | 'open' | 'half_open';
  /** Errors and time-outs within the breaker's window. */
  recentFailures: number;
  openedAt: string | null;
  lastFailure: string | null;
  sent: number;
  failed: number;
}

/** What one provider will send for a call-out's first round, shown before it is sent. */
export interface ProviderSendPreview {
  provider: MessagingProviderName;
  /** People texted through it, and the SMS (billed segments) that makes. */
  texted: number;
  segments: number;
  /** People only called (a landline; a voice-only tier). */
  calledOnly: number;
  /** Sends per second it takes (0: no limit), and how long the texts take at that rate. */
  ratePerSecond: number;
  secondsAtRate: number;
  /** Texts per number per day it takes (0: no cap), and how many of these numbers are at it. */
  dailyCapPerNumber: number;
  atDailyCap: number;
}

export interface CalloutDeliveryPreview {
  recipients: number;
  providers: ProviderSendPreview[];
  /** People no configured provider reaches on their tier's channels. */
  unreachable: number;
}

export interface CalloutDeliveryView {
  id: string;
  channel: CalloutChannel;
  tier: number;
  round: number;
  /** pending, sending, then the provider's: queued, sent, delivered, failed, undelivered; for calls initiated … completed. */
  status: string;
  /** Which SMS/voice provider the page went to: `twilio`, `tencent` (null: not sent yet). */
  provider: MessagingProviderName | null;
  providerId: string | null;
  errorCode: number | null;
  errorMessage: string | null;
  updatedAt: string;
}

/**
 * Why a page did not get through, as the call-out board shows it. Room events carry it live
 * (`callout.recipient_updated`), so the commander sees a refused number while the call follows.
 */
export interface PageFailure {
  channel: CalloutChannel;
  /** The provider's error code, e.g. Twilio's 21211 (invalid number), 21614 (not a mobile number), 21610 (unsubscribed by STOP). */
  code: number | null;
  /** The page's end status: failed, undelivered, busy, no-answer. */
  status: string;
}

export interface CalloutRecipientView {
  id: string;
  contactId: string | null;
  name: string;
  phone: string;
  language: 'zh-CN' | 'en';
  tier: number;
  state: RecipientStateValue;
  unreachable: boolean;
  notifiedAt: string | null;
  respondedAt: string | null;
  responseChannel: AnswerChannel | null;
  /** Seconds from the first notification to the answer. */
  secondsToRespond: number | null;
  lastError: string | null;
  deliveries: CalloutDeliveryView[];
}

export interface CalloutTierView {
  index: number;
  channels: CalloutChannel[];
  voiceDelaySeconds: number;
  ackTimeoutSeconds: number;
  /**
   * Acknowledgements that end the call-out once this tier is paged. When fewer people can be
   * paged up to this tier than the policy asks for (a drill's roster, people a drill made
   * unreachable), it is all of them.
   */
  quorum: number;
  /** What the policy asks for; above `quorum` when fewer people could be paged. */
  policyQuorum: number;
  repeats: number;
}

export interface CalloutView {
  id: string;
  incidentId: string;
  policyId: string | null;
  message: string;
  /** The response level this call-out was started for, when a plan level started it. */
  responseLevel: ResponseLevel | null;
  isDrill: boolean;
  shortCode: string;
  status: CalloutStatusValue;
  tiers: CalloutTierView[];
  currentTier: number;
  currentRound: number;
  acknowledged: number;
  createdAt: string;
  endedAt: string | null;
  endReason: string | null;
  recipients: CalloutRecipientView[];
}

export interface CalloutMessagePreview {
  language: 'zh-CN' | 'en';
  text: string;
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  units: number;
}

/**
 * The responder page's view, reached by the signed link in the SMS. Once the call-out has ended
 * for the person (cancelled, exhausted, or succeeded without them, or its incident closed) the
 * link tells the incident's title and nothing more: no message, place or map, and it takes no
 * answer. Those coming for a call-out that succeeded keep their briefing.
 */
export interface ResponderBriefing {
  calloutId: string;
  isDrill: boolean;
  /** Null once the call-out has ended for this person. */
  message: string | null;
  responseLevel: ResponseLevel | null;
  recipientName: string;
  state: RecipientStateValue;
  incident: {
    title: string;
    /** The details below are left out once the call-out has ended. */
    category?: string;
    severity?: string;
    address?: string;
    location?: { lat: number; lng: number };
    enterpriseName?: string | null;
  };
  /** Assembly points and command posts drawn in the room. */
  places: { kind: string; label: string; lat: number; lng: number }[];
  /** Everything drawn in the room (cordon, hazard zones, routes, posts, assembly points), as drawn. */
  features: { kind: MapFeatureKind; label: string; geometry: FeatureGeometry; radiusM: number | null }[];
  /** Where the responder last shared their position from, if they did. */
  location: { lat: number; lng: number } | null;
  calloutStatus: CalloutStatusValue;
}

/**
 * A responder's last known position (`GET /api/incidents/:id/responder-positions`, and for every
 * open incident in scope `GET /api/responder-positions`): where they last shared it from the
 * call-out link or the console, and when, so the map can say how old it is.
 */
export interface ResponderPositionView {
  recipientId: string;
  calloutId: string;
  incidentId: string;
  incidentTitle: string;
  name: string;
  state: RecipientStateValue;
  lat: number;
  lng: number;
  /** Null for positions shared before their time was kept. */
  locatedAt: string | null;
}

/**
 * One of the signed-in user's call-outs (`GET /api/me/callouts`), found through the directory
 * contacts linked to their account. While it still takes their answer (`open`) it carries the
 * briefing the SMS link would show; once it has ended for them, as on the link, the incident's
 * title and what became of it, no more.
 */
export interface MyCalloutView {
  calloutId: string;
  recipientId: string;
  incidentId: string;
  isDrill: boolean;
  responseLevel: ResponseLevel | null;
  calloutStatus: CalloutStatusValue;
  state: RecipientStateValue;
  /** The call-out still takes this person's answer (or they are coming and keep the briefing). */
  open: boolean;
  /** When they were first paged, else when the call-out started. */
  pagedAt: string;
  respondedAt: string | null;
  responseChannel: AnswerChannel | null;
  endedAt: string | null;
  /** Null once the call-out has ended for them. */
  message: string | null;
  incident: {
    title: string;
    category: string;
    severity: string;
    /** Left out once the call-out has ended for them. */
    address?: string;
    location?: { lat: number; lng: number };
    enterpriseName?: string | null;
  };
  /** The signed link's token, for the full briefing and map at `/r/:token`; null once ended. */
  briefingToken: string | null;
}

export type MyCalloutScope = 'open' | 'recent';

export interface MyCalloutList {
  items: MyCalloutView[];
  total: number;
  /** Whether any directory contact is linked to the account (without one, no call-out can name it). */
  linked: boolean;
}
