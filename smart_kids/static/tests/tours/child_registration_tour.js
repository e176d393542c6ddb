import { registry } from "@web/core/registry";

const { DateTime } = luxon;

// A centre head registers a child from a phone: a wrong national ID is refused with a
// clear message and nothing saved; once corrected the child is saved in their centre.
registry.category("web_tour.tours").add("smart_kids_child_registration", {
    url: "/odoo/action-smart_kids.smart_kids_child_action",
    steps: () => {
        const birthDate = DateTime.now().minus({ years: 3, months: 1 }).toFormat("MM/dd/yyyy");
        return [
            {
                content: "Open a new child form",
                trigger: ".o_control_panel .o-kanban-button-new",
                run: "click",
            },
            {
                trigger: ".o_form_view div[name='title'] select",
                run: "selectByLabel Miss",
            },
            {
                trigger: "div[name='first_name'] input",
                run: "edit ข้าวฟ่าง",
            },
            {
                trigger: "div[name='last_name'] input",
                run: "edit ทดสอบทัวร์",
            },
            {
                trigger: "div[name='nickname'] input",
                run: "edit ฟ่าง",
            },
            {
                trigger: "div[name='birth_date'] input",
                run: `edit ${birthDate}`,
            },
            {
                content: "The centre is filled in: the head has exactly one",
                trigger: "div[name='centre_id'] input:value(Tour Centre)",
            },
            {
                content: "A national ID with a wrong check digit",
                trigger: "div[name='national_id'] input",
                run: "edit 1101700230706",
            },
            {
                trigger: ".o_form_button_save",
                run: "click",
            },
            {
                content: "The error says what is wrong",
                trigger: ".modal:contains(not a valid Thai national ID)",
            },
            {
                trigger: ".modal .modal-footer .btn-primary",
                run: "click",
            },
            {
                trigger: "body:not(:has(.modal))",
            },
            {
                trigger: "div[name='national_id'] input",
                run: "edit 1101700230708",
            },
            {
                trigger: ".o_form_button_save",
                run: "click",
            },
            {
                content: "Saved: the name and age are shown",
                trigger: ".o_form_saved div[name='age_display']:contains(3 y 1 m)",
            },
        ];
    },
});
