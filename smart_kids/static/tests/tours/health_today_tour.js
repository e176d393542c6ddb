import { registry } from "@web/core/registry";

// After the morning's check-ins, the teacher's list of children marks the one whose
// health screen found something today, and only that one.
registry.category("web_tour.tours").add("smart_kids_health_today", {
    steps: () => [
        {
            content: "Kla had a fever this morning: a red badge on his card",
            trigger: ".o_kanban_record:contains(Kla) .badge.text-bg-danger:contains(Health Finding Today)",
        },
        {
            content: "Phum was fine: no badge",
            trigger: ".o_kanban_record:contains(Phum):not(:has(.badge.text-bg-danger))",
        },
    ],
});
