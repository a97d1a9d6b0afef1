import { create } from 'zustand';

/** The stakeholder the large map's keyboard list has focus on: the overview rings it, so sighted keyboard users see where they are. */
export const useListFocus = create<{ focusedId: string | null }>()(() => ({ focusedId: null }));
