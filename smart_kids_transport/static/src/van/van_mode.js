import { patch } from "@web/core/utils/patch";
import { rpc } from "@web/core/network/rpc";
import { useState } from "@odoo/owl";
import { CheckinScreen } from "@smart_kids/checkin/checkin_screen";

/**
 * Van mode of the check-in screen: the attendant starts today's trip, scans each child on
 * board, taps "scan off" at the centre (morning) or when leaving it (afternoon), scans each
 * child off, and ends the trip by scanning the QR code at the back of the van.
 */
patch(CheckinScreen.prototype, {
    setup() {
        super.setup();
        this.van = useState({ setup: null, trip: null, collect: null, other: { name: "", reason: "" }, notBoarded: null });
    },

    vanCall(action, params = {}) {
        return this.run(rpc(`/smart_kids/van/${action}`, params));
    },

    async openVan() {
        this.state.tab = "van";
        this.van.trip = null;
        this.van.setup = await this.vanCall("van_setup", { centre_id: this.state.centreId });
    },

    showTrip(trip) {
        if (!trip) {
            return;
        }
        this.state.error = "";
        this.van.trip = trip;
        this.van.collect = trip.collect || null;
        this.van.other = { name: "", reason: "" };
        this.van.notBoarded = null;
    },

    async startTrip(route) {
        const trip = route.trip_id
            ? await this.vanCall("van_trip", { trip_id: route.trip_id })
            : await this.vanCall("van_start", { route_id: route.id });
        this.showTrip(trip);
    },

    async onCardRead(payload) {
        if (this.state.tab !== "van") {
            return super.onCardRead(payload);
        }
        if (!this.van.trip || this.busy) {
            return;
        }
        this.busy = true;
        try {
            this.showTrip(await this.vanCall("van_scan", { trip_id: this.van.trip.id, payload }));
        } finally {
            this.busy = false;
        }
    },

    async startUnloading() {
        this.showTrip(await this.vanCall("van_unload", { trip_id: this.van.trip.id }));
    },

    async dropAtHome(collector) {
        this.showTrip(
            await this.vanCall("van_drop", {
                trip_id: this.van.trip.id,
                child_id: this.van.collect.child_id,
                ...collector,
            })
        );
    },

    async dropToOther() {
        await this.dropAtHome({ other_name: this.van.other.name, reason: this.van.other.reason });
    },

    async markNotBoarded(child, reason) {
        this.showTrip(
            await this.vanCall("van_not_boarded", { trip_id: this.van.trip.id, child_id: child.id, reason })
        );
    },

    async leaveTrip() {
        await this.openVan();
    },
});
