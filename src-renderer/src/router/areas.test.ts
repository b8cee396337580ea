import { describe, expect, it } from 'vitest';
import { homeAreaFor } from './areas.js';

describe('where a person lands after signing in', () => {
  it('is where their work is', () => {
    expect(homeAreaFor('technician')).toBe('meters');
    expect(homeAreaFor('operator')).toBe('dashboard');
    expect(homeAreaFor('admin')).toBe('dashboard');
    expect(homeAreaFor('kiosk')).toBe('settings');
  });
});
