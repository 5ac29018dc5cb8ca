/* The Wagtail admin without inline scripts, so that its Content-Security-Policy needs no
   'unsafe-inline' for scripts (PORTAL_ADMIN_CSP, docs/operations.md). Wagtail 8 still writes a
   few <script> blocks of its own: the date and time widgets, inline panels, multiple chooser
   panels and chooser widgets. Our copies of those templates (templates/wagtailadmin/ at the top)
   and of the choosers' rendering (portal/admin_scripts.py) write the call as data on an inert
   <template>; this controller makes the same call when the element appears, on page load or
   when a form is added to an inline panel. */
(() => {
  const calls = {
    date: (id, options) => window.initDateChooser(id, options),
    time: (id, options) => window.initTimeChooser(id, options),
    datetime: (id, options) => window.initDateTimeChooser(id, options),
    "inline-panel": (_id, options) => new window.InlinePanel(options),
    "multiple-chooser-panel": (_id, options) => new window.MultipleChooserPanel(options),
    // Wagtail's chooser widgets (portal/admin_scripts.py): ImageChooser, PageChooser…
    chooser: (id, options, constructor) =>
      /^[A-Za-z]+Chooser$/.test(constructor) && new window[constructor](id, options),
    "task-chooser": (id) => window.createTaskChooser(id),
  };

  class InitController extends window.StimulusModule.Controller {
    static values = { call: String, constructor: String, id: String, options: Object };

    connect() {
      // Once only, even if the element is moved (inline panels reorder their forms).
      this.element.removeAttribute("data-controller");
      const call = calls[this.callValue];
      if (call) call(this.idValue, this.optionsValue, this.constructorValue);
    }
  }

  window.wagtail.app.register("hoctap-init", InitController);
})();
