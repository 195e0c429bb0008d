import { createContext, useContext } from 'react';
import type { SessionServices } from './services.js';
import { paletteFor, type Palette } from './theme.js';

const ServicesContext = createContext<SessionServices | null>(null);

/** Provides the session's services to every screen. */
export const ServicesProvider = ServicesContext.Provider;

/** The session's services (throws when a screen is rendered outside the provider). */
export function useServices(): SessionServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() outside <ServicesProvider>');
  return services;
}

/** The colours for this terminal. */
export function usePalette(): Palette {
  return paletteFor(useServices().appearance);
}
