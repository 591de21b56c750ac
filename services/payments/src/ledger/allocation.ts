import type { ChargeType } from './model.js';

/** An organization's allocation rule: oldest due first, optionally charge types in a priority order first. */
export interface AllocationRule {
  /** Charge types allocated first, in this order (e.g. RENT before LATE_FEE); unlisted types come after. */
  priority: readonly ChargeType[];
}

export const OLDEST_DUE_FIRST: AllocationRule = { priority: [] };

export interface OpenItem {
  chargeId: string;
  chargeType: ChargeType;
  dueDate: string;
  seq: number;
  open: number;
}

/** Open charges in the order money is applied to them under `rule`. */
export function allocationOrder(items: readonly OpenItem[], rule: AllocationRule): OpenItem[] {
  const rank = (t: ChargeType) => {
    const i = rule.priority.indexOf(t);
    return i === -1 ? rule.priority.length : i;
  };
  return items
    .filter((item) => item.open > 0)
    .sort(
      (a, b) =>
        rank(a.chargeType) - rank(b.chargeType) || a.dueDate.localeCompare(b.dueDate) || a.seq - b.seq,
    );
}

/** Splits `amount` over the items in order: each gets at most its open amount; the rest is returned. */
export function distribute(
  amount: number,
  ordered: readonly OpenItem[],
): { parts: { chargeId: string; amount: number }[]; rest: number } {
  const parts: { chargeId: string; amount: number }[] = [];
  let rest = amount;
  for (const item of ordered) {
    if (rest === 0) break;
    const part = Math.min(rest, item.open);
    parts.push({ chargeId: item.chargeId, amount: part });
    rest -= part;
  }
  return { parts, rest };
}
