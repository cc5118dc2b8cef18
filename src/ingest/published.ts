// ISO 8601 date, or date-time with optional seconds, fraction and zone: kept exactly as the source wrote it.
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A publication date as stored: ISO dates and timestamps are kept as given; other parseable
 * forms (RSS's RFC 822 "Tue, 25 Feb 2025 10:00:00 GMT") become an ISO timestamp; anything else is null.
 * Never falls back to "now": an unknown date stays unknown.
 */
export function normalizePublished(value: unknown): string | null {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
	if (typeof value !== 'string') return null;
	const text = value.trim();
	if (text === '') return null;
	if (ISO.test(text)) return Number.isNaN(Date.parse(text.replace(' ', 'T'))) ? null : text;
	// Bare numbers ("2025", "1700000000") parse as something, but not as a date anyone meant.
	if (/^\d+$/.test(text)) return null;
	const ms = Date.parse(text);
	return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
