// police.uk's last outcome categories in a few plain groups, in one place: every category that occurs in the street
// files (the force's and every force's counts) is listed here, and an unlisted one is refused with its name rather
// than counted in the wrong group. tests/unit/victims.test.ts reads the raw files and fails on any category not
// listed. Anti-social behaviour has no outcome (its category is empty) and is not counted by the outcome extracts.

export const OUTCOME_GROUP_KEYS = ["no-suspect", "not-prosecuted", "other-decision", "charged", "caution", "local-resolution", "open", "none"] as const;
export type OutcomeGroupKey = (typeof OUTCOME_GROUP_KEYS)[number];

export interface OutcomeGroup {
  key: OutcomeGroupKey;
  /** short label for charts and tables */
  label: string;
  /** what the group holds, in plain words */
  description: string;
}

/** The groups in reading order: from no one found, through no further action, to someone dealt with, then the open. */
export const OUTCOME_GROUPS: readonly OutcomeGroup[] = [
  {key: "no-suspect", label: "No suspect identified", description: "the investigation was completed and no suspect was identified"},
  {key: "not-prosecuted", label: "Suspect identified, not prosecuted", description: "a suspect was identified but the police were unable to prosecute them"},
  {key: "other-decision", label: "Other decision not to go further", description: "further action or investigation was judged not in the public interest, or the case was passed to another organisation"},
  {key: "charged", label: "Charged: went to court", description: "a suspect was charged and the case went to court (police.uk gives no court result), or was charged as part of another case"},
  {key: "caution", label: "Caution, warning or penalty notice", description: "the offender was given a caution, a drugs possession warning or a penalty notice"},
  {key: "local-resolution", label: "Local resolution", description: "the police dealt with the crime by a local resolution, without a charge or caution"},
  {key: "open", label: "Still open or no update", description: "under investigation, awaiting a court outcome, or no status update given"},
  {key: "none", label: "No outcome published", description: "the file gives no outcome for the crime"}
];

/** Every last outcome category police.uk uses in the files held, and its group. */
export const OUTCOME_CATEGORY_GROUPS: Readonly<Record<string, OutcomeGroupKey>> = {
  "Investigation complete; no suspect identified": "no-suspect",
  "Unable to prosecute suspect": "not-prosecuted",
  "Formal action is not in the public interest": "other-decision",
  "Further action is not in the public interest": "other-decision",
  "Further investigation is not in the public interest": "other-decision",
  "Action to be taken by another organisation": "other-decision",
  "Court result unavailable": "charged",
  "Suspect charged as part of another case": "charged",
  "Offender given a caution": "caution",
  "Offender given a drugs possession warning": "caution",
  "Offender given penalty notice": "caution",
  "Local resolution": "local-resolution",
  "Under investigation": "open",
  "Awaiting court outcome": "open",
  "Status update unavailable": "open",
  "": "none"
};

const BY_KEY = new Map(OUTCOME_GROUPS.map((g) => [g.key, g]));

export const outcomeGroup = (key: OutcomeGroupKey): OutcomeGroup => BY_KEY.get(key)!;

/** The group of a last outcome category as published ("" when none was given). Throws on a category not listed. */
export function groupOfOutcome(category: string): OutcomeGroupKey {
  const key = OUTCOME_CATEGORY_GROUPS[category];
  if (!key) {
    throw new Error(`police.uk outcome category ${JSON.stringify(category)} is in no outcome group: add it to OUTCOME_CATEGORY_GROUPS in loaders/extracts/outcome-groups.ts (it lists ${Object.keys(OUTCOME_CATEGORY_GROUPS).map((c) => JSON.stringify(c)).join(", ")})`);
  }
  return key;
}

/** The categories of one group, as published. */
export const categoriesOf = (key: OutcomeGroupKey): string[] => Object.entries(OUTCOME_CATEGORY_GROUPS).filter(([, k]) => k === key).map(([c]) => c);

export interface GroupShare {
  key: OutcomeGroupKey;
  label: string;
  count: number;
  /** of all the crimes counted, 0–1 */
  share: number;
}

/** Counts by category summed into every group (in OUTCOME_GROUPS order, zeros included), with shares of the total. */
export function groupShares(rows: {outcome: string; count: number}[]): {total: number; groups: GroupShare[]} {
  const counts = new Map<OutcomeGroupKey, number>();
  for (const r of rows) counts.set(groupOfOutcome(r.outcome), (counts.get(groupOfOutcome(r.outcome)) ?? 0) + r.count);
  const total = [...counts.values()].reduce((s, n) => s + n, 0);
  return {total, groups: OUTCOME_GROUPS.map((g) => ({key: g.key, label: g.label, count: counts.get(g.key) ?? 0, share: total ? (counts.get(g.key) ?? 0) / total : 0}))};
}

/** One group's share from groupShares' result. */
export const shareOf = (groups: GroupShare[], key: OutcomeGroupKey): GroupShare => groups.find((g) => g.key === key)!;
