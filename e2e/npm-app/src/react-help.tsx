/** @jsxImportSource react */
// Type-checked only (the build's `tsc`): the element's attributes and events in React's JSX.
import type {} from 'tomticket-form/react';

export const ReactHelp = () => (
  <section>
    <tomticket-form
      id="help"
      className="help"
      lang="es"
      context="full"
      draft-key="help"
      ontomticket:error={(event) => console.log(event.detail.code, event.detail.message)}
    />
    {/* @ts-expect-error a misspelled attribute */}
    <tomticket-form endpiont="https://support.example.com" />
    {/* @ts-expect-error a value the attribute does not take */}
    <tomticket-form position="top-left" />
  </section>
);
