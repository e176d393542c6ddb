import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("smart_kids_kiosk", {
    steps: () => [
        {
            content: "The tablet shows its centre without anyone logging in",
            trigger: ".o_sk_centre_name:contains(Ban Non Sa-at)",
        },
        {
            content: "Only the gate's tasks: no roster, no search by name",
            trigger: ".o_sk_checkin:not(:has(.o_sk_tab_roster)):not(:has(.o_sk_search))",
        },
        {
            content: "A card reader scan at the entrance",
            trigger: ".o_sk_checkin",
            run: () => {
                for (const key of [..."SK1:kiosk-card-0001", "Enter"]) {
                    document.body.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
                }
            },
        },
        {
            trigger: ".o_sk_result[data-status=checked_in] .o_sk_child_name:contains(Phum)",
        },
        {
            trigger: ".o_sk_health_normal",
            run: "click",
        },
        {
            trigger: ".o_sk_health_ok",
        },
        {
            content: "A few seconds later the tablet forgets the child (idle)",
            trigger: ".o_sk_checkin:not(:has(.o_sk_result)) .o_sk_camera",
            timeout: 10000,
        },
    ],
});
