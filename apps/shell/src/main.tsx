import React, { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';
import { reloadOnceForStaleChunk } from './modules/staleChunks.ts';

// The React every module must share: the e2e test compares it with the module's own import.
(globalThis as { __DONDOC_REACT__?: unknown }).__DONDOC_REACT__ = React;

// vite's preload helper (the shell's and every module's) says here that a chunk failed to load:
// after an upgrade, reload once rather than throw; the error boundary shows a second failure.
window.addEventListener('vite:preloadError', (event) => {
  if (reloadOnceForStaleChunk((event as Event & { payload?: unknown }).payload)) event.preventDefault();
});

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
