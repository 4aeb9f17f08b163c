/** Puts a record the server just returned into a cached list (the room event that follows is then a no-op). */
export function upsertInList<T extends { id: string; updatedAt: string }>(
  list: T[] | undefined,
  item: T,
): T[] | undefined {
  if (!list) return list;
  const index = list.findIndex((x) => x.id === item.id);
  if (index < 0) return [...list, item];
  if (Date.parse(list[index]!.updatedAt) > Date.parse(item.updatedAt)) return list;
  const next = [...list];
  next[index] = item;
  return next;
}
