import { rpc } from "@web/core/network/rpc";

/**
 * What the check-in screen asks the server. A teacher's phone talks to the ORM as the
 * logged-in teacher; the entrance tablet (kiosk) has no login and goes through the
 * kiosk routes, which only reach the centre its secret token belongs to.
 */
export class UserCheckinBackend {
    constructor(orm) {
        this.orm = orm;
    }
    centres() {
        return this.orm.searchRead("smart_kids.centre", [], ["name"], { order: "name" });
    }
    roster(centreId) {
        return this.orm.call("smart_kids.centre", "get_roster", [[centreId]]);
    }
    scanCard(centreId, payload) {
        return this.orm.call("smart_kids.attendance", "scan_card", [centreId, payload]);
    }
    scanChild(centreId, childId) {
        return this.orm.call("smart_kids.attendance", "scan_child", [centreId, childId]);
    }
    searchChildren(centreId, text) {
        return this.orm.call("smart_kids.centre", "search_children", [[centreId], text]);
    }
    recordArrival(attendanceId, arrivalMode, health) {
        return this.orm.call("smart_kids.attendance", "record_arrival", [[attendanceId]], {
            arrival_mode: arrivalMode,
            health,
        });
    }
    checkOut(attendanceId, collector) {
        return this.orm.call("smart_kids.attendance", "check_out_child", [[attendanceId]], collector);
    }
    markAbsent(childId, reason, note) {
        return this.orm.create("smart_kids.absence", [{ child_id: childId, reason, note }]);
    }
}

export class KioskCheckinBackend {
    constructor(token) {
        this.token = token;
    }
    call(route, params = {}) {
        return rpc(`/smart_kids/kiosk/${route}`, { token: this.token, ...params });
    }
    centres() {
        return this.call("centre");
    }
    roster() {
        return this.call("roster");
    }
    scanCard(centreId, payload) {
        return this.call("scan", { payload });
    }
    scanChild(centreId, childId) {
        return this.call("scan_child", { child_id: childId });
    }
    searchChildren(centreId, text) {
        return this.call("search", { text });
    }
    recordArrival(attendanceId, arrivalMode, health) {
        return this.call("arrival", { attendance_id: attendanceId, arrival_mode: arrivalMode, health });
    }
    checkOut(attendanceId, collector) {
        return this.call("check_out", { attendance_id: attendanceId, ...collector });
    }
    markAbsent(childId, reason, note) {
        return this.call("absent", { child_id: childId, reason, note });
    }
}
