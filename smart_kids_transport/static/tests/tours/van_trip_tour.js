import { registry } from "@web/core/registry";
import { loginSteps } from "@smart_kids/../tests/tours/login_steps";

/** What a USB/Bluetooth card reader does: types the code fast and presses Enter. */
function wedgeScan(payload) {
    for (const key of [...payload, "Enter"]) {
        document.body.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
    }
}

registry.category("web_tour.tours").add("smart_kids_van_trip", {
    steps: () => [
        ...loginSteps("tour_van", "The attendant logs in on the phone"),
        {
            content: "The phone opens on the check-in screen of their centre",
            trigger: ".o_sk_checkin .o_sk_centre_name:contains(Tour Centre)",
        },
        {
            content: "Van mode",
            trigger: ".o_sk_tab_van",
            run: "click",
        },
        {
            content: "Start today's morning trip",
            trigger: ".o_sk_van_route:contains(Van 1 morning)",
            run: "click",
        },
        {
            trigger: ".o_sk_van_rider[data-state=expected]:contains(Phum)",
        },
        {
            content: "Phum boards: his card on the reader",
            trigger: ".o_sk_checkin",
            run: () => wedgeScan("SK1:tour-van-phum-0001"),
        },
        {
            trigger: ".o_sk_van_message[data-status=boarded]:contains(Phum)",
        },
        {
            content: "Ploy boards",
            trigger: ".o_sk_van_rider[data-state=boarded]:contains(Phum)",
            run: () => wedgeScan("SK1:tour-van-ploy-0001"),
        },
        {
            trigger: ".o_sk_on_board:contains(2)",
        },
        {
            content: "Mali is not at the roadside: her mother says she is ill",
            trigger: ".o_sk_van_rider:contains(Mali) .o_sk_not_boarded",
            run: "click",
        },
        {
            trigger: ".o_sk_not_boarded_form button[data-reason=absent]",
            run: "click",
        },
        {
            trigger: ".o_sk_van_rider[data-state=not_boarded]:contains(Mali)",
        },
        {
            content: "Trying to end the trip with two children on board",
            trigger: ".o_sk_van_end_hint",
            run: () => wedgeScan("SKV1:tour-rear-0001"),
        },
        {
            trigger: ".o_sk_error:contains(still on board)",
        },
        {
            content: "At the centre: scan the children off",
            trigger: ".o_sk_van_unload",
            run: "click",
        },
        {
            trigger: ".o_sk_van:not(:has(.o_sk_van_unload))",
            run: () => wedgeScan("SK1:tour-van-phum-0001"),
        },
        {
            trigger: ".o_sk_van_message[data-status=arrived]:contains(Phum)",
            run: () => wedgeScan("SK1:tour-van-ploy-0001"),
        },
        {
            trigger: ".o_sk_van_message[data-status=arrived]:contains(Ploy)",
        },
        {
            content: "Walk to the back, check the seats, scan the rear code",
            trigger: ".o_sk_on_board:contains(0)",
            run: () => wedgeScan("SKV1:tour-rear-0001"),
        },
        {
            trigger: ".o_sk_trip_ended",
        },
    ],
});
