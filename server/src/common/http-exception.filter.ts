import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import type { ApiError } from '@muster/contracts';
import { DomainError } from './domain-errors.js';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** PostgreSQL constraint names → what the client did wrong, in words. */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  assessment_scheme_year_unique: 'year: the year already has an assessment scheme of these subjects',
  assessment_sheet_department_unique: 'The department already has a sheet in this assessment',
  model_application_once: 'year: the enterprise already has an application for this year',
  work_plan_template_year_key: 'year: the year already has an implementation plan template',
  work_plan_once: 'year: the enterprise already has an implementation plan for this year',
  assessment_notice_number_unique: 'A notice was numbered at the same moment; issue it again',
  enforcement_instrument_once: 'The case has this instrument already',
  enforcement_instrument_number_unique: 'An instrument was numbered at the same moment; issue it again',
  incident_chain_act_once: 'This step of the reporting chain is already on record',
  incident_chain_act_onward_once: 'level: the onward report to this level is already on record',
  incident_chain_act_file_id_fkey: 'fileId: the file does not exist',
  level_activation_once: 'levelId: this response level is already active for the incident',
  enterprise_credit_code_key: 'creditCode: an enterprise with this unified social credit code already exists',
  enterprise_name_key: 'name: an enterprise with this name already exists',
  installation_code_key: 'code: the enterprise already has an installation with this code',
  sensor_point_code_key: 'code: the enterprise already has a sensor point with this code',
  leading_group_member_current: 'contactId: this person already has a place in the leading group',
  safety_manager_once: 'managers: a person is listed twice',
  app_user_email_key: 'email: a user with this email already exists',
  app_user_enterprise_id_fkey: 'enterpriseId: the enterprise does not exist',
  app_user_officer_has_enterprise: 'enterpriseId: required for an enterprise officer',
  contact_enterprise_id_fkey: 'enterpriseId: the enterprise does not exist',
  contact_user_id_key: 'userId: this user is already linked to another contact',
  team_enterprise_id_fkey: 'enterpriseId: the enterprise does not exist',
  team_name_key: 'name: this owner already has a team with this name',
  team_member_contact_id_fkey: 'contact: it is a member of a team; remove it there first',
  rotation_enterprise_id_fkey: 'enterpriseId: the enterprise does not exist',
  rotation_member_contact_id_fkey: 'contact: it is a member of a rotation; remove it there first',
  rotation_override_contact_id_fkey: 'contact: it covers a rotation override; remove it there first',
  resource_enterprise_id_fkey: 'enterpriseId: the enterprise does not exist',
  plan_owner_title_key: 'title: this owner already has a plan with this title',
  plan_version_one_published: 'status: the plan already has a published version',
  plan_version_one_open: 'status: the plan already has a version in preparation',
  plan_version_number_key: 'number: this version number is taken; reload and try again',
  plan_level_rank_key: 'rank: another level of this version has this rank',
  plan_level_code_key: 'code: another level of this version has this code',
  plan_level_policy_id_fkey:
    'policyId: the escalation policy does not exist or is still used by a plan level',
  escalation_policy_name_key: 'name: this owner already has an escalation policy with this name',
  escalation_tier_contact_contact_id_fkey:
    'contact: it is paged by an escalation policy; remove it there first',
  escalation_tier_team_team_id_fkey: 'team: it is paged by an escalation policy; remove it there first',
  escalation_tier_rotation_id_fkey: 'rotation: it is paged by an escalation policy; remove it there first',
  escalation_tier_position_key:
    'tiers: the policy was saved by someone else at the same moment; reload and try again',
  room_task_assignee_user_id_fkey: 'assigneeUserId: the user does not exist',
};

/** The body parser's errors (by their `type`) → what the client did wrong. */
const BODY_PARSER_MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'body: malformed JSON',
  'entity.too.large': 'body: too large',
};

/**
 * One place turns every failure into `{ statusCode, message, error }`: the services' domain
 * errors, Nest's HTTP exceptions (validation, guards) and the database's constraint violations.
 * Client mistakes keep their message; a 500 gets a generic message and an error id that is also
 * in the log, so a user can quote it and an operator can find it.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (res.headersSent) return;
    // A 429 that knows when to come back says so in the standard header too, for clients and
    // proxies that read no body.
    const retryAfter = body.statusCode === 429 ? retryAfterOf(exception) : undefined;
    if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));
    // Explicitly: a route's own @Header('Content-Type', …) (a CSV export, TwiML) is already set
    // when a pipe or the handler throws, and res.json() would keep it for the JSON error.
    res.status(body.statusCode).type('json').json(body);
  }

  private toBody(exception: unknown): ApiError {
    // Nest's Express adapter wraps the body parser's errors in an HttpException with the parser's
    // text ("Unexpected token …"); answer them as what they are, naming the body.
    const parserError = exception instanceof HttpException ? exception.cause : exception;
    if (isBodyParserError(parserError) && BODY_PARSER_MESSAGES[parserError.type]) {
      return {
        statusCode: parserError.status,
        message: BODY_PARSER_MESSAGES[parserError.type]!,
        error: STATUS_TEXT[parserError.status] ?? 'Bad Request',
      };
    }
    if (exception instanceof DomainError) {
      const status = exception.status;
      return {
        statusCode: status,
        message: exception.messages,
        error: STATUS_TEXT[status]!,
        ...(exception.problems.length ? { problems: exception.problems } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : ((response as { message?: string | string[] }).message ?? exception.message);
      // Validation and the login throttle put coded problems in their body (see `ApiError`).
      const problems = typeof response === 'object' ? (response as ApiError).problems : undefined;
      return {
        statusCode: status,
        message,
        error: STATUS_TEXT[status] ?? exception.name,
        ...(problems?.length ? { problems } : {}),
      };
    }
    if (exception instanceof QueryFailedError) {
      const driverError = exception.driverError as { code?: string; constraint?: string };
      const known = driverError.constraint ? CONSTRAINT_MESSAGES[driverError.constraint] : undefined;
      if (driverError.code === '23505' || driverError.code === '23503' || driverError.code === '23514') {
        if (known) return { statusCode: 409, message: known, error: STATUS_TEXT[409] };
      }
    }
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId }, 'Unhandled error');
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      message: `Internal error; quote error id ${errorId}`,
      error: STATUS_TEXT[500],
      errorId,
    };
  }
}

/** The seconds an HttpException's body gives as `retryAfter`, if any. */
function retryAfterOf(exception: unknown): number | undefined {
  if (!(exception instanceof HttpException)) return undefined;
  const response = exception.getResponse() as { retryAfter?: unknown };
  return typeof response === 'object' && Number.isInteger(response.retryAfter)
    ? (response.retryAfter as number)
    : undefined;
}

function isBodyParserError(e: unknown): e is { status: number; type: string } {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { status?: unknown }).status === 'number' &&
    typeof (e as { type?: unknown }).type === 'string'
  );
}
