import { Component, onWillStart, onWillUnmount, useExternalListener, useState } from "@odoo/owl";
import { browser } from "@web/core/browser/browser";
import { registry } from "@web/core/registry";
import { useBus, useService } from "@web/core/utils/hooks";
import { ConfirmationDialog } from "@web/core/confirmation_dialog/confirmation_dialog";
import { _t } from "@web/core/l10n/translation";
import { scanQrCode } from "./qr_scanner";
import { CheckinBackend } from "./checkin_backend";

/**
 * The duty teacher's morning and afternoon on one screen: scan a card (camera, card
 * reader or search by name), see the child at once, record how they came and the health
 * screen; scan again in the afternoon to hand the child over. The roster tab shows who
 * is still missing and lets the teacher mark absences.
 */
export class CheckinScreen extends Component {
    static template = "smart_kids.CheckinScreen";
    // the action service's props (optional: the kiosk mounts the screen by itself)
    static props = {
        action: { type: Object, optional: true },
        actionId: { type: [Number, Boolean], optional: true },
        updateActionState: { type: Function, optional: true },
        className: { type: String, optional: true },
        globalState: { type: Object, optional: true },
        state: { type: Object, optional: true },
        resId: { type: [Number, Boolean], optional: true },
        kioskToken: { type: String, optional: true },
    };

    setup() {
        this.notification = useService("notification");
        this.dialog = useService("dialog");
        this.backend = new CheckinBackend(this.props.kioskToken);
        this.state = useState({
            // the centres and the buttons' choices (arrival modes, symptoms, absence
            // reasons) come from the server's fields
            choices: { arrival_modes: [], absence_reasons: [], symptoms: [] },
            centres: [],
            centreId: false,
            tab: "scan",
            result: null,
            loading: false,
            error: "",
            panel: null,
            health: { temperature: "", symptoms: [], notes: "" },
            other: { name: "", reason: "" },
            search: "",
            matches: [],
            roster: null,
            absence: null,
        });
        this.busy = false;
        useBus(useService("barcode").bus, "barcode_scanned", (ev) =>
            this.onCardRead(ev.detail.barcode)
        );
        if (this.props.kioskToken) {
            // the shared tablet forgets the last child after a while without a tap, as
            // hr_attendance's kiosk does: the next family does not see their name or allergies
            this.idleTimer = null;
            for (const type of ["pointerdown", "keydown"]) {
                useExternalListener(window, type, () => this.restartIdleTimer());
            }
            onWillUnmount(() => browser.clearTimeout(this.idleTimer));
        }
        onWillStart(async () => {
            const { centres, idle_seconds, ...choices } = await this.backend.call("setup");
            this.idleSeconds = idle_seconds || 0;
            this.state.centres = centres;
            this.state.choices = choices;
            if (this.state.centres.length === 1) {
                this.state.centreId = this.state.centres[0].id;
            }
        });
    }

    /** Runs a check-in action at the chosen centre. */
    atCentre(action, params = {}) {
        return this.run(this.backend.call(action, { centre_id: this.state.centreId, ...params }));
    }

    get centre() {
        return this.state.centres.find((c) => c.id === this.state.centreId);
    }

    /** Lunch, activities or children of the chosen centre, in the web client. */
    async openDay(method) {
        const { orm, action } = this.env.services;
        const centreAction = await orm.call("smart_kids.centre", method, [[this.state.centreId]]);
        await action.doAction(centreAction);
    }

    restartIdleTimer() {
        browser.clearTimeout(this.idleTimer);
        if (this.idleSeconds > 0) {
            this.idleTimer = browser.setTimeout(() => this.backToIdle(), this.idleSeconds * 1000);
        }
    }

    backToIdle() {
        Object.assign(this.state, { result: null, panel: null, error: "", search: "", matches: [] });
    }

    selectCentre(ev) {
        this.state.centreId = parseInt(ev.target.value) || false;
        this.state.result = null;
        this.state.roster = null;
    }

