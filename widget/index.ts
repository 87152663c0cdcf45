import { render, h } from 'preact';
import { signal, computed } from '@preact/signals';
const s = signal(1); const c = computed(() => s.value * 2);
render(h('div', null, c), document.body);
