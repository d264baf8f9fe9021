/** The site's languages: Simplified Chinese first, English second. */
export type Lang = 'zh' | 'en';
