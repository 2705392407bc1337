/** The formats of `export`: the Markdown record, or the plan as backlog rows. */
export type ExportFormat = 'md' | 'csv' | 'json';
