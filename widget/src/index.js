// The bundle's first chunk: defines <roadcase-finder> once, pointed at the hub that served this
// script. Defining it upgrades the elements already on the page at once, and each one's first
// act is its one request to the hub.
import { RoadcaseFinder } from './finder.js';

const script = document.currentScript || document.querySelector('script[src*="roadcase-finder"]');
if (script?.src) {
  RoadcaseFinder.hub = new URL(script.src).origin;
  RoadcaseFinder.script = script.src;
}
if (!customElements.get('roadcase-finder')) customElements.define('roadcase-finder', RoadcaseFinder);
