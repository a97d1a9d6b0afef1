// Must stay the first import: see zod-jitless.ts.
import './zod-jitless';
import '@fontsource-variable/inter';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import './styles/marks.css';
import './styles/pain-points.css';
import './styles/export.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
