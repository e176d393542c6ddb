import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("smart_kids_reports_monitoring", {
    steps: () => [
        {
            content: "Today's board: the centre that recorded everything is current",
            trigger: ".o_kanban_group:has(.o_column_title:contains(Current)) .o_kanban_record:contains(Ban Non Sa-at)",
        },
        {
            content: "The centre that recorded nothing stands out",
            trigger: ".o_kanban_group:has(.o_column_title:contains(Nothing recorded)) .o_kanban_record:contains(Ban Nong Waeng)",
        },
        {
            content: "Drill down: province, district, LAO, then one centre",
            trigger: ".o_search_panel_category_value header:contains(Nong Bua Lam Phu)",
            run: "click",
        },
        {
            trigger: ".o_search_panel_category_value header:contains(Si Bun Rueang)",
            run: "click",
        },
        {
            trigger: ".o_search_panel_category_value header:contains(Non Sa-at)",
            run: "click",
        },
        {
            trigger: ".o_search_panel_category_value header.active:contains(Non Sa-at)",
        },
        {
            trigger: ".o_search_panel_category_value header:contains(Ban Nong Waeng)",
            run: "click",
        },
        {
            trigger: ".o_kanban_record:contains(Ban Nong Waeng)",
        },
        {
            content: "Only that centre is left",
            trigger: ".o_kanban_renderer:not(:has(.o_kanban_record:contains(Ban Non Sa-at)))",
        },
        {
            content: "The list view says what is missing",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            trigger: ".o_data_row:contains(Ban Nong Waeng) td[name=missing_summary]:contains(lunch)",
        },
    ],
});
