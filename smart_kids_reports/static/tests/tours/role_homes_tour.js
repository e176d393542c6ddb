import { registry } from "@web/core/registry";
import { loginSteps } from "@smart_kids/../tests/tours/login_steps";

/** An LAO executive at a desk, in Thai: home is the Today board, whose headline says who is
 * behind, and a centre's card leads to its missing children, its lunch and its activities. */
registry.category("web_tour.tours").add("smart_kids_reports_executive_home", {
    steps: () => [
        ...loginSteps("sk_executive"),
        {
            content: "Home: the Today board with its headline (1 of the LAO's 2 centres current)",
            trigger: ".o_sk_today_headline .o_sk_today_current:contains(1 จาก 2)",
        },
        {
            content: "The lagging centre's card: labelled, clickable badges",
            trigger: ".o_kanban_record:contains(Ban Nong Waeng) .o_sk_day_lunch:contains(ไม่ได้บันทึกอาหารกลางวัน)",
        },
        {
            content: "One click to the children not checked in there",
            trigger: ".o_kanban_record:contains(Ban Nong Waeng) .o_sk_day_checkins",
            run: "click",
        },
        {
            content: "The child who has not arrived",
            trigger: ".o_list_view .o_data_row:contains(Kla)",
        },
        {
            content: "Back to the board",
            trigger: ".o_breadcrumb .o_back_button, .breadcrumb-item.o_back_button a, .o_back_button",
            run: "click",
        },
        {
            content: "The current centre's lunch, with its photo, one click away",
            trigger: ".o_kanban_record:contains(Ban Non Sa-at) .o_sk_day_lunch:contains(มีภาพ)",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=centre_id]:contains(Ban Non Sa-at)",
        },
        {
            trigger: ".o_back_button",
            run: "click",
        },
        {
            content: "And its activities",
            trigger: ".o_kanban_record:contains(Ban Non Sa-at) .o_sk_day_activities",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row:contains(Songs)",
        },
    ],
});

/** A centre head lands on their centre's day. */
registry.category("web_tour.tours").add("smart_kids_reports_head_home", {
    steps: () => [
        ...loginSteps("sk_head"),
        {
            content: "Home: the Today board with the head's own centre",
            trigger: ".o_sk_today_headline .o_sk_today_current:contains(1 จาก 1)",
        },
        {
            trigger: ".o_kanban_record:contains(Ban Non Sa-at) .o_sk_day_checkins",
        },
        {
            content: "The menu reaches the day's records and the evaluation",
            trigger: ".o_main_navbar .o_menu_sections:contains(บันทึกประจำวัน):contains(การประเมิน)",
        },
    ],
});

/** A province officer lands on the Today board of the whole province. */
registry.category("web_tour.tours").add("smart_kids_reports_province_home", {
    steps: () => [
        ...loginSteps("sk_province"),
        {
            content: "Home: the province's Today board (1 of its 3 centres current)",
            trigger: ".o_sk_today_headline .o_sk_today_current:contains(1 จาก 3)",
        },
        {
            trigger: ".o_main_navbar .o_menu_sections:contains(การติดตาม)",
        },
    ],
});

/** A district officer at a desk: home is the district's Today board; through the menus, the
 * officer validates a centre's submitted evaluation as the committee and reads the trends,
 * whose axis counts whole centres and whose days are labelled in B.E. */
registry.category("web_tour.tours").add("smart_kids_reports_district_day", {
    steps: () => [
        ...loginSteps("sk_district"),
        {
            content: "Home: the district's Today board (1 of its 2 centres current)",
            trigger: ".o_sk_today_headline .o_sk_today_current:contains(1 จาก 2)",
        },
        {
            content: "The evaluation menu",
            trigger: ".o_main_navbar .o_menu_sections .dropdown-toggle:contains(การประเมิน)",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .dropdown-item:contains(การประเมินศูนย์)",
            run: "click",
        },
        {
            content: "The evaluation the centre submitted to the committee",
            trigger: ".o_data_row:contains(Ban Non Sa-at):contains(คณะกรรมการประเมิน) td[name=centre_id]",
            run: "click",
        },
        {
            content: "The committee validates it",
            trigger: "button[name=action_validate]:contains(รับรองผล)",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(รับรองผลแล้ว)",
        },
        {
            content: "The monitoring menu",
            trigger: ".o_main_navbar .o_menu_sections .dropdown-toggle:contains(การติดตาม)",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .dropdown-item:contains(แนวโน้ม)",
            run: "click",
        },
        {
            content: "The trends: whole centres on the axis, days in B.E.",
            trigger: ".o_graph_renderer canvas",
            run(helpers) {
                const chart = window.Chart.getChart(helpers.anchor);
                const ticks = chart.scales.y.ticks.map((tick) => tick.value);
                if (!ticks.length || ticks.some((value) => !Number.isInteger(value))) {
                    throw new Error(`fractions of centres on the axis: ${ticks}`);
                }
                const labels = chart.data.labels.join(" | ");
                if (!/25\d\d/.test(labels) || /20\d\d/.test(labels)) {
                    throw new Error(`days not in B.E.: ${labels}`);
                }
            },
        },
    ],
});
