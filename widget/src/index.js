// The bundle's entry: defines <roadcase-finder> once, pointed at the hub that served this script.
import { RoadcaseFinder } from './finder.js';

const script = document.currentScript || document.querySelector('script[src*="roadcase-finder"]');
if (script?.src) RoadcaseFinder.hub = new URL(script.src).origin;
if (!customElements.get('roadcase-finder')) customElements.define('roadcase-finder', RoadcaseFinder);
