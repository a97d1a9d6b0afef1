// Must stay the first import: see zod-jitless.ts.
import './zod-jitless';
import '@fontsource-variable/inter';
import '@xyflow/react/dist/style.css';
import './styles/themes.css';
import './styles/app.css';
import './styles/marks.css';
import './styles/pain-points.css';
import './styles/export.css';
import './styles/large-text.css';
import './styles/large-map.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadPreferences } from './commands/preference-commands';

// The remembered theme and text size first (one message to main), so the first paint is already in them.
void loadPreferences().finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
