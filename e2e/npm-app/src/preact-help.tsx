/** @jsxImportSource preact */
// Type-checked only (the build's `tsc`): the element's attributes and events in Preact's JSX.
export const PreactHelp = () => (
  <section>
    <tomticket-form
      id="help"
      class="help"
      lang="en"
      theme="dark"
      mode="launcher"
      position="bottom-left"
      launcher-label="icon"
      context="off"
      department-locked
      ontomticket:success={(event) => console.log(event.detail.protocol)}
      ontomticket:error={(event) => console.log(event.detail.code)}
    />
    {/* @ts-expect-error a misspelled attribute */}
    <tomticket-form lnag="en" />
    {/* @ts-expect-error a value the attribute does not take */}
    <tomticket-form theme="purple" />
    {/* @ts-expect-error an event's detail as it is not */}
    <tomticket-form ontomticket:success={(event) => console.log(event.detail.code)} />
  </section>
);
