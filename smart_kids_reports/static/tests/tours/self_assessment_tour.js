import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("smart_kids_reports_self_assessment", {
    steps: () => [
        {
            content: "The head opens the centre's evaluation",
            trigger: ".o_data_row:contains(Ban Non Sa-at) td[name=centre_id]",
            run: "click",
        },
        {
            content: "Indicators scored from the data are already filled in",
            trigger: ".o_field_one2many .o_data_row:contains(Daily check-in recorded) td[name=auto_score]:contains(5)",
        },
        {
            content: "Score a judged indicator",
            trigger: ".o_field_one2many .o_data_row:contains(Teacher development) td[name=self_score]",
            run: "click",
        },
        {
            trigger: ".o_field_one2many .o_selected_row td[name=self_score] select",
            run() {
                // pick "4 - Very good" by its label, as a head would
                const select = document.querySelector(
                    ".o_field_one2many .o_selected_row td[name=self_score] select"
                );
                const option = [...select.options].find((o) => o.textContent.trim().startsWith("4"));
                select.value = option.value;
                select.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "Submit to the committee",
            trigger: "button[name=action_submit]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Committee)",
        },
    ],
});
