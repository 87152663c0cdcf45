import { render, h } from 'preact';
import { signal, computed, effect, batch, useComputed, untracked } from '@preact/signals';
(window as any).x = [render, h, signal, computed, effect, batch, useComputed, untracked];
