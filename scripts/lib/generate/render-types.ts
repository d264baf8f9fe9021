/** The three tables of a report as text, ready to be placed under their section headings. */
export interface RenderedTables {
  proactive: string;
  requests: string;
  appeals: string;
}
