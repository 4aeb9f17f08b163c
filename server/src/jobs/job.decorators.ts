import { SetMetadata } from '@nestjs/common';
import type { JobName } from './job.types.js';

export const JOB_HANDLER_KEY = 'muster:job-handler';

/** Marks a provider method as the one handler of a job (checked when the worker boots). */
export const OnJob = (name: JobName) => SetMetadata(JOB_HANDLER_KEY, name);
