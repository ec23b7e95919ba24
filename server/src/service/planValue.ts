// A plan as a plain value, in the shape of schemas/plan.schema.json: what the importers (StratML,
// documents) build and writePlan.ts writes as YAML. One set of types, so both importers give the
// writer the same thing.

export interface MeasureJson {
  id: string;
  name: string;
  unit?: string;
  direction?: string;
  kind?: string;
  lead?: string | string[];
  aligns?: string[];
  baseline?: { year: number; value: number | string };
  targets?: Record<string, number | string>;
  results?: Record<string, number | string>;
  source?: string;
  priority?: boolean;
}

export interface MilestoneJson {
  title: string;
  due?: string;
  done?: boolean;
}

export interface ItemJson {
  id: string;
  title: string;
  description?: string;
  lead?: string | string[];
  support?: string | string[];
  related?: string[];
  aligns?: string[];
  measures?: MeasureJson[];
  milestones?: MilestoneJson[];
  notes?: string;
  objectives?: ItemJson[];
  subobjectives?: ItemJson[];
}

export interface UnitJson {
  id: string;
  name: string;
  kind?: string;
  description?: string;
}

export interface PlanJson {
  planwright: 1;
  title: string;
  organization?: { name: string; acronym?: string };
  period?: { start: number; end: number };
  mission?: string;
  vision?: string;
  values?: { name: string; description?: string }[];
  units?: UnitJson[];
  notes?: string;
  goals: ItemJson[];
}
