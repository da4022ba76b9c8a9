// Reads the app-wide info and settings provided by AppDataProvider.
import { useContext } from 'react';
import { AppDataContext } from '../lib/appContext';
import type { AppData } from '../lib/appContext';

export function useAppData(): AppData {
  const v = useContext(AppDataContext);
  if (!v) throw new Error('useAppData 必须在 AppDataProvider 内使用');
  return v;
}
