import type { Page } from '@playwright/test';

/**
 * Collects what must fail a test even when every assertion passed: console errors (CSP violations included)
 * and uncaught page errors, from every page the test opened.
 */
export class PageErrors {
  private readonly errors: string[] = [];
  private readonly allowed: RegExp[] = [];

  watch(page: Page): void {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url, lineNumber } = message.location();
      this.add(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    });
    page.on('pageerror', (error) => this.add(`Uncaught error in the page: ${error.stack ?? error.message}`));
  }

  /** A problem found outside the page (a request that left the app, a host call that failed). */
  add(problem: string): void {
    this.errors.push(problem);
  }

  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  problems(): string[] {
    return this.errors.filter((error) => !this.allowed.some((pattern) => pattern.test(error)));
  }
}
