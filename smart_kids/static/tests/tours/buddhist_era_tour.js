import { registry } from "@web/core/registry";
import { loginSteps } from "@smart_kids/../tests/tours/login_steps";

/** A Thai teacher reads a child's birth date in B.E. and corrects the day by typing the
 * date as Thai forms write it; the test then reads the C.E. date stored. */
registry.category("web_tour.tours").add("smart_kids_buddhist_era", {
    steps: () => [
        ...loginSteps("tour_teacher"),
        {
            content: "The children, from the check-in screen",
            trigger: ".o_sk_link_children",
            run: "click",
        },
        {
            trigger: ".o_kanban_record:contains(Phum)",
            run: "click",
        },
        {
            content: "The birth date shows a Buddhist Era year; type another day, B.E.",
            trigger: ".o_field_widget[name=birth_date] input",
            async run(helpers) {
                const [day, month, year] = helpers.anchor.value.split("/");
                if (!(Number(year) > 2500)) {
                    throw new Error(`birth date not in B.E.: ${helpers.anchor.value}`);
                }
                await helpers.edit(`${day === "01" ? "15" : "01"}/${month}/${year}`);
                await helpers.press("Enter");
            },
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved, still shown in B.E.",
            trigger: ".o_form_saved .o_field_widget[name=birth_date] input:value(/^(01|15)\\/\\d\\d\\/25\\d\\d$/)",
        },
    ],
});
