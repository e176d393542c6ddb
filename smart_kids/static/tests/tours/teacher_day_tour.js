import { registry } from "@web/core/registry";
import { loginSteps } from "@smart_kids/../tests/tours/login_steps";

/** A teacher's day on a phone, in Thai, from the login page by taps only: the home is the
 * check-in screen, and lunch, activities and children are one tap from it; the menu reaches
 * the rest. */
registry.category("web_tour.tours").add("smart_kids_teacher_day", {
    steps: () => [
        ...loginSteps("tour_teacher", "The teacher logs in"),
        {
            content: "Home is the check-in screen of the teacher's centre",
            trigger: ".o_sk_checkin .o_sk_centre_name:contains(Tour Centre)",
        },
        {
            content: "With the menu bar: the rest of Odoo is reachable",
            trigger: ".o_main_navbar .o_menu_toggle",
        },
        {
            content: "Lunch, one tap away",
            trigger: ".o_sk_link_lunch:contains(อาหารกลางวัน)",
            run: "click",
        },
        {
            content: "Today's lunch of the centre opens, ready to fill",
            trigger: ".o_form_view .o_field_widget[name=centre_id] input:value(Tour Centre)",
        },
        {
            content: "Back to the check-in screen",
            trigger: ".o_back_button",
            run: "click",
        },
        {
            content: "Activities, one tap away",
            trigger: ".o_sk_link_activities:contains(กิจกรรม)",
            run: "click",
        },
        {
            content: "Today's activities of the centre (none yet: the screen says how to add one)",
            trigger: ".o_action_manager:has(.o_control_panel .o-kanban-button-new, .o_control_panel .o_list_button_add)",
        },
        {
            trigger: ".o_back_button",
            run: "click",
        },
        {
            content: "The children, one tap away",
            trigger: ".o_sk_link_children:contains(เด็ก)",
            run: "click",
        },
        {
            content: "The centre's children",
            trigger: ".o_kanban_record:contains(Phum)",
        },
        {
            content: "The app's menu",
            trigger: ".o_main_navbar .o_menu_toggle",
            run: "click",
        },
        {
            content: "It lists the check-in and the day's records",
            trigger: ".o_app_menu_sidebar:contains(Smart Kids):contains(เช็คอิน):contains(บันทึกประจำวัน)",
        },
    ],
});
