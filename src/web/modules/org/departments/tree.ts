import type { Department } from '../types';

export interface DepartmentNode {
  key: number;
  value: number;
  title: string;
  department: Department;
  disabled?: boolean;
  children: DepartmentNode[];
}

const bySortThenName = (a: Department, b: Department) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN');

/** Builds the tree from the flat list; a node whose parent is missing becomes a root. */
export function buildDepartmentTree(items: Department[], disabledIds: Set<number> = new Set()): DepartmentNode[] {
  const ids = new Set(items.map((d) => d.id));
  const childrenOf = new Map<number | null, Department[]>();
  for (const d of items) {
    const parent = d.parentId !== null && ids.has(d.parentId) ? d.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), d]);
  }
  const build = (parent: number | null, seen: Set<number>): DepartmentNode[] =>
    (childrenOf.get(parent) ?? [])
      .filter((d) => !seen.has(d.id))
      .sort(bySortThenName)
      .map((d) => ({
        key: d.id,
        value: d.id,
        title: d.name,
        department: d,
        disabled: disabledIds.has(d.id) || undefined,
        children: build(d.id, new Set([...seen, d.id])),
      }));
  return build(null, new Set());
}

/** The department and everything below it (what it may not be moved under). */
export function subtreeIds(items: Department[], rootId: number): Set<number> {
  const result = new Set<number>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of items) {
      if (d.parentId !== null && result.has(d.parentId) && !result.has(d.id)) {
        result.add(d.id);
        grew = true;
      }
    }
  }
  return result;
}

/** Names from the root down to the department, for a breadcrumb. */
export function departmentPath(items: Department[], id: number): string[] {
  const byId = new Map(items.map((d) => [d.id, d]));
  const path: string[] = [];
  let current = byId.get(id);
  while (current && path.length < 50) {
    path.unshift(current.name);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return path;
}
