// The props `<tomticket-form>` takes in JSX and Vue templates, from the package's own types (the
// element's attribute table and event map), so the typings cannot drift from the element.
import type { TomTicketFormAttributes, TomTicketFormEventMap } from 'tomticket-form';

/** `ontomticket:success={(e) => …}`: one handler prop per event, as Preact and React 19 attach them to a custom element. */
export type TomTicketFormEventProps = {
  [Name in keyof TomTicketFormEventMap as `on${Name}`]?: (event: TomTicketFormEventMap[Name]) => void;
};

/** `@tomticket:success="…"` in a Vue template, which Vue passes as `onTomticket:success`. */
export type TomTicketFormVueEventProps = {
  [Name in keyof TomTicketFormEventMap as `on${Capitalize<Name>}`]?: (event: TomTicketFormEventMap[Name]) => void;
};

/** The element's attributes and event handlers, as JSX writes them. */
export type TomTicketFormJsxProps = TomTicketFormAttributes & TomTicketFormEventProps;
