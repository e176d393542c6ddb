/** The steps of logging in on /web/login, where every role's tour starts (the tests give
 * tour users their login as password). */
export function loginSteps(login, content = `${login} logs in`) {
    return [
        {
            content,
            trigger: "input#login",
            run: `edit ${login}`,
        },
        {
            trigger: "input#password",
            run: `edit ${login}`,
        },
        {
            trigger: ".oe_login_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
    ];
}
