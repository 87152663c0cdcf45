import { render, h } from 'preact';
(window as any).x = [render, h];
