import { App, whenReady } from "@odoo/owl";
import { makeEnv, startServices } from "@web/env";
import { getTemplate } from "@web/core/templates";
import { _t } from "@web/core/l10n/translation";
import { MainComponentsContainer } from "@web/core/main_components_container";
import { Component, xml } from "@odoo/owl";
import { CheckinScreen } from "@smart_kids/checkin/checkin_screen";

class KioskRoot extends Component {
    static template = xml`
        <div class="h-100">
            <CheckinScreen kioskToken="props.token"/>
            <MainComponentsContainer/>
        </div>`;
    static components = { CheckinScreen, MainComponentsContainer };
    static props = ["token", "centreName"];
}

/** Mounts the check-in screen on the public kiosk page of one centre. */
export async function startKiosk(info) {
    await whenReady();
    const env = makeEnv();
    await startServices(env);
    const app = new App(KioskRoot, {
        getTemplate,
        env,
        props: { token: info.token, centreName: info.centre_name },
        dev: env.debug,
        translateFn: _t,
        translatableAttributes: ["data-tooltip"],
    });
    return app.mount(document.body);
}
