import { registry } from "@web/core/registry";
import { loginSteps } from "@smart_kids/../tests/tours/login_steps";

function pickInDropdown(content, fieldSelector, text) {
    return [
        { content, trigger: `${fieldSelector} input`, run: `edit ${text}` },
        {
            trigger: `.o-autocomplete--dropdown-menu .dropdown-item:contains(${text})`,
            run: "click",
        },
    ];
}

function menu(section, item) {
    return [
        {
            content: `Menu ${section} › ${item}`,
            trigger: `.o_main_navbar .o_menu_sections .dropdown-toggle:contains(${section})`,
            run: "click",
        },
        { trigger: `.o-dropdown--menu .dropdown-item:contains(${item})`, run: "click" },
    ];
}

const save = [
    { trigger: ".o_form_button_save", run: "click" },
    { trigger: ".o_form_saved" },
];

/** An administrator at a desk, in Thai, from the login page by clicks: a new LAO in the
 * hierarchy, its centre, a login for its teacher with the teacher's role, and the teacher
 * record that gives the login the centre. */
registry.category("web_tour.tours").add("smart_kids_admin_setup", {
    steps: () => [
        ...loginSteps("tour_admin", "The administrator logs in"),
        ...menu("ตั้งค่า", "จังหวัด อำเภอ และ อปท."),
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: ".o_field_widget[name=name] input", run: "edit อบต.ตั้งค่าใหม่" },
        { trigger: ".o_field_widget[name=area_type] select", run: 'select "lao"' },
        { trigger: ".o_field_widget[name=lao_type] select", run: 'select "sao"' },
        ...pickInDropdown("Under its district", ".o_field_widget[name=parent_id]", "Tour District"),
        ...save,
        {
            content: "The centres",
            trigger: ".o_main_navbar .o_menu_sections .o_nav_entry:contains(ศูนย์พัฒนาเด็กเล็ก)",
            run: "click",
        },
        { trigger: ".o-kanban-button-new, .o_list_button_add", run: "click" },
        { trigger: ".o_field_widget[name=name] input", run: "edit ศพด.ตั้งค่าใหม่" },
        ...pickInDropdown("Its LAO", ".o_field_widget[name=lao_id]", "อบต.ตั้งค่าใหม่"),
        ...save,
        {
            content: "Odoo's users, from the apps menu",
            trigger: ".o_main_navbar .o_navbar_apps_menu button",
            run: "click",
        },
        { trigger: ".o-dropdown--menu .o_app[data-menu-xmlid='base.menu_administration']", run: "click" },
        {
            trigger: ".o_main_navbar .o_menu_sections [data-menu-xmlid='base.menu_users']",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu [data-menu-xmlid='base.menu_action_res_users']",
            run: "click",
        },
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: ".o_field_widget[name=name] input", run: "edit ครูใหม่ ตั้งค่า" },
        { trigger: ".o_field_widget[name=login] input", run: "edit newteacher" },
        {
            content: "The Smart Kids tab of the user",
            trigger: ".o_notebook .nav-link:contains(Smart Kids)",
            run: "click",
        },
        {
            content: "Their role: teacher",
            trigger: ".o_field_widget[name=smart_kids_role] select",
            run: 'select "teacher"',
        },
        ...save,
        {
            content: "Back to Smart Kids",
            trigger: ".o_main_navbar .o_navbar_apps_menu button",
            run: "click",
        },
        { trigger: ".o-dropdown--menu .o_app:contains(Smart Kids)", run: "click" },
        {
            content: "The teachers",
            trigger: ".o_main_navbar .o_menu_sections .o_nav_entry:contains(ครู)",
            run: "click",
        },
        { trigger: ".o-kanban-button-new, .o_list_button_add", run: "click" },
        { trigger: ".o_field_widget[name=name] input", run: "edit ครูใหม่ ตั้งค่า" },
        ...pickInDropdown("Works at the new centre", ".o_field_widget[name=centre_ids]", "ศพด.ตั้งค่าใหม่"),
        ...pickInDropdown("Logs in as", ".o_field_widget[name=user_id]", "ครูใหม่ ตั้งค่า"),
        ...save,
    ],
});
