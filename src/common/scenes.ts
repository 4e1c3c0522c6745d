/** 我的场景: a user's saved view of a list (server: platform/scenes; web: app/shared/savedScenes). */
export interface SavedScene {
  id: number;
  list: string;
  name: string;
  filters: Record<string, unknown>;
  /** The visible columns; null keeps whatever the user has set locally. */
  columns: string[] | null;
  isDefault: boolean;
  createdAt: string;
}

export interface SavedSceneInput {
  list: string;
  name: string;
  filters: Record<string, unknown>;
  columns?: string[] | null;
  isDefault?: boolean;
}
