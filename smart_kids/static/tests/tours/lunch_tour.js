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
            content: "On a phone, the dishes open in a full-screen list: tap one",
            trigger: ".o_form_view div[name=dish_ids] input",
            run: "click",
        },
        {
            trigger: ".modal .o_kanban_record:contains(Steamed jasmine rice)",
            run: "click",
        },
        {
            trigger: ".o_form_view div[name=dish_ids] .o_tag:contains(Steamed jasmine rice)",
        },
        {
            trigger: ".o_form_view div[name=dish_ids] input",
            run: "click",
        },
        {
            trigger: ".modal .o_kanban_record:contains(Plain UHT milk)",
            run: "click",
        },
        {
            content: "The allergy warning names the child",
            trigger: ".alert-danger div[name=allergy_warning]:contains(Phum)",
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
