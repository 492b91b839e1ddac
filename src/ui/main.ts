import './theme.css';
import { applyToDocument } from './i18n/i18n';
import './components/shape-app/shape-app';

applyToDocument();
document.body.replaceChildren(document.createElement('sc-shape-app'));
