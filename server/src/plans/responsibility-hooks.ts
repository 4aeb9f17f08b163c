import { Injectable } from '@nestjs/common';
import type { ResponsibilityEntry } from '@muster/contracts';

/** An enterprise's list was replaced: its entries in order (called inside the replacing transaction). */
export type ListReplacedListener = (enterpriseId: string, entries: ResponsibilityEntry[]) => Promise<void>;

/**
 * Lets other domains follow an enterprise's responsibility list without the plans module knowing
 * them: the posts people hold and sign for are kept in step with the list this way.
 */
@Injectable()
export class ResponsibilityHooks {
  private readonly listeners: ListReplacedListener[] = [];

  onReplaced(listener: ListReplacedListener): void {
    this.listeners.push(listener);
  }

  async runReplaced(enterpriseId: string, entries: ResponsibilityEntry[]): Promise<void> {
    for (const listener of this.listeners) await listener(enterpriseId, entries);
  }
}
