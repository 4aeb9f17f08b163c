/** The page a list query asks for (`PageQueryDto` validates it at the door). */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** The rows of one page: what to skip and how many to take. */
export function pageWindow(q: PageRequest): { skip: number; take: number } {
  return { skip: (q.page - 1) * q.pageSize, take: q.pageSize };
}