    async run(promise) {
        try {
            return await promise;
        } catch (error) {
            const message = error.data?.message || error.message || String(error);
            this.state.error = message;
            this.state.result = null;
            this.state.panel = null;
            this.notification.add(message, { type: "danger" });
            return null;
        }
    }

    show(result) {
        if (!result) {
            return;
        }
        this.state.error = "";
        this.state.result = result;
        this.state.panel = result.status === "check_out" ? "checkout" : null;
        this.state.health = { temperature: "", symptoms: [], notes: "" };
        this.state.other = { name: "", reason: "" };
        this.state.search = "";
        this.state.matches = [];
        this.state.tab = "scan";
        if (this.props.kioskToken) {
            this.restartIdleTimer();
        }
    }

    async onCardRead(payload) {
        if (!this.state.centreId || this.busy) {
            return;
        }
        this.busy = true;
        try {
            await this.loadChild("scan", { payload });
        } finally {
            this.busy = false;
        }
    }

    /** The next child: the card on screen goes at once, so a tap meant for it cannot land on
     * the child being replaced (or the reverse) while the server answers. */
    async loadChild(action, params) {
        this.state.result = null;
        this.state.panel = null;
        this.state.loading = true;
        try {
            this.show(await this.atCentre(action, params));
        } finally {
            this.state.loading = false;
        }
    }

    async openCamera() {
        await this.onCardRead(await scanQrCode(this.env));
    }

    async onSearchInput(ev) {
        this.state.search = ev.target.value;
        const text = this.state.search.trim();
        this.state.matches = text ? (await this.atCentre("search", { text })) || [] : [];
    }

    async pickChild(child) {
        await this.loadChild("scan_child", { child_id: child.id });
    }

    recordArrival(params) {
        return this.atCentre("arrival", { attendance_id: this.state.result.attendance_id, ...params });
    }

    async setArrivalMode(mode) {
        this.show(await this.recordArrival({ arrival_mode: mode }));
    }

    async healthNormal() {
        if (!this.state.result.health_abnormal) {
            this.show(await this.recordArrival({ health: {} }));
            return;
        }
        // saved findings are replaced only on purpose, never by one stray tap
        this.dialog.add(ConfirmationDialog, {
            title: _t("Replace the saved findings?"),
            body: _t(
                "Saved for this child: %s. Record the health check as normal instead?",
                this.state.result.health_findings
            ),
            confirmLabel: _t("Yes, normal"),
            confirm: async () =>
                this.show(await this.recordArrival({ health: {}, replace_findings: true })),
            cancel: () => {},
        });
    }

    openHealthDetails() {
        this.state.panel = "health";
    }

    toggleSymptom(key) {
        const symptoms = this.state.health.symptoms;
        const index = symptoms.indexOf(key);
        if (index >= 0) {
            symptoms.splice(index, 1);
        } else {
            symptoms.push(key);
        }
    }

    async saveHealth() {
        const health = this.state.health;
        const result = await this.recordArrival({
            health: {
                temperature: parseFloat(String(health.temperature).replace(",", ".")) || 0,
                symptoms: [...health.symptoms],
                notes: health.notes,
            },
        });
        this.show(result);
    }

    async handOver(collector) {
        this.show(
            await this.atCentre("check_out", { attendance_id: this.state.result.attendance_id, ...collector })
        );
    }

    async handOverToOther() {
        const other = this.state.other;
        await this.handOver({ other_name: other.name, reason: other.reason });
    }

    async openRoster() {
        this.state.tab = "roster";
        this.state.roster = await this.atCentre("roster");
    }

    askAbsence(child) {
        this.state.absence = { child, reason: "sick", note: "" };
    }

    async confirmAbsence() {
        const absence = this.state.absence;
        const done = await this.atCentre("absent", {
            child_id: absence.child.id,
            reason: absence.reason,
            note: absence.note,
        });
        this.state.absence = null;
        if (done) {
            await this.openRoster();
        }
    }
}

registry.category("actions").add("smart_kids.checkin", CheckinScreen);
