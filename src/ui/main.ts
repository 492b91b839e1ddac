import './theme.css';
import { loadInitialLocale } from './i18n/i18n';
import './components/shape-app/shape-app';

await loadInitialLocale();
document.body.replaceChildren(document.createElement('sc-shape-app'));
