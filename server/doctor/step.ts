/** How one step of the doctor went: its line, the lines under it, and what to do when it failed. */
export interface Step {
  ok: boolean;
  title: string;
  details?: string[];
  fix?: string;
}
