import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { useNavigationType } from 'react-router-dom';

// What each list showed when it was last left, for this tab's life (not stored anywhere).
const memory = new Map<string, unknown>();

/** Forgets every list's state: a new session (login, logout) starts every list afresh. */
export function forgetLists(): void {
  memory.clear();
}

/** Whether this page was opened by Back or Forward and finds what its `key` held when it was left (fixed at mount). */
export function useReturning(key: string | undefined): boolean {
  const navigationType = useNavigationType();
  const [returning] = useState(() => navigationType === 'POP' && key !== undefined && memory.has(key));
  return returning;
}

/**
 * useState that a list keeps across leaving and coming back with the browser's Back button: the
 * page, search and filters a user left are there again. Opened any other way (the menu, a link), it
 * starts from `initial`. Without a key it is plain useState.
 */
export function useRememberedState<T>(key: string | undefined, initial: T | (() => T)): [T, Dispatch<SetStateAction<T>>] {
  const returning = useReturning(key);
  const [value, setValue] = useState<T>(() => (returning ? (memory.get(key!) as T) : typeof initial === 'function' ? (initial as () => T)() : initial));
  useEffect(() => {
    if (key !== undefined) memory.set(key, value);
  }, [key, value]);
  return [value, setValue];
}
