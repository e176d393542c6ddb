import { registry } from "@web/core/registry";

// A teacher records lunch from a phone: the milk dish raises the allergy warning for
// the child allergic to milk who is here today.
registry.category("web_tour.tours").add("smart_kids_lunch", {
    steps: () => [
        {
            content: "Servings default to the children checked in",
            trigger: ".o_form_view div[name=served_count] input:value(2)",
        },
        {
            content: "On a phone, the dishes are chips to tick: tap one",
            trigger: ".o_form_view div[name=dish_ids] label:contains(Steamed jasmine rice)",
            run: "click",
        },
        {
            content: "The list stays open: tap the next dish of the day",
            trigger: ".o_form_view div[name=dish_ids] label:contains(Plain UHT milk)",
            run: "click",
        },
        {
            trigger: ".o_form_view div[name=dish_ids] input:checked + label:contains(Steamed jasmine rice)",
        },
        {
            content: "The allergy warning names the child",
            trigger: ".alert-danger div[name=allergy_warning]:contains(Phum)",
        },
        {
            content: "Add a photo of the lunch",
            trigger: ".o_form_view div[name=photo_ids] .o-kanban-button-new",
            run: "click",
        },
        {
            content: "The empty photo is one big target: a tap opens the camera or the gallery",
            trigger: ".modal .o_field_smart_kids_photo .o_sk_photo_hint",
            run(helpers) {
                const field = helpers.anchor.closest(".o_field_widget");
                const picker = field.querySelector("input.o_input_file");
                let opened = false;
                // no file dialog in a headless browser: note the tap reached the picker
                picker.addEventListener(
                    "click",
                    (ev) => {
                        opened = true;
                        ev.preventDefault();
                    },
                    { once: true }
                );
                helpers.anchor.click();
                if (!opened) {
                    throw new Error("tapping the photo did not open the picker");
                }
            },
        },
        {
            content: "Caption and children have visible input lines",
            trigger: ".modal div[name=caption].o_field_highlight input",
        },
        {
            trigger: ".modal .o_form_button_cancel, .modal .modal-footer button:contains(Discard)",
            run: "click",
        },
        {
            trigger: "div[name=cost_per_head] input",
            run: "edit 23",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
    ],
});
