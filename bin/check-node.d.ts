/** Node 22.18+ or 24+ (what package.json `engines` says). */
export function isSupported(version: string): boolean;
