import { registry } from "@web/core/registry";
import { loginSteps } from "@smart_kids/../tests/tours/login_steps";

/** An administrator (every centre) opens the check-in screen from the login page, picks a
 * centre, and works there: the screen must not break before or after the choice. */
registry.category("web_tour.tours").add("smart_kids_checkin_several_centres", {
    steps: () => [
        ...loginSteps("tour_admin", "The administrator logs in"),
        {
            content: "Several centres: the screen asks which one",
            trigger: "select.o_sk_centre",
        },
        {
            content: "Nothing else is offered before a centre is chosen",
            trigger: ".o_sk_checkin:not(:has(.o_sk_tab_scan))",
        },
        {
            content: "Choose the tour centre",
            trigger: "select.o_sk_centre",
            run: "selectByLabel Tour Centre",
        },
        {
            content: "Open today's roster there",
            trigger: ".o_sk_tab_roster",
            run: "click",
        },
        {
            content: "The centre's children not here yet",
            trigger: ".o_sk_missing:contains(Phum)",
        },
    ],
});
