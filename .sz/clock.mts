import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.clock.install();
await page.route('http://localhost:48251/**', (route) => route.fulfill({ contentType: 'text/html', body: `<script>window.fired = 0; setTimeout(() => window.fired++); document.addEventListener('DOMContentLoaded', () => setTimeout(() => window.fired += 10));</script>` }));
await page.goto('http://localhost:48251/');
await page.waitForTimeout(1500);
console.log('fired', await page.evaluate('window.fired'));
await browser.close();
