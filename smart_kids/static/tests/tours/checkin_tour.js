import { registry } from "@web/core/registry";

/** What a USB/Bluetooth card reader does: types the code fast and presses Enter. */
function wedgeScan(payload) {
    for (const key of [...payload, "Enter"]) {
        document.body.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
    }
}

registry.category("web_tour.tours").add("smart_kids_checkin", {
    steps: () => [
        {
            content: "The teacher's only centre is chosen for them",
            trigger: ".o_sk_centre_name:contains(Tour Centre)",
        },
        {
            content: "Card reader: a child arrives",
            trigger: ".o_sk_checkin",
            run: () => wedgeScan("SK1:tour-card-phum-0001"),
        },
        {
            trigger: ".o_sk_result[data-status=checked_in] .o_sk_child_name:contains(Phum)",
        },
        {
            content: "Came by school van",
            trigger: ".o_sk_modes button[data-mode=van]",
            run: "click",
        },
        {
            trigger: ".o_sk_modes button.active[data-mode=van]",
        },
        {
            content: "One tap: health normal",
            trigger: ".o_sk_health_normal",
            run: "click",
        },
        {
            trigger: ".o_sk_health_ok",
        },
        {
            content: "Scanned twice by mistake",
            trigger: ".o_sk_checkin",
            run: () => wedgeScan("SK1:tour-card-phum-0001"),
        },
        {
            trigger: ".o_sk_result[data-status=already_in] .o_sk_status:contains(Already checked in at)",
        },
        {
            content: "A card that is not ours",
            trigger: ".o_sk_checkin",
            run: () => wedgeScan("SK1:not-a-real-card"),
        },
        {
            trigger: ".o_sk_error:contains(not a valid Smart Kids card)",
        },
        {
            content: "Lost card: search by nickname",
            trigger: ".o_sk_search",
            run: "edit Kla",
        },
        {
            trigger: ".o_sk_match:contains(Kla)",
            run: "click",
        },
        {
            trigger: ".o_sk_result[data-status=checked_in] .o_sk_child_name:contains(Kla)",
        },
        {
            content: "Something is wrong: fever and cough",
            trigger: ".o_sk_health_details",
            run: "click",
        },
        {
            trigger: ".o_sk_temperature",
            run: "edit 38.4",
        },
        {
            trigger: ".o_sk_health_panel button[data-symptom=cough]",
            run: "click",
        },
        {
            trigger: ".o_sk_health_save",
            run: "click",
        },
        {
            trigger: ".o_sk_health_flag",
        },
        {
            content: "The saved findings are on the card",
            trigger: ".o_sk_health_findings:contains(38.4)",
        },
        {
            content: "A stray tap on Normal does not erase them: it asks",
            trigger: ".o_sk_health_normal",
            run: "click",
        },
        {
            trigger: ".modal:contains(38.4) .modal-footer .btn-secondary",
            run: "click",
        },
        {
            content: "Kept",
            trigger: ".o_sk_checkin:not(:has(.modal)) .o_sk_health_findings:contains(38.4)",
        },
        {
            content:
                "Afternoon: the card of a child who came this morning; while it loads Kla's " +
                "card is gone, so no tap can land on the wrong child",
            trigger: ".o_sk_checkin .o_sk_result .o_sk_child_name:contains(Kla)",
            run: async () => {
                // a slow network: the server's answer comes 500 ms after the scan
                const send = XMLHttpRequest.prototype.send;
                XMLHttpRequest.prototype.send = function (...args) {
                    setTimeout(() => send.apply(this, args), 500);
                };
                try {
                    wedgeScan("SK1:tour-card-nok-0003");
                    await new Promise((resolve) => setTimeout(resolve, 200));
                    const shown = document.querySelector(".o_sk_result .o_sk_child_name");
                    if (shown && shown.textContent.includes("Kla")) {
                        throw new Error("the previous child's card is still on screen");
                    }
                } finally {
                    XMLHttpRequest.prototype.send = send;
                }
            },
        },
        {
            content: "Handed over to grandma, who is on the list",
            trigger: ".o_sk_checkout .o_sk_collector:contains(Grandma Bua)",
            run: "click",
        },
        {
            trigger: ".o_sk_result[data-status=already_out] .o_sk_status:contains(Already checked out at)",
        },
        {
            content: "The camera opens (or says why it cannot)",
            trigger: ".o_sk_camera",
            run: "click",
        },
        {
            trigger: ".modal .o-barcode-modal:has(video, .o_sk_no_camera)",
        },
        {
            trigger: ".modal .oi-arrow-left, .modal .btn-close",
            run: "click",
        },
        {
            content: "Who is still missing?",
            trigger: ".o_sk_tab_roster",
            run: "click",
        },
        {
            trigger: ".o_sk_count_arrived:contains(3)",
        },
        {
            trigger: ".o_sk_missing:contains(Mali) .o_sk_mark_absent",
            run: "click",
        },
        {
            trigger: ".o_sk_absence_form button[data-reason=leave]",
            run: "click",
        },
        {
            trigger: ".o_sk_absence_confirm",
            run: "click",
        },
        {
            trigger: ".o_sk_absent:contains(Mali)",
        },
    ],
});
