import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import './styles.css';

performance.mark('sigtrail-boot');
createRoot(document.getElementById('root')!).render(<App />);
