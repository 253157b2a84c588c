import React, { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';

// The React every module must share: the e2e test compares it with the module's own import.
(globalThis as { __DONDOC_REACT__?: unknown }).__DONDOC_REACT__ = React;

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
